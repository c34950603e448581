#!/usr/bin/env python3
"""Import upstream READMEs in memory and print what breaks the importer's invariants.

For each SOURCE, the pages scripts/content/split_readme.py would make (nothing is written):
- hold no address of the formula rendering service, no <img>, no empty image, no heading
  that skips a level, no stray $ (outside code and comments);
- hold every formula of the source (an image or link of the service, or in $) whole, as
  a formula on its line's page, and no formula whose parentheses or braces do not balance
  unless the source's TeX is so;
- lose nothing: every line lands on exactly one page, with all its words.
Prints "SOURCE: clean", or one line per problem: "SOURCE:LINE: what" for a line of the
source, "SOURCE: PAGE:LINE: what" for a line of a page. A source the importer refuses gets
its one-line reason, "SOURCE:LINE: refused: reason". Exit status 0 when every SOURCE is
clean, 1 otherwise.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import split_readme

MATH = re.compile(split_readme.MATH_URL, re.I)
# Words of markup, not of the text: an address or an <img> may go while its text stays.
MARKUP = {"img", "src", "width", "https", "render", "githubusercontent", "com", "math"}


def words(text: str) -> list[str]:
    """The words of a source or page text, formula addresses read as their TeX."""
    text = re.sub(split_readme.MATH_URL + r"([^\"]*)", lambda m: split_readme.math(m[1]), text)
    # an HTML tag's attributes are markup (style, height), but for an image's alt text
    text = re.sub(r"</?[A-Za-z][^<>]*>", lambda m: " ".join(re.findall(r"\balt=[\"']([^\"']*)", m[0])), text)
    text = re.sub(r"\]\(#id-(?=\d)", "](#", text)  # GitBook's anchors: "(#id-12)" is "(#12)"
    # a sub-question's number is its id, not text (a number met twice is renumbered)
    text = re.sub(r"#\s*\d+(?:-\d+)+", " ", text)
    return [w for w in re.findall(r"[0-9A-Za-z가-힣]+", text) if w.lower() not in MARKUP]


def prose(page: str):
    """(number, line) of each line outside code fences and HTML comments, comments cut out."""
    fence, comment = None, False
    for n, line in enumerate(page.splitlines(), 1):
        # (CommonMark: a backtick fence's info string has no backtick, "```x``` y" is inline code)
        f = re.match(r"^\s*(`{3,}|~{3,})\s*$", line) if fence else re.match(r"^\s*(`{3,}(?=[^`]*$)|~{3,})", line)
        if fence and f and f[1][0] == fence[0] and len(f[1]) >= len(fence):
            fence = None
            continue
        if not fence and f:
            fence = f[1]
            continue
        if fence:
            continue
        if comment:
            if "-->" not in line:
                continue
            comment, line = False, line.split("-->", 1)[1]
        line = re.sub(r"<!--.*?-->", "", line)
        if "<!--" in line:
            comment, line = True, line.split("<!--", 1)[0]
        yield n, line


def bad_markup(page: str, level: int = 0) -> list[str]:
    """What no imported page may hold: a dead formula service, an image of a formula, an
    empty image, a heading that skips a level, a stray $ (outside code and comments).
    `level`: the level of a title the page has outside its text (front matter's title:)."""
    found, display = [], False
    for n, line in prose(page):
        if "render.githubusercontent.com" in line:
            found.append(f"{n}: formula service URL")
        if re.search(r"<img\b", line):
            found.append(f"{n}: <img")
        if "![]()" in line:
            found.append(f"{n}: empty image")
        h = re.match(r"^(#{1,6}) ", line)
        if h:
            if len(h[1]) > level + 1:
                found.append(f"{n}: heading skips from H{level} to H{len(h[1])}")
            level = len(h[1])
        if "$$" in line and line.strip() != "$$":
            found.append(f"{n}: $$ inside a line")
        if line.strip() == "$$":
            display = not display
        elif not display and len(re.findall(r"(?<!\\)\$", line.replace("$$", ""))) % 2:
            found.append(f"{n}: stray $")
    if display:
        found.append("unclosed $$")
    return found


def formulas(text: str) -> list[tuple[int, str]]:
    """(line, TeX) of the formulas in a text: "$$" lines around display math, $...$ inline
    (a line with a stray $ holds none: bad_markup reports it)."""
    out, display = [], None
    for n, line in prose(text):
        if line.strip() == "$$":
            if display is None:
                display = (n, [])
            else:
                out.append((display[0], "\n".join(display[1]).strip()))
                display = None
        elif display is not None:
            display[1].append(line)
        else:
            parts = re.split(r"(?<!\\)\$", line.replace("$$", "$"))
            if len(parts) % 2:
                out += [(n, p.strip()) for p in parts[1::2]]
    return out


def service_tex(line: str) -> list[str]:
    """The TeX of each formula of a source line drawn by the rendering service, read here
    apart from the importer: an <img src="...">, a Markdown image, a plain link; a link
    around a formula image is that image's. A Markdown target ends at its balancing ")"."""
    out = []
    for m in MATH.finditer(line):
        before = line[:m.start()]
        if before.endswith('src="'):
            out.append(split_readme.math(line[m.end():].split('"', 1)[0]))
        elif re.search(r"\[[^\[\]]*\]\($", before) and not re.search(r"[)>]\s*\]\($", before):
            depth, end = 1, m.end()
            while end < len(line) and depth:
                depth += {"(": 1, ")": -1}.get(line[end], 0)
                end += 1
            if not depth:
                out.append(split_readme.math(line[m.end():end - 1]))
    return out


def unbalanced(tex: str) -> bool:
    tex = re.sub(r"\\[{}]", "", tex)
    return tex.count("(") != tex.count(")") or tex.count("{") != tex.count("}")


def number(path: str) -> str:
    """The question number of a page ("questions/07-x.md" -> "7"), "" for another page."""
    m = re.match(r"(\d+)-", path.split("/")[-1])
    return str(int(m[1])) if m else ""


def problems(lines: list[str], result: split_readme.Result) -> list[str]:
    """What breaks the invariants: "LINE: what" (a source line), "PAGE:LINE: what" (a page's)."""
    found = []
    landed: dict[int, list] = {}  # source line -> [(page, text)]
    for path, pg in result.pages.items():
        for text, src in pg.chunks:
            for n in (src if isinstance(src, tuple) else (src,)):
                if n is not None:
                    landed.setdefault(n, []).append((path, text))
    states, _ = split_readme.scan(lines)
    source_tex = {t for _, t in formulas("\n".join(lines))}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if n not in landed:
            found.append(f"{n}: on no page: {line.strip()[:60]!r}")
            continue
        pages = {p for p, _ in landed[n]}
        if len(pages) > 1:
            found.append(f"{n}: on {len(pages)} pages: {', '.join(sorted(pages))}")
        if states[n - 1] == "text":
            tex = service_tex(line) + [t for _, t in formulas(line)]  # drawn, and in dollars
            source_tex.update(tex)
            whole = {t for _, t in formulas("\n".join(t for _, t in landed[n]))}
            found += [f"{n}: formula not whole on its page: {t!r}" for t in tex if t not in whole]
        if re.match(r"^##\s*#\s*\d+\s*$", line):
            continue  # the section heading is the page itself
        # a table-of-contents entry's "#N" lands as the page's number, NN-slug.md
        text = " ".join(f"{number(p)} {t}" for p, t in landed[n])
        # (case aside: a heading that repeats its table-of-contents entry merges into it)
        there = {w.lower() for w in words(text)}
        missing = [w for w in words(line) if w.lower() not in there]
        if missing:
            found.append(f"{n}: words lost: {' '.join(missing[:8])}")
    for path, pg in result.pages.items():
        text = pg.text()
        titled = re.match(r"---\n(?:.*\n)*?title:.*\n(?:.*\n)*?---\n", text)  # about.md: its H1
        found += [f"{path}:{p}" for p in bad_markup(text, 1 if titled else 0)]
        found += [f"{path}:{n}: half formula {t!r}" for n, t in formulas(text) if unbalanced(t) and t not in source_tex]
    return found


def check(data: bytes, source: Path) -> list[str]:
    """The problems of importing `data` (see problems()); split_readme.InputError when the
    importer refuses it. Images are looked for in an empty folder: none is copied."""
    lines = split_readme.decode(data)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        result = split_readme.split(lines, source, Path(tmp), out, Path(tmp) / "assets",
                                    split_readme.load_slugs(split_readme.DEFAULT_SLUGS, out))
    return problems(lines, result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", nargs="+", type=Path, help="an upstream README (any version of answers/*.md)")
    args = ap.parse_args(argv)
    clean = True
    for src in args.source:
        try:
            found = check(src.read_bytes(), src)
        except OSError as e:
            found = [f"cannot read: {e.strerror}"]
        except split_readme.InputError as e:
            found = [f"{e.line}: refused: {e.reason}"]
        for p in found:
            print(f"{src}:{p}" if re.match(r"\d+: ", p) else f"{src}: {p}")
        if not found:
            print(f"{src}: clean")
        clean = clean and not found
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
