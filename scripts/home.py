#!/usr/bin/env python3
"""Print a language's home page (docs/<lang>/index.md), made from its question pages.

The build makes both home pages this way (scripts/hook_generated_pages.py):
they are not committed. The home page lists every question and sub-question
with a deep link (questions/NN-slug.md#12-1) and whether it is answered yet: a
part is unanswered while it still holds the "not written yet" notice that the
importer puts there. A page it cannot read, or a question page without an H1,
is an error (`FILE: reason`).
"""
import argparse
import re
import sys
from pathlib import Path

from translations import PageError, read, shown  # pages read as MkDocs reads them

ROOT = Path(__file__).resolve().parent.parent
H1 = re.compile(r"^# (.+?)\s*$", re.M)
PAGE = re.compile(r"(\d+)-[^/]*\.md")  # questions/NN-slug.md; NN may have three digits
SUB = re.compile(r"^## (.+?)\s*\{#(\d+-\d+)\}\s*$", re.M)
# a fenced code block (also indented, inside an admonition): its "# comment" lines are not headings
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[`~]*[ \t]*$", re.M | re.S)


def headings_only(text: str) -> str:
    """The text with fenced code blanked out, every character at its place."""
    return FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)

TEXT = {
    "ko": {
        "title": "딥러닝 면접 질문과 답",
        "intro": (
            "딥러닝 면접에서 자주 나오는 질문과 그 답을 한 질문에 한 페이지로 정리했습니다. "
            "질문과 하위 질문마다 바로 연결되는 주소가 있어 링크로 공유할 수 있고, "
            "오른쪽 위의 언어 메뉴로 같은 질문의 영어 페이지로 옮겨 갈 수 있습니다. "
            "질문 목록의 원본과 출처는 [출처](about.md) 페이지에 있습니다."
        ),
        "count": "답변이 있는 항목: {done} / {total} (질문 {q}개, 하위 질문 {s}개)",
        "list": "질문 목록",
        "done": "답변 있음",
        "todo": "준비 중",
        "not_written": "아직 작성되지 않은 답변",
    },
    "en": {
        "title": "Deep Learning Interview Questions and Answers",
        "intro": (
            "Questions that come up in deep-learning interviews, one page per question. "
            "Every question and sub-question has its own address you can share, and the "
            "language menu at the top right takes you to the same question in Korean. "
            "Where the question list comes from is on the [Source](about.md) page."
        ),
        "count": "Answered: {done} / {total} ({q} questions, {s} sub-questions)",
        "list": "Questions",
        "done": "answered",
        "todo": "not written yet",
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
    lines, done, total, nq, ns = [], 0, 0, 0, 0
    pages = [(int(m[1]), p) for p in (docs / lang / "questions").glob("*.md") if (m := PAGE.fullmatch(p.name))]
    for number, page in sorted(pages):
        text = read(page)
        if not H1.search(headings_only(text)):  # it would vanish from the list without a word
            raise PageError(f"{shown(page)}: no H1")
        for anchor, title, body in parts(text):
            answered = t["not_written"] not in body
            done += answered
            total += 1
            status = t["done"] if answered else t["todo"]
            if anchor is None:
                nq += 1
                lines.append(f"- **{number}.** [{title}](questions/{page.name}) — *{status}*")
            else:
                ns += 1
                lines.append(f"    - {anchor} [{title}](questions/{page.name}#{anchor}) — *{status}*")
    head = [
        f"# {t['title']}",
        "",
        t["intro"],
        "",
        t["count"].format(done=done, total=total, q=nq, s=ns),
        "",
        f"## {t['list']}",
        "",
    ]
    return "\n".join(head + lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="`mkdocs build` and `mkdocs serve` make the home pages themselves: "
                                        "this shows what they get.")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: ./docs)")
    ap.add_argument("--lang", choices=sorted(TEXT), default="ko", help="language (default: ko)")
    args = ap.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{shown(args.docs)}: not a folder", file=sys.stderr)
        return 1
    try:
        text = render(args.lang, args.docs)
    except PageError as e:
        print(e, file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
