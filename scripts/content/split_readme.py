#!/usr/bin/env python3
"""Split the upstream interview README into one Markdown page per question.

Reads SOURCE (a table of contents, then "## #N" sections; any version of the
upstream answers/*.md files) and writes OUT/questions/NN-slug.md for every
question, plus OUT/about.md with what stands before the first section (title,
credits). Every line of the source lands on the page of the section it was
written in, and only there. Nothing is written when the input is bad (one line
"FILE:LINE: reason" on stderr, exit status 1) or when a page on disk differs
from what would be written and --force is not given; pages are staged in a
temporary folder beside OUT and moved into place, all or none.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SLUGS = Path(__file__).resolve().parent / "slugs.json"

# Text the importer itself adds; scripts/content/home.py finds unanswered questions by it.
NOT_WRITTEN_TITLE = "아직 작성되지 않은 답변"
NOT_WRITTEN = f'!!! info "{NOT_WRITTEN_TITLE}"\n    이 질문의 답변은 아직 작성되지 않았습니다.'
# Upstream's empty answer template (question 1 of the seed).
TEMPLATE = ["### 질문", "내용", "##### References", "- [제목](링크)"]

# "## Table of Contents", also decorated: "## 📝 Table of Contents"
TOC_HEADING = re.compile(r"^#{1,6}\s*(?:[^\w\s]+\s*)?(table of contents|contents|목차)\s*$", re.I)
# "- [title](#12)", "- [title](#12-1)"; the GitBook copy writes "(#id-12)"
TOC_ENTRY = re.compile(r"^(?P<indent>\s*)[-*+]\s+\[(?P<title>.+)\]\(#(?:id-)?(?P<anchor>\d+(?:-\d+)*)\)\s*$")
TOC_GROUP = re.compile(r"^\s*[-*+]\s+(?P<title>[^\s\[].*)$")  # "- Sort Algorithm" over its sub-questions
# "## #9", "## # 9" and "## #9 title". These three patterns are matched against lines
# without trailing spaces (.rstrip()): a lazy group before "\s*$" is quadratic.
SECTION = re.compile(r"^##\s*#\s*(\d+)(?:\s+(\S.*))?$")
SECTION_SUB = re.compile(r"^##\s*#\s*(\d+)-\d+")  # "## #2-1": an H2 sub-question, its question's section
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
SUB_IN_HEADING = re.compile(r"^#\s*(\d+(?:-\d+)+)\s*(.*)$")  # "#### #12-1 title"
# A backtick fence's info string holds no backtick: "```code```" is inline code.
FENCE = re.compile(r"^\s*(?:(`{3,})[^`]*|(~{3,}).*)$")
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines: U+2028, U+0085, \f are text
MATH_URL = r"https://render\.githubusercontent\.com/render/math\?math="
# A formula image, HTML (attributes in any order) or Markdown; often after a comment
# holding the same TeX ("<!-- $y=x$ --> <img ...>"): the comment goes, the TeX stays once.
# A Markdown target ends at the ")" that balances its "(", as CommonMark reads one, and may
# hold spaces: upstream wrote TeX into targets half-encoded, "f(x%2By) %3D f(x)".
# (No pattern here scans past a "<" or "[" it cannot use: long runs of "<img" or "![" stay linear.)
TEX_COMMENT = r"(?:<!--\s*\$[^<>]*?\$\s*-->\s*)?"
MATH_IMG = re.compile(TEX_COMMENT + r"<img\b[^<>]*?\bsrc=\"" + MATH_URL + r"([^\"<>]*)\"[^<>]*>", re.I)
MATH_MD_IMG = re.compile(TEX_COMMENT + r"!\[[^\[\]]*\]\((?P<url>" + MATH_URL + ")", re.I)
MATH_LINK = re.compile(r"\[([^\[\]]*)\]\((?P<url>" + MATH_URL + ")", re.I)  # around a formula, or plain
FORMULA = re.compile(r"\0(\d+)\0")  # a formula taken out of the line, by number (input holds no NUL)
INLINE_DISPLAY = re.compile(r"\$\$(?=\S)([^$]+?)(?<=\S)\$\$")  # GitBook's "$$x$$" inside a sentence
DISPLAY_LINE = re.compile(r"\$\$([^$]*)\$\$")  # "$$ x $$" alone on a line (spaces allowed there)
DIV_IMG = re.compile(r"^\s*<div\b([^<>]*)>\s*(<img\b[^<>]*>)\s*</div>\s*$", re.I)
IMG_TAG = re.compile(r"<img\b([^<>]*)>", re.I)
ATTR = re.compile(r"([\w-]+)\s*=\s*([\"'])(.*?)\2")
MD_IMG = re.compile(r"!\[([^\[\]]*)\]\(([^()\s]+)((?:\s+\"[^\"]*\")?)\)")
# "[title]([other](https://url))": a link pasted into a link's target.
# No "[" inside the titles: a long run of "[" would make the search quadratic.
NESTED_LINK = re.compile(r"\[([^\[\]]+)\]\(\[([^\[\]]+)\]\((https?://[^)\s]+)\)\)")
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
    headings: list = field(default_factory=list)  # indices of the chunks that are headings

    def add(self, text: str, src: int | tuple | None = None, heading: bool = False) -> None:
        if heading:
            self.headings.append(len(self.chunks))
        self.chunks.append((text, src))

    def relevel(self) -> None:
        """No heading skips a level ("##### References" right under the H1 becomes an H2);
        their relative order is kept: a heading goes one below the nearest shallower one."""
        stack: list[tuple[int, int]] = []  # (level as written, level given)
        for k in self.headings:
            text, src = self.chunks[k]
            hashes, rest = re.match(r"(#+)(.*)", text, re.S).groups()
            while stack and stack[-1][0] >= len(hashes):
                stack.pop()
            level = stack[-1][1] + 1 if stack else 1
            stack.append((len(hashes), level))
            self.chunks[k] = ("#" * level + rest, src)

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
    """A readable slug from the title: its English words, else its words in any script."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", title) or re.findall(r"[^\W_]+", title)
    return "-".join(w.lower() for w in words[:5]) or f"question-{number}"


