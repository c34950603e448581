#!/usr/bin/env python3
"""List English pages that are missing or behind the Korean page they translate.

Each English page records, in its front matter, which revision of its Korean
page it translates: `ko_hash`, a hash of the Korean file. After updating a
translation, record the Korean revision with `--stamp docs/en/.../page.md`.
Exit status 1 when any page is missing, unstamped or behind (the tests use this).
"""
import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = {"index.md", "glossary.md"}  # written by scripts/home.py and scripts/glossary.py for each language
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def ko_hash(ko_page: Path) -> str:
    text = ko_page.read_text(encoding="utf-8").replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded_hash(en_page: Path) -> str | None:
    m = FRONT.match(en_page.read_text(encoding="utf-8"))
    h = m and re.search(r"^ko_hash:\s*(\w+)\s*$", m[1], re.M)
    return h[1] if h else None


def pairs(docs: Path = DOCS):
    """(Korean page, English page) for every translated Korean page."""
    for ko in sorted((docs / "ko").rglob("*.md")):
        rel = ko.relative_to(docs / "ko")
        if rel.as_posix() not in GENERATED:
            yield ko, docs / "en" / rel


def status(ko: Path, en: Path) -> str:
    if not en.exists():
        return "missing"
    h = recorded_hash(en)
    if h is None:
        return "unstamped"
    return "current" if h == ko_hash(ko) else "behind"


def stamp(en: Path, docs: Path = DOCS) -> None:
    ko = docs / "ko" / en.resolve().relative_to((docs / "en").resolve())
    text = en.read_text(encoding="utf-8")
    line = f"ko_hash: {ko_hash(ko)}"
    m = FRONT.match(text)
    if m:
        body = re.sub(r"^ko_hash:.*$", line, m[1], flags=re.M) if "ko_hash:" in m[1] else f"{m[1]}\n{line}"
        text = f"---\n{body}\n---\n" + text[m.end():]
    else:
        text = f"---\n{line}\n---\n\n" + text
    en.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n")[1])
    ap.add_argument("--stamp", nargs="+", type=Path, metavar="EN_PAGE",
                    help="record that these English pages now translate the current Korean page")
    ap.add_argument("--docs", type=Path, default=DOCS, help="docs folder (default: ./docs)")
    args = ap.parse_args(argv)
    if args.stamp:
        for en in args.stamp:
            stamp(en, args.docs)
            print(f"stamped {en}")
        return 0
    bad = 0
    for ko, en in pairs(args.docs):
        s = status(ko, en)
        if s != "current":
            bad += 1
            print(f"{en.relative_to(args.docs.parent) if en.is_relative_to(args.docs.parent) else en}: {s} "
                  f"(translates {ko.name})")
    print(f"{bad} English page(s) missing or behind" if bad else "all English pages are current")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
