"""One term per concept, one register, on every Korean question page.

glossary.yml lists, per entry, the forms a page must not use for the term
(`avoid`): they may appear only inside parentheses, after the preferred form
(가능도(likelihood, 우도)), or inside code, math and links. The Korean pages are
written in 합니다체: a sentence of prose ending in 해요체 (…세요., …죠.) is a slip.
Both checks read what a reader reads as prose: not code blocks, inline code,
math, HTML comments, link targets or URLs. A failure names FILE:LINE.
"""
import re
from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
KO = ROOT / "docs" / "ko" / "questions"
SEED = Path(__file__).resolve().parent / "fixtures" / "seed-readme.md"

PAGES = sorted(KO.glob("[0-9][0-9]-*.md"))

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+).+?\1")
INLINE_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")      # the alt text is read out: keep it
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")          # link texts often quote a title: drop
URL = re.compile(r"<https?://[^>]*>|https?://\S+")
PARENS = re.compile(r"\([^()]*\)")
QUOTES = re.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|\'[^\'\n]*\'')
HANGUL_OR_LATIN = "가-힣A-Za-z"
# a 해요체 sentence end: a word ending in 요 or 죠, then only closing markup before
# . ! : ; or the end of the line (questions ending in ? are the interviewer's voice)
HAEYO = re.compile(r"([가-힣]*(?:요|죠))(?=[*_~)\]'\"’”]*\s*(?:[.!:;]|$))")
NOUNS_IN_YO = {"필요", "불필요", "중요", "주요", "개요", "수요", "강요", "소요", "요요", "아니요"}


def blank(m: re.Match) -> str:
    return " " * len(m[0])


def prose(text: str) -> list[tuple[int, str]]:
    """(line number, prose) for every line, with code, math, comments, link
    targets and URLs blanked out; a line inside a code block, a display formula
    or an HTML comment has no prose."""
    out, in_code, in_math, in_comment = [], False, False, False
    lines = text.splitlines()
    if lines and lines[0] == "---":  # front matter
        end = lines.index("---", 1)
        lines = [""] * (end + 1) + lines[end + 1:]
    for n, line in enumerate(lines, 1):
        if in_comment:
            in_comment = "-->" not in line
            continue
        if FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        if line.strip() == "$$" or (line.strip().startswith("$$") and line.strip().count("$$") == 1):
            in_math = not in_math
            continue
        if in_math:
            continue
        if "<!--" in line:
            in_comment = "-->" not in line.split("<!--", 1)[1]
            line = re.sub(r"<!--.*?(-->|$)", blank, line)
        line = INLINE_MATH.sub(blank, INLINE_CODE.sub(blank, line))
        line = IMAGE.sub(lambda m: "  " + m[1] + " " * (len(m[0]) - len(m[1]) - 2), line)
        line = URL.sub(blank, LINK.sub(blank, line))
        out.append((n, line))
    return out


def outside_parentheses(line: str) -> str:
    while True:
        stripped = PARENS.sub(blank, line)
        if stripped == line:
            return line
        line = stripped


def avoided_forms() -> list[tuple[str, str]]:
    """(avoided form, preferred Korean form) for every entry with `avoid`."""
    return [(form, str(e["ko"])) for e in glossary.load() for form in e.get("avoid", [])]


def term_slips(name: str, text: str, avoided) -> list[str]:
    slips = []
    for n, line in prose(text):
        line = outside_parentheses(line)
        for form, preferred in avoided:
            if re.search(rf"(?<![{HANGUL_OR_LATIN}]){re.escape(form)}", line, re.I):
                slips.append(f"{name}:{n}: '{form}' outside parentheses: write {preferred}")
    return slips


def seed_text() -> str:
    """The upstream README: its sentences stay in their own voice on the pages."""
    return SEED.read_text(encoding="utf-8")


def register_slips(name: str, text: str, seed: str = "") -> list[str]:
    slips = []
    for n, line in prose(text):
        if line.lstrip().startswith("#"):
            continue  # headings are titles and interview questions
        line = QUOTES.sub(blank, line)
        for m in HAEYO.finditer(line):
            # the sentence up to the slip, as the seed would have it
            sentence = re.split(r"[.!?]\s|^\s*(?:[-*]|\d+\.)\s+", line[:m.end()])[-1].strip()
            if m[1] not in NOUNS_IN_YO and not (seed and sentence in seed):
                slips.append(f"{name}:{n}: 해요체 '{m[1]}' in prose: write 합니다체")
    return slips


# --- the checks can fail, and do not fire on code, math, links or parentheses ---------

SAMPLE = """\
# 제목은 검사하지 않나요

가능도(likelihood, 우도)를 최대화합니다. `우도`와 $\\text{우도}$와 [로그 우도](https://x.org/우도)는 괜찮습니다.
이 경우도 괜찮습니다.
로그 우도를 최대화합니다.

```python
x = 1  # 우도, 공적응, shape, epoch
```

$$
\\text{우도} = 1
$$

<!-- 우도
우도 -->
![우도 그래프](a.svg)
드롭아웃은 공적응을 막고, x.shape 대신 형태(shape)를 씁니다. 100 epoch 동안 학습합니다.
자세한 것은 12-3을 보세요. "정말 그런가요." **잊지 마세요**: 필요합니다. 아니요.
둘 다 정답을 의미해 통용할 줄 알았는데 다르더라구요.
"""


def test_sample_slips_are_found_with_their_line():
    avoided = [("우도", "가능도"), ("공적응", "공동 적응"), ("shape", "형태"), ("epoch", "에폭")]
    assert term_slips("s.md", SAMPLE, avoided) == [
        "s.md:5: '우도' outside parentheses: write 가능도",
        "s.md:17: '우도' outside parentheses: write 가능도",
        "s.md:18: '공적응' outside parentheses: write 공동 적응",
        "s.md:18: 'shape' outside parentheses: write 형태",
        "s.md:18: 'epoch' outside parentheses: write 에폭",
    ]
    assert register_slips("s.md", SAMPLE, seed_text()) == [
        "s.md:19: 해요체 '보세요' in prose: write 합니다체",
        "s.md:19: 해요체 '마세요' in prose: write 합니다체",
    ]
    # without the seed exemption the upstream line is a slip too
    assert "s.md:20: 해요체 '다르더라구요' in prose: write 합니다체" in register_slips("s.md", SAMPLE)


def test_avoided_forms_are_forms_readers_can_still_search_for():
    entries = [e for e in glossary.load() if "avoid" in e]
    assert {str(e["ko"]) for e in entries} >= {"가능도", "공동 적응", "기울기 폭발", "에폭", "편향", "형태"}
    for e in entries:
        assert isinstance(e["avoid"], list) and e["avoid"], f"glossary.yml:{e['line']}: avoid must be a list"
        forms = [f.lower() for f in glossary.forms(e)]
        for form in e["avoid"]:
            assert any(form.lower() in f for f in forms), \
                f"glossary.yml:{e['line']}: avoided {form!r} is not among the entry's forms"


# --- every Korean question page ---------------------------------------------------

@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_korean_page_uses_the_preferred_terms(page):
    slips = term_slips(f"docs/ko/questions/{page.name}", page.read_text(encoding="utf-8"), avoided_forms())
    assert not slips, "\n".join(slips)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_korean_page_prose_is_in_hamnida_style(page):
    slips = register_slips(f"docs/ko/questions/{page.name}", page.read_text(encoding="utf-8"), seed_text())
    assert not slips, "\n".join(slips)