def decode(data: bytes) -> list[str]:
    """The source as NFC lines (headings in decomposed Hangul must match the table of
    contents), split only at \\n, \\r\\n and \\r so that line numbers match editors'."""
    if not data.strip():
        raise InputError(1, "empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(len(LINE_BREAK.findall(data[: e.start].decode("utf-8", "replace"))) + 1,
                         "not UTF-8 text") from None
    if "\0" in text:
        raise InputError(len(LINE_BREAK.findall(text[: text.index("\0")])) + 1, "NUL byte")
    lines = LINE_BREAK.split(unicodedata.normalize("NFC", text.lstrip("\ufeff")))
    if lines[-1] == "":
        lines.pop()
    return lines


def opens_comment(line: str) -> bool:
    """Whether a comment opened on this line is still open at its end."""
    at = line.find("<!--")
    while at != -1:
        end = line.find("-->", at + 4)
        if end == -1:
            return True
        at = line.find("<!--", end + 3)
    return False


@dataclass
class Block:
    """A code fence or an HTML comment: lines start..end (0-based, inclusive)."""

    kind: str  # "fence" or "comment"
    start: int
    end: int
    closed: bool


def scan(lines: list[str], cut: frozenset = frozenset()) -> tuple[list[str], list[Block]]:
    """Each line's state, "text", "fence" or "comment" (the block's own opening and closing
    lines included), and the blocks. A block still open at a line of `cut` ends before it."""
    states, blocks, block, fence = [], [], None, None
    for i, line in enumerate(lines):
        if block and i in cut:
            block.end, block.closed, block, fence = i - 1, False, None, None
        if block is None:
            f = FENCE.match(line)
            if f:
                fence = f[1] or f[2]
                block = Block("fence", i, i, False)
            elif opens_comment(line):
                block = Block("comment", i, i, False)
            else:
                states.append("text")
                continue
            blocks.append(block)
            states.append(block.kind)
            continue
        states.append(block.kind)
        block.end = i
        if fence and re.fullmatch(r"\s*" + re.escape(fence) + re.escape(fence[0]) + r"*\s*", line) or \
                not fence and "-->" in line:
            block.closed, block, fence = True, None, None
    return states, blocks


