#!/usr/bin/env python3
"""Split the upstream interview README into one Markdown page per question.

Reads SOURCE (a table of contents, then "## #N" sections) and writes
OUT/questions/NN-slug.md for every question of the table of contents, plus
OUT/about.md with what stands before the table of contents (title, credits).
Every line of the source lands in exactly one page; nothing is written when the
input is bad (one line "FILE:LINE: reason" on stderr, exit status 1) or when a
page on disk differs from what would be written and --force is not given.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SLUGS = ROOT / "scripts" / "slugs.json"

# Text the importer itself adds; scripts/home.py finds unanswered questions by it.
NOT_WRITTEN_TITLE = "아직 작성되지 않은 답변"
NOT_WRITTEN = f'!!! info "{NOT_WRITTEN_TITLE}"\n    이 질문의 답변은 아직 작성되지 않았습니다.'
# Upstream's empty answer template (question 1 of the seed).
TEMPLATE = ["### 질문", "내용", "##### References", "- [제목](링크)"]

TOC_HEADING = re.compile(r"^#{1,6}\s*(table of contents|contents|목차)\s*$", re.I)
TOC_ENTRY = re.compile(r"^(?P<indent>\s*)[-*+]\s+\[(?P<title>.+)\]\(#(?P<anchor>\d+(?:-\d+)?)\)\s*$")
SECTION = re.compile(r"^##\s*#\s*(\d+)\s*$")  # "## #9" and "## # 9"
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
SUB_IN_HEADING = re.compile(r"^#\s*(\d+-\d+)\s*(.*)$")  # "#### #12-1 title"
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
MATH_URL = r"https://render\.githubusercontent\.com/render/math\?math="
MATH_IMG = re.compile(r"<img\s+src=\"" + MATH_URL + r"([^\"]*)\"[^>]*>", re.I)
LINKED_MATH = re.compile(r"\[\s*(<img\s+src=\"" + MATH_URL + r"[^\"]*\"[^>]*>)\s*\]\(" + MATH_URL + r"[^)]*\)", re.I)
IMG_TAG = re.compile(r"<img\b([^>]*)>", re.I)
ATTR = re.compile(r"([\w-]+)\s*=\s*([\"'])(.*?)\2")
MD_IMG = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)((?:\s+\"[^\"]*\")?)\)")
# "[title]([other](https://url))": a link pasted into a link's target.
NESTED_LINK = re.compile(r"\[([^\]]+)\]\(\[([^\]]+)\]\((https?://[^)\s]+)\)\)")
DIV_OPEN = re.compile(r"^(\s*)<div\b([^>]*)>\s*$", re.I)
LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")


class InputError(Exception):
    """Bad input: reported as one line FILE:LINE: reason."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass
class Question:
    number: int
    title: str
    toc_line: int
    subs: list = field(default_factory=list)  # [(anchor, title, toc_line)]


@dataclass
class Page:
    """An output page: chunks of text, each with the source line it came from (or None)."""

    path: str
    chunks: list = field(default_factory=list)

    def add(self, text: str, src: int | tuple | None = None) -> None:
        self.chunks.append((text, src))

    def text(self) -> str:
        out = "\n".join(t for t, _ in self.chunks)
        out = re.sub(r"\n{3,}", "\n\n", out).strip("\n")
        return out + "\n"


@dataclass
class Result:
    pages: dict  # path -> Page
    images: list  # (source image path, destination path relative to the assets dir)
    warnings: list  # "LINE: message"


