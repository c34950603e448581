#!/usr/bin/env python3
"""Print a language's home page (docs/<lang>/index.md), made from its question pages.

The build makes both home pages this way (scripts/hooks/hook_generated_pages.py):
they are not committed. The home page lists the questions by topic (TOPICS
below; each question page names its one topic in its front matter, `tags:`,
in its own language), each with the first sentence of its short answer and
deep links to its sub-questions (questions/NN-slug.md#12-1). A part still
holding the importer's "not written yet" notice is marked as such. A page it
cannot read, a question page without an H1, or without one known topic, is an
error (`FILE: reason`).
"""
import argparse
import re
import sys
from pathlib import Path

import yaml

from tex_text import tex_to_text
from translations import PageError, front_matter, print_generated, read, shown  # pages read as MkDocs reads them

ROOT = Path(__file__).resolve().parents[2]
H1 = re.compile(r"^# (.+?)\s*$", re.M)
PAGE = re.compile(r"(\d+)-[^/]*\.md")  # questions/NN-slug.md; NN may have three digits
SUB = re.compile(r"^## (.+?)\s*\{#(\d+-\d+)\}\s*$", re.M)
# a fenced code block (also indented, inside an admonition): its "# comment" lines are not headings
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[`~]*[ \t]*$", re.M | re.S)


# The topics, in the order the home page shows them: (Korean tag, English tag).
# A question page's front matter names one, in its language: `tags: [최적화]`.
TOPICS = [
    ("기초", "Basics"),
    ("활성화 함수와 손실", "Activations and losses"),
    ("초기화와 정규화", "Initialization and normalization"),
    ("최적화", "Optimization"),
    ("규제와 평가", "Regularization and evaluation"),
    ("실습과 프레임워크", "Practice and frameworks"),
    ("하드웨어", "Hardware"),
]
SHORT = re.compile(r'^!!! abstract "(?:한 줄 답|Short answer)"\n((?:[ ]{4}.*\n|\n)+)', re.M)
# a sentence does not end inside a formula, code or parentheses, nor after an abbreviation
NO_END = re.compile(r"\$[^$]*\$|`[^`]*`|\([^()]*\)")
ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|vs|al|etc|cf|Fig)\.$", re.I)


def headings_only(text: str) -> str:
    """The text with fenced code blanked out, every character at its place."""
    return FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def topic(text: str, page: Path, lang: str) -> int:
    """The index in TOPICS of the page's one topic; PageError if it names none or another."""
    m = front_matter(text, page)
    tags = (yaml.safe_load(m[1]) or {}).get("tags") if m else None
    names = [t[0 if lang == "ko" else 1] for t in TOPICS]
    if not isinstance(tags, list) or len(tags) != 1 or tags[0] not in names:
        raise PageError(f"{shown(page)}: front matter must name one topic, tags: [NAME], "
                        f"NAME one of {', '.join(names)}")
    return names.index(tags[0])


INLINE_MATH = re.compile(r"\$([^$]+)\$")


def formulas_as_text(sentence: str) -> str:
    """The sentence with its formulas as plain text (γ, nᵢₙ, Wx+b), escaped for
    Markdown: typeset, the home page's nine small formulas cost its readers more
    bytes than the rest of its text (their glyph outlines)."""
    def text(m):
        # not [ ]: \[ opens a display formula for pymdownx.arithmatex
        return re.sub(r"([\\`*_<>&])", r"\\\1", tex_to_text(m.group(1)))
    return INLINE_MATH.sub(text, sentence)


def short_answer(text: str) -> str | None:
    """The first sentence of the page's short answer (Markdown, formulas kept), or None."""
    m = SHORT.search(text)
    if not m:
        return None
    answer = " ".join(m[1].split())
    masked = NO_END.sub(lambda f: "x" * len(f[0]), answer)
    for end in re.finditer(r"[.?!](?=\s|$)", masked):
        if not ABBREVIATION.search(masked[:end.end()]):
            return answer[:end.end()]
    return answer

TEXT = {
    "ko": {
        "title": "딥러닝 면접 질문과 답",
        "intro": (
            "딥러닝 면접에서 자주 나오는 질문과 그 답을 한 질문에 한 페이지로 정리했습니다. "
            "질문과 하위 질문마다 바로 연결되는 주소가 있어 링크로 공유할 수 있고, "
            "오른쪽 위의 언어 메뉴로 같은 질문의 영어 페이지로 옮겨 갈 수 있습니다. "
            "질문 목록의 원본과 출처는 [출처](about.md) 페이지에 있습니다. "
            "[연습](practice.md) 페이지에서는 답을 먼저 떠올려 본 뒤 확인하고, 간격 반복으로 복습할 수 있습니다."
        ),
        "count": "질문 {q}개, 하위 질문 {s}개를 주제별로 모았습니다. 질문 아래의 문장은 그 답의 첫 문장입니다.",
        "todo_count": "그중 {n}개는 답을 준비하고 있습니다.",
        "todo": "준비 중",
        "topics": "주제별 질문",
        "topics_intro": "질문 페이지의 제목 위에 있는 주제를 누르면 이 페이지의 그 주제로 옵니다.",
        "not_written": "아직 작성되지 않은 답변",
    },
    "en": {
        "title": "Deep Learning Interview Questions and Answers",
        "intro": (
            "Questions that come up in deep-learning interviews, one page per question. "
            "Every question and sub-question has its own address you can share, and the "
            "language menu at the top right takes you to the same question in Korean. "
            "Where the question list comes from is on the [Source](about.md) page. "
            "On the [Practice](practice.md) page you recall each answer before you see it, "
            "and spaced repetition brings it back."
        ),
        "count": "{q} questions and {s} sub-questions, by topic; under each question, the first sentence "
                 "of its answer.",
        "todo_count": "{n} of them are not answered yet.",
        "todo": "not written yet",
        "topics": "Questions by topic",
        "topics_intro": "The topic above a question's title leads here, to that topic.",
        "not_written": "Answer not written yet",
    },
}


def parts(text: str):
    """Yield (anchor or None, title, body) for the question and each sub-question."""
    h1 = H1.search(headings_only(text))
    if not h1:
        return
    subs = list(SUB.finditer(headings_only(text)))
    first_end = subs[0].start() if subs else len(text)
    yield None, h1[1], text[h1.end():first_end]
    for k, m in enumerate(subs):
        end = subs[k + 1].start() if k + 1 < len(subs) else len(text)
        yield m[2], m[1], text[m.end():end]


def render(lang: str, docs: Path) -> str:
    t = TEXT[lang]
    groups: list[list[str]] = [[] for _ in TOPICS]
    nq = ns = todo = 0
    pages = [(int(m[1]), p) for p in (docs / lang / "questions").glob("*.md") if (m := PAGE.fullmatch(p.name))]
    for number, page in sorted(pages):
        text = read(page)
        if not H1.search(headings_only(text)):  # it would vanish from the list without a word
            raise PageError(f"{shown(page)}: no H1")
        lines = groups[topic(text, page, lang)]
        for anchor, title, body in parts(text):
            mark = f" — *{t['todo']}*" if t["not_written"] in body else ""
            todo += bool(mark)
            if anchor is None:
                nq += 1
                if lines and lines[-1]:  # after another question's sub-questions: a new item
                    lines.append("")
                lines.append(f"- **{number}.** [{title}](questions/{page.name}){mark}")
                if answer := short_answer(text):
                    lines += ["", f"    {formulas_as_text(answer)}", ""]
            else:
                ns += 1
                lines.append(f"    - {anchor} [{title}](questions/{page.name}#{anchor}){mark}")
    out = [f"# {t['title']}", "", t["intro"], "", t["count"].format(q=nq, s=ns)
           + (" " + t["todo_count"].format(n=todo) if todo else ""), ""]
    for (ko, en), lines in zip(TOPICS, groups):
        if lines:
            out += [f"## {ko if lang == 'ko' else en}", "", *lines] + ([""] if lines[-1] else [])
    return "\n".join(out).rstrip("\n") + "\n"


def topic_index(lang: str) -> str:
    """The topic index page: Material's tags plugin lists each topic's pages at the marker."""
    return f"# {TEXT[lang]['topics']}\n\n{TEXT[lang]['topics_intro']}\n\n<!-- material/tags -->\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="`mkdocs build` and `mkdocs serve` make the home pages themselves: "
                                        "this shows what they get.")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: ./docs)")
    ap.add_argument("--lang", choices=sorted(TEXT), default="ko", help="language (default: ko)")
    args = ap.parse_args(argv)
    return print_generated(args.docs, lambda: render(args.lang, args.docs), PageError)

if __name__ == "__main__":
    sys.exit(main())