def parse_toc(lines: list[str], states: list[str]) -> tuple[int | None, list[Question]]:
    """Find the table of contents (not one inside a comment or code); return the index of
    its heading and its questions (each entry's line is kept: it becomes the question's H1
    or sub-question's H2)."""
    start = next((i for i, l in enumerate(lines) if states[i] == "text" and TOC_HEADING.match(l.strip())),
                 None)
    if start is None:
        return None, []
    questions: dict[int, Question] = {}
    current = group = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if states[i] != "text":
            continue
        if HEADING.match(line.rstrip()):
            break
        m = TOC_ENTRY.match(line)
        if not m:
            g = TOC_GROUP.match(line.rstrip())
            group = (g["title"], i + 1) if g else group
            continue
        anchor, title = m["anchor"], m["title"].strip()
        if "-" in anchor and group and int(anchor.split("-")[0]) not in questions:
            # "- Sort Algorithm" then "  - [Bubble Sort](#2-1)": the group is question 2
            n = int(anchor.split("-")[0])
            current = questions[n] = Question(n, group[0], group[1])
        group = None
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


def questions_from_sections(lines: list[str], states: list[str], blocks: list[Block], source: Path) \
        -> list[Question]:
    """No table of contents (a fork deleted it): each "## #N" is a question, titled by
    the heading or line under it. One inside a fence or comment never closed counts too
    (find_sections ends that block before it)."""
    unclosed = {i for b in blocks if not b.closed for i in range(b.start + 1, b.end + 1)}
    numbers = {int(m[1]) for i, line in enumerate(lines)
               if (states[i] == "text" or i in unclosed) and (m := SECTION.match(line.rstrip()) or SECTION_SUB.match(line))}
    _, states, _ = find_sections(lines, numbers, [], source)
    out: dict[int, Question] = {}
    for i, line in enumerate(lines):
        m = SECTION.match(line.rstrip()) or SECTION_SUB.match(line)
        if states[i] != "text" or not m or int(m[1]) in out:
            continue
        title, where = (m[2], i + 1) if m.re is SECTION and m[2] else (None, i + 1)
        if not title:
            nxt = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            if nxt is not None and states[nxt] == "text" and not SECTION.match(lines[nxt].rstrip()):
                h = HEADING.match(lines[nxt].rstrip())
                title, where = (h[2], nxt + 1) if h else (None, where)
        out[int(m[1])] = Question(int(m[1]), title or f"Question {m[1]}", where)
    return list(out.values())


def find_sections(lines: list[str], numbers: set[int], warnings: list, source: Path):
    """The "## #N" lines outside code and comments, as [(index, N, title)], and the line
    states. A fence or comment never closed swallows the questions after it: it is ended
    at the first heading of a question that has no section otherwise (a warning). One that
    is closed further down is ambiguous: an error naming both lines."""
    cut: set[int] = set()
    while True:
        states, blocks = scan(lines, frozenset(cut))
        starts = []  # (index, N, title after the number, starts with its sub-question heading)
        for i, line in enumerate(lines):
            if states[i] != "text":
                continue
            if m := SECTION.match(line.rstrip()):
                starts.append((i, int(m[1]), m[2], False))
            elif (m := SECTION_SUB.match(line)) and (not starts or starts[-1][1] != int(m[1])):
                starts.append((i, int(m[1]), None, True))
        found = {s[1] for s in starts}
        for b in blocks:
            hidden = [(i, int(m[1])) for i in range(b.start + 1, b.end + 1)
                      if (m := SECTION.match(lines[i].rstrip()) or SECTION_SUB.match(lines[i]))
                      and int(m[1]) in numbers and int(m[1]) not in found]
            if not hidden:
                continue
            i, n = hidden[0]
            what = "code fence" if b.kind == "fence" else "HTML comment"
            if b.closed and b.kind == "comment":
                continue  # deliberately commented out
            if b.closed:
                raise InputError(i + 1, f"{lines[i].strip()!r} is inside the {what} opened at line {b.start + 1} "
                                        f"and closed at line {b.end + 1}; close it before line {i + 1}")
            warnings.append(f"{source}:{b.start + 1}: {what} never closed; closed before {lines[i].strip()!r} "
                            f"at line {i + 1}")
            cut.add(i)
            break
        else:
            return starts, states, blocks


