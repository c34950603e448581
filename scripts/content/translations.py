#!/usr/bin/env python3
"""List English pages that are missing or behind the Korean page they translate.

Each English page records, in its front matter, which revision of its Korean
page it translates: `ko_hash`, a hash of the Korean file. After updating a
translation, record the Korean revision with `--stamp docs/en/.../page.md`.
Exit status 1 when any page is missing, unstamped, behind or has no Korean
page, and on bad input (`FILE:LINE: reason` on stderr): a page that is not
UTF-8, a folder where a page should be, front matter that is not valid YAML.
"""
import argparse
import hashlib
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GENERATED = {"index.md", "glossary.md"}  # made by the build (scripts/hooks/hook_generated_pages.py): never stamped
# Front matter as MkDocs finds it (mkdocs/utils/meta.py, YAML_RE): when its YAML
# does not parse, MkDocs publishes the block as page text without a word.
TAGS = re.compile(r"^tags:.*\n(?:[ \t]+-.*\n)*", re.M)
FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


class PageError(Exception):
    """Bad input: str() is `FILE:LINE: reason` or `FILE: reason`."""


def shown(path: Path) -> str:
    """A path as a reader of the message knows it: relative to the working folder if under it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(p)


def read(path: Path) -> str:
    """A page's text as MkDocs reads it (utf-8-sig: a byte-order mark is not text)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[:e.start].count(b"\n") + 1
        raise PageError(f"{shown(path)}:{line}: not UTF-8 (byte 0x{e.object[e.start]:02x})") from None
    except IsADirectoryError:
        raise PageError(f"{shown(path)}: a folder, not a page") from None
    except FileNotFoundError:
        raise PageError(f"{shown(path)}: no such file") from None
    except OSError as e:
        raise PageError(f"{shown(path)}: {e.strerror}") from None


