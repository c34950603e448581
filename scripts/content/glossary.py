#!/usr/bin/env python3
"""Print a language's glossary page (docs/<lang>/glossary.md), made from glossary.yml.

glossary.yml is the one list of terms, their translations and the variants
readers type (transliterations, abbreviations, spacing). The build turns it
into a page per language (scripts/hooks/hook_generated_pages.py: the pages are not
committed) and into the data the search uses to expand a query
(scripts/hooks/hook_search_glossary.py, search_data below). A bad entry is reported
as `glossary.yml:LINE: reason`, here and by the build.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import yaml

from translations import PageError, print_generated, read


ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "glossary.yml"
FIELDS = ("ko", "en", "variants", "questions", "ko_def", "en_def")
DOCS = ROOT / "docs"
PAGE = re.compile(r"(\d+)-[^/]*\.md")  # questions/NN-slug.md; NN may have three digits
# Words as the search index holds them: mkdocs.yml's search separator splits
# text at spaces and punctuation (and between Hangul and Latin letters).
WORDS = re.compile(r"[^0-9A-Za-z\u3131-\u318e\uac00-\ud7a3]+")

TEXT = {
    "ko": {
        "title": "용어집",
        "intro": ("면접 답변에 나오는 용어를 한국어와 영어로 모았습니다. "
                  "**다른 표기**에 적힌 말(음역, 약어, 띄어쓰기가 다른 표기)로 검색해도 "
                  "같은 용어를 설명한 답변이 나옵니다."),
        "other": "영어", "variants": "다른 표기", "questions": "설명한 질문", "question": "질문 {n}",
    },
    "en": {
        "title": "Glossary",
        "intro": ("The terms used in the answers, in Korean and English. Searching for any of "
                  "the words under **Other spellings** (transliterations, abbreviations, "
                  "other spacing) finds the answers that explain the term."),
        "other": "Korean", "variants": "Other spellings", "questions": "Explained in", "question": "question {n}",
    },
}


class GlossaryError(Exception):
    """A bad entry: str() is `FILE:LINE: reason`."""


def norm(form: str) -> str:
    """How a form is looked up: case, spaces and hyphens do not matter."""
    return WORDS.sub("", form).lower()


def question_pages(docs: Path = DOCS) -> dict[int, str]:
    """Question number -> file name of its Korean page."""
    pages = {}
    for p in (docs / "ko" / "questions").glob("*.md"):
        if m := PAGE.fullmatch(p.name):
            pages[int(m[1])] = p.name
    return pages


def _duplicate_key(node, name: str) -> None:
    """PyYAML keeps the last of two equal keys without a word: refuse them."""
    if isinstance(node, yaml.MappingNode):
        first = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in first:
                    raise GlossaryError(f"{name}:{key.start_mark.line + 1}: duplicate key {key.value!r} "
                                        f"(first on line {first[key.value]})")
                first[key.value] = key.start_mark.line + 1
            _duplicate_key(value, name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_key(item, name)


def _yaml_error(e: yaml.YAMLError, name: str, line: int = 1) -> GlossaryError:
    mark = getattr(e, "problem_mark", None)
    return GlossaryError(f"{name}:{mark.line + 1 if mark else line}: not valid YAML ({getattr(e, 'problem', e)})")


def load(path: Path = SOURCE, docs: Path = DOCS) -> list[dict]:
    """The entries of glossary.yml, validated; raises GlossaryError."""
    try:
        text = read(path)
    except PageError as e:
        raise GlossaryError(str(e)) from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as e:
        raise _yaml_error(e, path.name) from None
    if not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(f"{path.name}:1: expected a list of entries")
    _duplicate_key(root, path.name)
    slugs = question_pages(docs)
    entries, seen = [], {}
    for node in root.value:
        line = node.start_mark.line + 1
        where = f"{path.name}:{line}"
        try:
            entry = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
        except yaml.YAMLError as e:  # e.g. a tag safe_load refuses
            raise _yaml_error(e, path.name, line) from None
        if not isinstance(entry, dict):
            raise GlossaryError(f"{where}: an entry must be a mapping of {', '.join(FIELDS)}")
        missing = [f for f in FIELDS if not entry.get(f)]
        extra = sorted(set(entry) - set(FIELDS) - {"avoid"})  # avoid: optional, read by tests/test_terms.py
        if missing or extra:
            raise GlossaryError(f"{where}: " + "; ".join(
                ([f"missing {', '.join(missing)}"] if missing else []) +
                ([f"unknown field {', '.join(extra)}"] if extra else [])))
        if not isinstance(entry["variants"], list) or not all(isinstance(v, str) for v in entry["variants"]):
            raise GlossaryError(f"{where}: variants must be a list of strings")
        # bool is an int to Python: `true` must not count as question 1
        bad = [q for q in entry["questions"] if type(q) is not int or q not in slugs] \
            if isinstance(entry["questions"], list) else [entry["questions"]]
        if bad:
            raise GlossaryError(f"{where}: questions must list existing question numbers, not {bad}")
        for form in forms(entry):
            key = norm(form)
            if key in seen and seen[key] != line:
                raise GlossaryError(f"{where}: {form!r} is already a form of the entry on line {seen[key]}")
            seen[key] = line
        entry["line"] = line
        entries.append(entry)
    return entries


def forms(entry: dict) -> list[str]:
    return [str(entry["ko"]), str(entry["en"]), *map(str, entry["variants"])]


def search_data(entries: list[dict]) -> dict:
    """For the search: every form (normalized) -> its entry; per entry the words
    to add to a query that names it, and the questions that explain it (ranked
    first for such a query). Only a word that belongs to this entry alone is
    added: "gradient" (vanishing gradient, gradient descent) would pull in
    every page about the others. Words are searched as prefixes, so short
    Latin pieces of longer forms ("over" of over-fitting, "back" of back prop)
    and one-letter words would match far too much."""
    lookup, per_entry = {}, []
    for i, entry in enumerate(entries):
        ws = []
        for form in forms(entry):
            lookup[norm(form)] = i
            parts = [w.lower() for w in WORDS.split(form) if w]
            ws += [w for w in parts if len(w) > 1 and (len(parts) == 1 or len(w) >= 5 or not w.isascii())]
        per_entry.append(sorted(set(ws), key=ws.index))
    owners: dict[str, int] = {}
    for ws in per_entry:
        for w in ws:
            owners[w] = owners.get(w, 0) + 1
    words = [[w for w in ws if owners[w] == 1] for ws in per_entry]
    return {"forms": lookup, "words": words, "questions": [list(e["questions"]) for e in entries]}


def anchor(entry: dict) -> str:
    """The term's id, the same in both languages (from its English form): glossary/#batch-normalization."""
    return re.sub(r"[^a-z0-9]+", "-", str(entry["en"]).lower()).strip("-") or f"term-{entry['line']}"