def math(tex_encoded: str) -> str:
    return urllib.parse.unquote_plus(tex_encoded).strip()


def _closing_parens(line: str) -> dict[int, int]:
    """The index of the ")" that closes each "(" of the line."""
    closing, opened = {}, []
    for i, ch in enumerate(line):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            closing[opened.pop()] = i
    return closing


def _targets(line: str, pattern: re.Pattern, replace) -> str:
    """Each match of `pattern` (it ends with "(" and the service's address, group "url") and its
    target up to the balancing ")" becomes replace(match, TeX); a target never closed stays."""
    closing = _closing_parens(line)
    out, pos = [], 0
    for m in pattern.finditer(line):
        end = closing.get(m.start("url") - 1)
        if m.start() < pos or end is None:
            continue
        out += [line[pos:m.start()], replace(m, math(line[m.end():end]))]
        pos = end + 1
    return "".join(out) + line[pos:]


def formulas(line: str) -> tuple[str, list[str]]:
    """The line with each formula image or link to the rendering service taken out as
    NUL k NUL, and the TeX of each. A linked image ("[![img](URL)](URL)") is one formula;
    a plain link is one too, after its words if it has any but a placeholder."""
    if "render.githubusercontent.com/render/math" not in line.lower():
        return line, []
    tex: list[str] = []

    def keep(t: str) -> str:
        tex.append(t)
        return f"\0{len(tex) - 1}\0"

    def link(m: re.Match, t: str) -> str:
        words = m[1].strip()
        if FORMULA.fullmatch(words):
            return words
        if words.lower() in ("", "img", "image") or re.sub(r"[\s$]", "", words) == re.sub(r"\s", "", t):
            return keep(t)
        return f"{words} {keep(t)}"

    line = MATH_IMG.sub(lambda m: keep(math(m[1])), line)
    line = _targets(line, MATH_MD_IMG, lambda m, t: keep(t))
    return _targets(line, MATH_LINK, link), tex


class Converter:
    """Rewrites one body line: formula images, images, broken links."""

    def __init__(self, source: Path, images_dir: Path, page_dir: Path, assets_dir: Path):
        self.source = source
        self.images_dir = images_dir
        self.page_dir = page_dir
        self.assets_dir = assets_dir
        self.images: list = []
        self.warnings: list = []
        self.page()

    def page(self) -> None:
        """A new page: an unclosed <div> or list in one answer must not change the next."""
        self.in_div = False
        self.list_indents: list[int] = []  # indents of the open list items, outermost first

    def image(self, src: str, lineno: int) -> str:
        if re.match(r"^[a-z]+:", src) or src.startswith("/"):
            return src  # remote or absolute: left as it is
        given = src
        src = src.replace("\\", "/")  # Windows-style ".\images\dif.PNG"
        found = (self.images_dir / src).resolve()
        name = Path(src).name
        if not found.is_relative_to(self.images_dir.resolve()):  # never copy ../../etc/passwd into the site
            self.warnings.append(f"{self.source}:{lineno}: image outside {self.images_dir}: {given}")
            return src
        if not found.is_file() and found.parent.is_dir():  # "normalize.PNG" for normalize.png
            same = [p for p in found.parent.iterdir() if p.name.lower() == name.lower() and p.is_file()]
            if len(same) == 1:
                found = same[0]
        if not found.is_file():
            self.warnings.append(f"{self.source}:{lineno}: image not found: {name}")
            return src
        if found.name != name or given != src:
            self.warnings.append(f"{self.source}:{lineno}: image {given} found as {found.name}")
            name = found.name
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
        line, tex = formulas(line)
        stripped = line.strip()
        m = FORMULA.fullmatch(stripped)
        if m:  # a formula standing alone is display math
            return f"$$\n{tex[int(m[1])]}\n$$"
        line = FORMULA.sub(lambda m: f"${tex[int(m[1])]}$", line)
        stripped = line.strip()
        if stripped != "$$":
            d = DISPLAY_LINE.fullmatch(stripped)
            line = f"$$\n{d[1].strip()}\n$$" if d and d[1].strip() else INLINE_DISPLAY.sub(r"$\1$", line)
        d = DIV_IMG.match(line)
        if d:  # a centred image on one line: the same figure as the multi-line form
            line = f"<div{d[1]}>\n{d[2]}\n</div>"
            return "\n".join(self.line(part, lineno) for part in line.split("\n"))
        line = NESTED_LINK.sub(lambda m: f"[{m[1]}]({m[3]}) — {m[2]}", line)

        def html_img(m: re.Match) -> str:
            attrs = {k.lower(): v for k, _, v in ATTR.findall(m[1])}  # tolerates stray commas
            if "src" not in attrs:
                return m[0]
            if not attrs["src"].strip():
                self.warnings.append(f"{self.source}:{lineno}: empty image")
                return ""
            out = f"![{attrs.get('alt', '')}]({self.image(attrs['src'], lineno)})"
            if "width" in attrs:
                out += f'{{ width="{attrs["width"]}" }}'
            return out

        line = re.sub(r"!\[[^\[\]]*\]\(\s*\)", lambda m: self.warnings.append(
            f"{self.source}:{lineno}: empty image") or "", line)
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