def print_generated(docs: Path, make, errors) -> int:
    """The command line of a page generator (home.py, glossary.py): print the page that
    make() returns, or one line `FILE: reason` on stderr and exit status 1."""
    if not docs.is_dir():
        print(f"{shown(docs)}: not a folder", file=sys.stderr)
        return 1
    try:
        text = make()
    except errors as e:
        print(e, file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def write_all(pages: dict[Path, str]) -> None:
    """Write every page or none (PageError): each goes to a temporary file beside
    it, and only when all are written are they moved into place."""
    for path in pages:
        if path.is_dir():
            raise PageError(f"{shown(path)}: a folder, not a page")
    temps = {}
    try:
        for path, text in pages.items():
            temps[path] = path.with_name(f".{path.name}.tmp")
            temps[path].write_text(text, encoding="utf-8")
        for path, temp in temps.items():
            os.replace(temp, path)
    except OSError as e:
        raise PageError(f"{shown(path)}: cannot write ({e.strerror})") from None
    finally:
        for temp in temps.values():
            if temp.is_file():  # left over when a later page failed
                temp.unlink()


def front_matter(text: str, path: Path):
    """The front-matter match of a page, or None; PageError if MkDocs could not read it."""
    m = FRONT.match(text)
    if not m:
        return None
    try:
        data = yaml.safe_load(m[1])
    except yaml.YAMLError as e:
        # where the broken construct starts (an unclosed "[") rather than where YAML gave up
        mark = getattr(e, "context_mark", None) or getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # the YAML starts on the file's line 2
        why = ": ".join(filter(None, [getattr(e, "context", None), getattr(e, "problem", None)])) or str(e)
        raise PageError(f"{shown(path)}:{line}: front matter is not valid YAML ({why})") from None
    if not isinstance(data, dict):
        raise PageError(f"{shown(path)}:1: front matter is not a mapping of keys to values")
    return m


def ko_hash(ko_page: Path) -> str:
    """The Korean page's revision: a hash of its text without its topic (`tags:`), which is
    not translated text (tests/test_translations.py checks the twins name the same topic)."""
    text = read(ko_page)
    m = front_matter(text, ko_page)
    if m:
        rest = TAGS.sub("", m[1])
        text = text[:m.start(1)] + rest + text[m.end(1):] if rest.strip() else text[m.end():].lstrip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded_hash(en_page: Path) -> str | None:
    m = front_matter(read(en_page), en_page)
    # the raw text, not the YAML value: a hash of digits alone would load as a number
    h = m and re.search(r"^ko_hash:\s*(\w+)\s*$", m[1], re.M)
    return h[1] if h else None


def pairs(docs: Path = DOCS):
    """(Korean page, English page) for every translated Korean page."""
    for ko in sorted((docs / "ko").rglob("*.md")):
        rel = ko.relative_to(docs / "ko")
        if rel.as_posix() not in GENERATED:
            yield ko, docs / "en" / rel


def orphans(docs: Path = DOCS):
    """English pages with no Korean page to translate."""
    for en in sorted((docs / "en").rglob("*.md")):
        rel = en.relative_to(docs / "en")
        if rel.as_posix() not in GENERATED and not (docs / "ko" / rel).exists():
            yield en


def status(ko: Path, en: Path) -> str:
    """current, missing, unstamped or behind; PageError on bad input."""
    current = ko_hash(ko)
    if not en.exists():
        return "missing"
    h = recorded_hash(en)
    if h is None:
        return "unstamped"
    return "current" if h == current else "behind"


def stamped(en: Path, docs: Path = DOCS) -> str:
    """The English page's new text, recording the current Korean revision; PageError on bad input."""
    try:
        rel = en.resolve().relative_to((docs / "en").resolve())
    except ValueError:
        ko_dir = (docs / "ko").resolve()
        if en.resolve().is_relative_to(ko_dir):
            twin = docs / "en" / en.resolve().relative_to(ko_dir)
            raise PageError(f"{shown(en)}: a Korean page; stamp its English twin {shown(twin)}") from None
        raise PageError(f"{shown(en)}: not an English page under {shown(docs / 'en')}/") from None
    if rel.as_posix() in GENERATED or en.suffix != ".md":
        raise PageError(f"{shown(en)}: not a translated page (only question and about pages are stamped)")
    text = read(en)
    ko = docs / "ko" / rel
    if not ko.exists():
        raise PageError(f"{shown(en)}: no Korean page {shown(ko)} to translate")
    line = f"ko_hash: {ko_hash(ko)}"
    m = front_matter(text, en)
    if m:
        body = re.sub(r"^ko_hash:.*$", line, m[1], flags=re.M) if re.search(r"^ko_hash:", m[1], re.M) \
            else f"{m[1]}{line}\n"
        return text[:m.start(1)] + body + text[m.end(1):]
    return f"---\n{line}\n---\n\n" + text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n")[1])
    ap.add_argument("--stamp", nargs="+", type=Path, metavar="EN_PAGE",
                    help="record that these English pages now translate the current Korean page")
    ap.add_argument("--docs", type=Path, default=DOCS, help="docs folder (default: ./docs)")
    args = ap.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{shown(args.docs)}: not a folder", file=sys.stderr)
        return 1
    if args.stamp:
        try:  # a byte-order mark is not kept
            write_all({en: stamped(en, args.docs) for en in args.stamp})
        except PageError as e:
            print(e, file=sys.stderr)
            return 1
        for en in args.stamp:
            print(f"stamped {en}")
        return 0
    bad = 0
    for ko, en in pairs(args.docs):
        try:
            s = status(ko, en)
        except PageError as e:
            bad += 1
            print(e, file=sys.stderr)
            continue
        if s != "current":
            bad += 1
            print(f"{shown(en)}: {s} (translates {ko.name})")
    for en in orphans(args.docs):
        bad += 1
        print(f"{shown(en)}: no Korean page (nothing to translate)")
    print(f"{bad} English page(s) missing, behind or unreadable" if bad else "all English pages are current")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