def page(entries: list[dict], lang: str, docs: Path = DOCS) -> str:
    """One block per term: its name as a heading, the other language and the variants on one
    line, the one-sentence meaning, the questions that explain it. A list, not a table, so that
    it reads on a phone (a five-column table wrapped a term one word per line at 360 px)."""
    t = TEXT[lang]
    other = "en" if lang == "ko" else "ko"
    slugs = question_pages(docs)
    out = ["---", f"title: {t['title']}", "search:",
           "  exclude: true  # every variant is on this page: it would top every search", "---", "",
           f"# {t['title']}", "", t["intro"], ""]
    ids: set[str] = set()
    for e in sorted(entries, key=lambda e: str(e[lang]).lower()):
        key = anchor(e)
        while key in ids:
            key += "-"
        ids.add(key)
        # terms are plain text (a "<" in one is not markup); definitions are Markdown, for formulas
        forms = f"**{t['other']}** {html.escape(str(e[other]), quote=False)}"
        if e["variants"]:
            forms += f" · **{t['variants']}** " + html.escape(", ".join(map(str, e["variants"])), quote=False)
        links = ", ".join(f"[{t['question'].format(n=q)}](questions/{slugs[q]})" for q in e["questions"])
        out += [f"## {html.escape(str(e[lang]), quote=False)} {{#{key}}}", "", forms, "",
                str(e[f"{lang}_def"]), "", f"**{t['questions']}** {links}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="`mkdocs build` and `mkdocs serve` make the glossary pages themselves: "
                                        "this checks glossary.yml and shows what they get.")
    ap.add_argument("--source", type=Path, default=SOURCE, help="the glossary (default: glossary.yml)")
    ap.add_argument("--docs", type=Path, default=DOCS, help="docs folder (default: ./docs)")
    ap.add_argument("--lang", choices=sorted(TEXT), default="ko", help="language (default: ko)")
    args = ap.parse_args(argv)
    return print_generated(args.docs, lambda: page(load(args.source, args.docs), args.lang, args.docs), GlossaryError)

if __name__ == "__main__":
    sys.exit(main())