def split(lines: list[str], source: Path, images_dir: Path, out_dir: Path, assets_dir: Path,
          slugs: "Slugs") -> Result:
    warnings: list[str] = []
    states, blocks = scan(lines)
    toc_start, questions = parse_toc(lines, states)
    if toc_start is None:
        questions = questions_from_sections(lines, states, blocks, source)
        if not questions:
            raise InputError(1, "no table of contents (a '## Table of Contents' heading with "
                                "'- [title](#N)' entries) and no '## #N' section")
        warnings.append(f"{source}:1: no table of contents: questions taken from the '## #N' headings")
    by_number = {q.number: q for q in questions}
    starts, states, blocks = find_sections(lines, set(by_number), warnings, source)

    # Sections: "## #N" (or "## #N-1" standing for it) up to the next one.
    sections: dict[int, tuple[int, int, int | None]] = {}  # N -> (body start, end, heading line)
    if toc_start is not None and starts and starts[0][0] < toc_start:
        raise InputError(starts[0][0] + 1, "section before the table of contents")
    for k, (i, n, _, sub) in enumerate(starts):
        if n in sections:
            first = sections[n][2] or sections[n][0] + 1
            raise InputError(i + 1, f"duplicate question number {n} (first at line {first})")
        if n not in by_number:
            raise InputError(i + 1, f"section #{n} is not in the table of contents")
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        sections[n] = (i, end, None) if sub else (i + 1, end, i + 1)
    titles = {n: t for _, n, t, _ in starts}

    conv = Converter(source, images_dir, out_dir / "questions", assets_dir)
    conv.warnings = warnings
    pages: dict[str, Page] = {}

    about = Page("about.md")
    about.add("---\ntitle: 출처\n---\n")
    toc_lines = {q.toc_line for q in questions} | {t for q in questions for _, _, t in q.subs}
    end = starts[0][0] if starts else len(lines)
    for i in range(end):
        if i + 1 in toc_lines:
            continue  # carried to its question page
        text = lines[i] if states[i] != "text" else conv.line(lines[i], i + 1) if lines[i].strip() else ""
        about.add(text, i + 1)
        if i == toc_start:
            about.add("\n질문 목록은 [홈](index.md)에 있습니다.\n")
    _close_blocks(about, blocks, 0, end)
    pages[about.path] = about

    for q in questions:
        slug = slugs.get(q)
        page = Page(f"questions/{q.number:02d}-{slug}.md")
        start, end, head = sections.get(q.number, (0, 0, None))
        conv.page()
        _render(page, q, lines[start:end], start + 1, head, titles.get(q.number), states, conv)
        _close_blocks(page, blocks, start, end)
        page.relevel()
        pages[page.path] = page
    return Result(pages, conv.images, conv.warnings)


def _close_blocks(page: Page, blocks: list[Block], start: int, end: int) -> None:
    """A fence or comment left open at the end of a section is closed on its page."""
    for b in blocks:
        if start <= b.start < end and not b.closed:
            page.add("```" if b.kind == "fence" else "-->")