def plain(text: str) -> str:
    """Heading/TOC text reduced for comparison: no emphasis marks, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip().lower()


def slugify(title: str, number: int) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", title)
    return "-".join(w.lower() for w in words[:5]) or f"question-{number}"


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError(1, "empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(data[: e.start].count(b"\n") + 1, "not UTF-8 text") from None
    return text.lstrip("\ufeff")


def parse_toc(lines: list[str]) -> tuple[int, list[Question]]:
    """Find the table of contents; return the index of its heading and its questions
    (each entry's line is kept: it becomes the question's H1 or sub-question's H2)."""
    start = next((i for i, l in enumerate(lines) if TOC_HEADING.match(l.strip())), None)
    if start is None:
        raise InputError(1, "no table of contents (a '## Table of Contents' heading with '- [title](#N)' entries)")
    questions: dict[int, Question] = {}
    current = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if HEADING.match(line):
            break
        m = TOC_ENTRY.match(line)
        if not m:
            continue
        anchor, title = m["anchor"], m["title"].strip()
        if "-" not in anchor:
            n = int(anchor)
            if n in questions:
                raise InputError(i + 1, f"duplicate question number {n} in the table of contents "
                                        f"(first at line {questions[n].toc_line})")
            current = questions[n] = Question(n, title, i + 1)
        else:
            n = int(anchor.split("-")[0])
            if n not in questions or current is None or current.number != n:
                raise InputError(i + 1, f"sub-question #{anchor} is not listed under question #{n}")
            if any(a == anchor for a, _, _ in current.subs):
                raise InputError(i + 1, f"duplicate sub-question #{anchor} in the table of contents")
            current.subs.append((anchor, title, i + 1))
    if not questions:
        raise InputError(start + 1, "the table of contents lists no question ('- [title](#N)')")
    return start, list(questions.values())


def math(tex_encoded: str) -> str:
    return urllib.parse.unquote_plus(tex_encoded).strip()


class Converter:
    """Rewrites one body line: formula images, images, broken links."""

    def __init__(self, source: Path, images_dir: Path, page_dir: Path, assets_dir: Path):
        self.source = source
        self.images_dir = images_dir
        self.page_dir = page_dir
        self.assets_dir = assets_dir
        self.images: list = []
        self.warnings: list = []
        self.in_div = False
        self.list_indents: list[int] = []  # indents of the open list items, outermost first

    def image(self, src: str, lineno: int) -> str:
        if re.match(r"^[a-z]+:", src) or src.startswith("/"):
            return src  # remote or absolute: left as it is
        found = (self.images_dir / src).resolve()
        name = Path(src).name
        if not found.is_file():
            self.warnings.append(f"{self.source}:{lineno}: image not found: {name}")
            return src
        dest = self.assets_dir / name
        self.images.append((found, dest))
        return os.path.relpath(dest, self.page_dir).replace(os.sep, "/")

    def renest(self, line: str) -> str:
        """Upstream nests lists by two spaces, which Python-Markdown reads as one
        flat list (it wants four): re-indent list items by their depth."""
        item = LIST_ITEM.match(line)
        if not item:
            if line.strip() and not line.startswith(" "):
                self.list_indents = []  # a paragraph at the margin ends the list
            return line
        indent = len(item[1])
        while self.list_indents and self.list_indents[-1] >= indent:
            self.list_indents.pop()
        depth = len(self.list_indents)
        self.list_indents.append(indent)
        return " " * (4 * depth) + line[indent:]

    def line(self, line: str, lineno: int) -> str:
        line = self.renest(line)
        line = LINKED_MATH.sub(r"\1", line)
        stripped = line.strip()
        m = MATH_IMG.fullmatch(stripped)
        if m:  # a formula standing alone is display math
            return f"$$\n{math(m[1])}\n$$"
        line = MATH_IMG.sub(lambda m: f"${math(m[1])}$", line)
        line = NESTED_LINK.sub(lambda m: f"[{m[1]}]({m[3]}) — {m[2]}", line)

        def html_img(m: re.Match) -> str:
            attrs = {k.lower(): v for k, _, v in ATTR.findall(m[1])}  # tolerates stray commas
            if "src" not in attrs:
                return m[0]
            out = f"![{attrs.get('alt', '')}]({self.image(attrs['src'], lineno)})"
            if "width" in attrs:
                out += f'{{ width="{attrs["width"]}" }}'
            return out

        line = MD_IMG.sub(lambda m: f"![{m[1]}]({self.image(m[2], lineno)}{m[3]})", line)
        line = IMG_TAG.sub(html_img, line)  # after: its output is a Markdown image
        div = DIV_OPEN.match(line)
        if div:
            self.in_div = True
            if "markdown" not in div[2]:
                line = f"<div{div[2]} markdown>"  # so the image inside is Markdown
        # Indented lines of an HTML block would read as a code block once it holds Markdown.
        if self.in_div:
            self.in_div = not re.match(r"^\s*</div>\s*$", line)
            line = line.strip()
        return line


def split(text: str, source: Path, images_dir: Path, out_dir: Path, assets_dir: Path,
          slugs: dict[int, str]) -> Result:
    lines = text.splitlines()
    toc_start, questions = parse_toc(lines)
    by_number = {q.number: q for q in questions}

    # Sections: "## #N" up to the next one.
    sections: dict[int, tuple[int, int]] = {}
    starts = [(i, int(m[1])) for i, m in _section_lines(lines)]
    if starts and starts[0][0] < toc_start:
        raise InputError(starts[0][0] + 1, "section before the table of contents")
    for k, (i, n) in enumerate(starts):
        if n in sections:
            raise InputError(i + 1, f"duplicate question number {n} (first at line {sections[n][0]})")
        if n not in by_number:
            raise InputError(i + 1, f"section #{n} is not in the table of contents")
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        sections[n] = (i + 1, end)  # 1-based heading line; body is lines[i+1:end]

    conv = Converter(source, images_dir, out_dir / "questions", assets_dir)
    pages: dict[str, Page] = {}

    about = Page("about.md")
    about.add("---\ntitle: 출처\n---\n")
    toc_lines = {q.toc_line for q in questions} | {t for q in questions for _, _, t in q.subs}
    for i in range(starts[0][0] if starts else len(lines)):
        if i + 1 in toc_lines:
            continue  # carried to its question page
        about.add(conv.line(lines[i], i + 1) if lines[i].strip() else "", i + 1)
        if i == toc_start:
            about.add("\n질문 목록은 [홈](index.md)에 있습니다.\n")
    pages[about.path] = about

    for q in questions:
        slug = slugs.get(q.number) or slugify(q.title, q.number)
        page = Page(f"questions/{q.number:02d}-{slug}.md")
        body = lines[sections[q.number][0]:sections[q.number][1]] if q.number in sections else []
        first = sections[q.number][0] + 1 if q.number in sections else 0
        _render(page, q, body, first, conv)
        pages[page.path] = page
    return Result(pages, conv.images, conv.warnings)


def _section_lines(lines):
    fence = None
    for i, line in enumerate(lines):
        f = FENCE.match(line)
        if f:
            mark = f[1][0]
            fence = None if fence == mark else (fence or mark)
            continue
        if fence is None:
            m = SECTION.match(line)
            if m:
                yield i, m


def _render(page: Page, q: Question, body: list[str], first: int, conv: Converter) -> None:
    """Write question q: H1 from the table of contents, its section body, its sub-questions."""
    sub_titles = {plain(t): a for a, t, _ in q.subs}
    seen_subs: set[str] = set()
    # Upstream often repeats the question as the section's first heading: that line
    # and the table-of-contents entry both become the page's H1.
    h1_from_section = None
    for k, line in enumerate(body):
        if line.strip():
            m = HEADING.match(line)
            if m and plain(m[2]) == plain(q.title):
                h1_from_section = k
            break
    # The "## #N" line itself is what this page stands for: it is accounted to the H1 too.
    origin = (q.toc_line,) + ((first - 1,) if first else ()) + \
        ((first + h1_from_section,) if h1_from_section is not None else ())
    page.add(f"# {q.title.strip()}", origin)

    nonblank = [l.strip() for l in body if l.strip()]
    if nonblank == TEMPLATE or not nonblank:
        page.add("")
        page.add(NOT_WRITTEN)
        if nonblank:  # keep upstream's empty template, hidden from readers
            page.add("")
            page.add("<!-- upstream's empty answer template:")
            for k, line in enumerate(body):
                if line.strip():
                    page.add(line.replace("--", "- -"), first + k)
            page.add("-->")
    else:
        fence = None
        in_sub = False
        for k, line in enumerate(body):
            lineno = first + k
            if k == h1_from_section:
                continue
            f = FENCE.match(line)
            if f or fence:
                if f:
                    mark = f[1][0]
                    fence = None if fence == mark else (fence or mark)
                page.add(line, lineno)  # code is copied as it is: no headings in it
                continue
            m = HEADING.match(line)
            if m:
                level, text = len(m[1]), m[2]
                sub = SUB_IN_HEADING.match(text)
                anchor = sub[1] if sub else sub_titles.get(plain(text))
                if anchor and anchor.startswith(f"{q.number}-") and anchor not in seen_subs:
                    toc_title = dict((a, t) for a, t, _ in q.subs).get(anchor)
                    title = sub[2].strip() if sub else text
                    if toc_title is None or plain(title) in ("", plain(toc_title)):
                        page.add(f"## {toc_title or title or anchor} {{#{anchor}}}", (lineno,) + tuple(
                            t for a, _, t in q.subs if a == anchor))
                    else:  # the section words it differently: keep both
                        page.add(f"## {toc_title} {{#{anchor}}}", tuple(t for a, _, t in q.subs if a == anchor))
                        page.add(f"\n**{title}**", lineno)
                    seen_subs.add(anchor)
                    in_sub = True
                    continue
                # Section headings start at ### (the question) in upstream: shift up two levels,
                # never above the sub-question level they belong to.
                new = max(level - 2, 3 if in_sub else 2)
                page.add(f"{'#' * new} {text}", lineno)
                continue
            page.add(conv.line(line, lineno), lineno)
    for anchor, title, toc_line in q.subs:
        if anchor not in seen_subs:
            page.add("")
            page.add(f"## {title.strip()} {{#{anchor}}}", toc_line)
            page.add("")
            page.add(NOT_WRITTEN)


def load_slugs(path: Path | None, out_dir: Path) -> dict[int, str]:
    slugs: dict[int, str] = {}
    if path and path.is_file():
        slugs.update({int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()})
    # A published slug never changes: pages already on disk win.
    for p in sorted((out_dir / "questions").glob("[0-9][0-9]-*.md")):
        slugs[int(p.name[:2])] = p.stem[3:]
    return slugs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Exit status: 0 done (or nothing to change with --check), "
                                        "1 bad input, refused overwrite, or changes found by --check.")
    ap.add_argument("source", type=Path, help="the upstream README")
    ap.add_argument("--out", type=Path, required=True, help="language folder to write, e.g. docs/ko")
    ap.add_argument("--images", type=Path, help="folder the README's image paths are relative to "
                                               "(default: the README's folder)")
    ap.add_argument("--assets", type=Path, help="where found images are copied (default: OUT/../assets/images)")
    ap.add_argument("--slugs", type=Path, default=DEFAULT_SLUGS, help="JSON {question number: slug}")
    ap.add_argument("--force", action="store_true", help="overwrite pages that differ from the import")
    ap.add_argument("--check", action="store_true", help="list what would change; write nothing")
    args = ap.parse_args(argv)

    src = args.source
    try:
        try:
            data = src.read_bytes()
        except OSError as e:
            raise InputError(0, f"cannot read: {e.strerror}") from None
        text = decode(data)
        assets = args.assets or args.out.parent / "assets" / "images"
        result = split(text, src, args.images or src.parent, args.out, assets,
                       load_slugs(args.slugs, args.out))
    except InputError as e:
        print(f"{src}:{e.line}: {e.reason}", file=sys.stderr)
        return 1

    for w in result.warnings:
        print(w, file=sys.stderr)
    changes, conflicts = [], []
    for rel, page in result.pages.items():
        path = args.out / rel
        new = page.text()
        if not path.exists():
            changes.append(("create", path, new))
        elif path.read_text(encoding="utf-8") != new:
            changes.append(("update", path, new))
            conflicts.append(path)
    if args.check:
        for what, path, _ in changes:
            print(f"would {what} {path}")
        return 1 if changes else 0
    if conflicts and not args.force:
        for path in conflicts:
            print(f"{path}:1: differs from the import (edited since?); not overwritten, use --force",
                  file=sys.stderr)
        return 1
    for _, path, new in changes:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
        print(f"wrote {path}")
    for found, dest in result.images:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