def _render(page: Page, q: Question, body: list[str], first: int, head: int | None,
            section_title: str | None, states: list[str], conv: Converter) -> None:
    """Write question q: H1 from the table of contents, its section body, its sub-questions.
    `first` is the 1-based line number of body[0], `head` that of its "## #N" line."""
    sub_titles = {plain(t): a for a, t, _ in q.subs}
    toc_titles = {a: t for a, t, _ in q.subs}
    seen_subs: dict[str, int] = {}  # anchor -> line
    # Upstream often repeats the question as the section's first heading: that line
    # and the table-of-contents entry both become the page's H1.
    h1_from_section = None
    for k, line in enumerate(body):
        if line.strip():
            m = HEADING.match(line.rstrip())
            if m and states[first + k - 1] == "text" and plain(m[2]) == plain(q.title):
                h1_from_section = k
            break
    # The "## #N" line itself is what this page stands for: it is accounted to the H1 too.
    origin = (q.toc_line,) + ((head,) if head else ()) + \
        ((first + h1_from_section,) if h1_from_section is not None else ())
    page.add(f"# {q.title.strip()}", origin, heading=True)
    if head is None and body:
        page.add("")  # the body starts with a sub-question's heading ("## #2-1")
    if section_title and plain(section_title) != plain(q.title):
        page.add(f"\n**{section_title}**", head)  # "## #N title" worded differently

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
        in_sub = False
        repeated = None  # (chunk index, titles) of the sub-question heading just written
        for k, line in enumerate(body):
            lineno = first + k
            if k == h1_from_section:
                continue
            if states[lineno - 1] != "text":
                page.add(line, lineno)  # code and comments are copied as they are
                repeated = None
                continue
            if not line.strip():
                page.add(conv.line(line, lineno), lineno)
                continue
            if line.strip() == "---" and _ends_part(body, k + 1, first, states):
                page.add("", lineno)  # upstream's rule between sections: the page ends anyway
                continue
            m = HEADING.match(line.rstrip())
            if m and repeated and (plain(m[2]) in repeated[1] or not repeated[1]):
                # "## #12-1" then "#### Non-Linearity...": the title again, one heading;
                # "## #6-2-1" with no title anywhere then "### Dijkstra": its title
                text, src = page.chunks[repeated[0]]
                if not repeated[1]:
                    text = re.sub(r"^## .*? \{", lambda _: f"## {m[2].strip()} {{", text)
                page.chunks[repeated[0]] = (text, src + (lineno,))
                repeated = None
                continue
            repeated = None
            if m:
                conv.list_indents = []  # a heading ends any list
                level, text = len(m[1]), m[2]
                sub = SUB_IN_HEADING.match(text)
                anchor = sub[1] if sub else sub_titles.get(plain(text))
                if anchor and anchor.startswith(f"{q.number}-"):
                    title = sub[2].strip() if sub else text
                    if anchor in seen_subs:  # "#### #19-1" again where the contents say #19-3
                        other = sub_titles.get(plain(title))
                        new = other if other and other not in seen_subs else f"{anchor}-repeat"
                        conv.warnings.append(f"{conv.source}:{lineno}: sub-question #{anchor} again "
                                             f"(first at line {seen_subs[anchor]}); kept here as #{new}")
                        anchor = new
                    toc_title = toc_titles.get(anchor)
                    toc_src = tuple(t for a, _, t in q.subs if a == anchor)
                    if toc_title is None or plain(title) in ("", plain(toc_title)):
                        page.add(f"## {toc_title or title or anchor} {{#{anchor}}}", (lineno,) + toc_src,
                                 heading=True)
                    else:  # the section words it differently: keep both
                        page.add(f"## {toc_title} {{#{anchor}}}", toc_src, heading=True)
                        page.add(f"\n**{title}**", lineno)
                    repeated = (len(page.chunks) - (1 if toc_title is None or plain(title) in
                                                    ("", plain(toc_title)) else 2),
                                {plain(t) for t in (title, toc_title) if t})
                    seen_subs[anchor] = lineno
                    in_sub = True
                    continue
                # Section headings start at ### (the question) in upstream: shift up two levels,
                # never above the sub-question level they belong to.
                new = max(level - 2, 3 if in_sub else 2)
                page.add(f"{'#' * new} {text}", lineno, heading=True)
                continue
            page.add(conv.line(line, lineno), lineno)
    for anchor, title, toc_line in q.subs:
        if anchor not in seen_subs:
            page.add("")
            page.add(f"## {title.strip()} {{#{anchor}}}", toc_line, heading=True)
            page.add("")
            page.add(NOT_WRITTEN)


def _ends_part(body: list[str], k: int, first: int, states: list[str]) -> bool:
    """Only blank lines, then the end of the section or a heading, from body[k] on."""
    for j in range(k, len(body)):
        if body[j].strip():
            return states[first + j - 1] == "text" and bool(HEADING.match(body[j].rstrip()))
    return True


SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # words and hyphens: never "/", "." or ".."


class Slugs:
    """Page slugs: a page already on disk keeps its slug (by number: a published address
    never changes); otherwise scripts/content/slugs.json, keyed by question title so that its slugs
    apply to their own source only; otherwise words of the title."""

    def __init__(self, by_title: dict[str, str], on_disk: dict[int, str]):
        self.by_title, self.on_disk = by_title, on_disk

    def get(self, q: Question) -> str:
        return self.on_disk.get(q.number) or self.by_title.get(plain(q.title)) or slugify(q.title, q.number)


def load_slugs(path: Path | None, out_dir: Path) -> Slugs:
    by_title: dict[str, str] = {}
    if path and path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise FileError(path, 0, f"cannot read: {getattr(e, 'strerror', None) or e.reason}") from None
        except json.JSONDecodeError as e:
            raise FileError(path, e.lineno, f"invalid JSON: {e.msg}") from None
        if not isinstance(data, dict):
            raise FileError(path, 1, "expected an object {question title: slug}")
        for title, slug in data.items():
            if re.fullmatch(r"\s*\d+\s*", title) or not title.strip():
                raise FileError(path, 1, f"key {title!r}: keys are question titles as in the table of contents")
            if not isinstance(slug, str) or not SLUG.fullmatch(slug):
                raise FileError(path, 1, f"slug {slug!r} for {title!r}: only words and hyphens")
            by_title[plain(unicodedata.normalize("NFC", title))] = slug
    on_disk: dict[int, str] = {}
    for p in sorted((out_dir / "questions").glob("*.md")) if (out_dir / "questions").is_dir() else []:
        m = re.fullmatch(r"(\d+)-(.+)\.md", p.name)
        if m and SLUG.fullmatch(m[2]):
            on_disk[int(m[1])] = m[2]
    return Slugs(by_title, on_disk)


class FileError(Exception):
    """Bad input in a file other than the source (or an output problem): FILE[:LINE]: reason."""

    def __init__(self, path: Path, line: int, reason: str):
        super().__init__(reason)
        self.where = f"{path}:{line}" if line else f"{path}"
        self.reason = reason


def read_page(path: Path) -> str | None:
    """The page on disk, or None when there is none."""
    if path.is_dir():
        raise FileError(path, 0, "a folder where a page should be")
    if not path.exists():
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FileError(path, data[: e.start].count(b"\n") + 1, "not UTF-8 text") from None


def check_out(out: Path) -> None:
    """--out must be a folder or not exist yet, with no file in its way."""
    for p in (out, *out.parents):
        if p.exists():
            if not p.is_dir():
                raise FileError(p, 0, "not a folder" if p == out else f"not a folder (in --out {out})")
            return


def diff_summary(old: str, new: str) -> list[str]:
    """What would change on a page: counts of added, removed and changed lines, then the lines."""
    a, b = old.splitlines(), new.splitlines()
    added = removed = changed = 0
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        changed += min(i2 - i1, j2 - j1)
        removed += max(0, (i2 - i1) - (j2 - j1))
        added += max(0, (j2 - j1) - (i2 - i1))
        out += [f"    {i + 1:>4} - {a[i]}" for i in range(i1, i2)]
        out += [f"    {j + 1:>4} + {b[j]}" for j in range(j1, j2)]
    return [f"{added} added, {removed} removed, {changed} changed"] + out


def write_all(changes: list, images: list, out: Path) -> None:
    """Write every page and image, or none: all go to a temporary folder beside the
    target first, then are moved into place; a failure part-way puts the old files back."""
    base = next(p for p in (out.parent, *out.parents) if p.exists())
    where = base
    try:
        stage = Path(tempfile.mkdtemp(prefix=".split_readme-", dir=base))
    except OSError as e:
        raise FileError(base, 0, f"cannot write: {e.strerror}; nothing written") from None
    moved: list = []  # (dest, backup or None)
    try:
        files = [(path, new.encode("utf-8")) for _, path, new in changes] + \
                [(dest, found.read_bytes()) for found, dest in images]
        for k, (dest, data) in enumerate(files):
            (stage / f"{k}.new").write_bytes(data)
        for k, (dest, _) in enumerate(files):
            where = dest.parent
            dest.parent.mkdir(parents=True, exist_ok=True)
            backup = None
            if dest.exists():
                backup = stage / f"{k}.old"
                os.replace(dest, backup)
            moved.append((dest, backup))
            os.replace(stage / f"{k}.new", dest)
    except OSError as e:
        for dest, backup in reversed(moved):
            if backup:
                os.replace(backup, dest)
            elif dest.exists():
                dest.unlink()
        raise FileError(where, 0, f"cannot write: {e.strerror}; nothing written") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Exit status: 0 done (or nothing to change with --check), "
                                        "1 bad input, refused overwrite, or changes found by --check.")
    ap.add_argument("source", type=Path, help="the upstream README")
    ap.add_argument("--out", type=Path, required=True, help="language folder to write, e.g. docs/ko")
    ap.add_argument("--images", type=Path, help="folder the README's image paths are relative to "
                                               "(default: the README's folder)")
    ap.add_argument("--assets", type=Path, help="where found images are copied (default: OUT/../assets/images)")
    ap.add_argument("--slugs", type=Path, default=DEFAULT_SLUGS,
                    help="JSON {question title: slug} (default: scripts/content/slugs.json)")
    ap.add_argument("--force", action="store_true", help="overwrite pages that differ from the import")
    ap.add_argument("--check", action="store_true",
                    help="say what the same command without --check would do, page by page; write nothing")
    args = ap.parse_args(argv)

    src = args.source
    try:
        try:
            check_out(args.out)
            slugs = load_slugs(args.slugs, args.out)
            try:
                data = src.read_bytes()
            except OSError as e:
                raise InputError(0, f"cannot read: {e.strerror}") from None
            lines = decode(data)
            assets = args.assets or args.out.parent / "assets" / "images"
            result = split(lines, src, args.images or src.parent, args.out, assets, slugs)
        except InputError as e:
            raise FileError(src, e.line, e.reason) from None

        changes, conflicts = [], []
        for rel, page in result.pages.items():
            path = args.out / rel
            new = page.text()
            old = read_page(path)
            if old is None:
                changes.append(("create", path, new))
            elif old != new:
                changes.append(("update", path, new))
                conflicts.append((path, old, new))
        # Warnings only once no error can follow: an error stays a single line.
        if args.check or (conflicts and not args.force):
            print(*result.warnings, sep="\n", file=sys.stderr, end="\n" if result.warnings else "")
        if args.check:
            # What the real run would do: it refuses every edited page without --force.
            refuse = conflicts and not args.force
            for what, path, new in changes:
                if what == "create":
                    print(f"{'would create' if not refuse else 'would not create (refused)'} {path}: "
                          f"{len(new.splitlines())} lines")
            for path, old, new in conflicts:
                head, *lines = diff_summary(old, new)
                print(f"{'would refuse to overwrite' if refuse else 'would update'} {path}: {head}"
                      + (" (differs from the import, edited since? --force overwrites)" if refuse else ""))
                for line in lines:
                    print(line)
            return 1 if changes else 0
        if conflicts and not args.force:
            for path, _, _ in conflicts:
                print(f"{path}:1: differs from the import (edited since?); not overwritten, use --force",
                      file=sys.stderr)
            return 1
        write_all(changes, result.images, args.out)
        print(*result.warnings, sep="\n", file=sys.stderr, end="\n" if result.warnings else "")
        for _, path, _ in changes:
            print(f"wrote {path}")
    except FileError as e:
        print(f"{e.where}: {e.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
