"""One term per concept, one register, one spelling, on every question page.

glossary.yml lists, per entry, the forms a page must not use for the term
(`avoid`): they may appear only inside parentheses, after the preferred form
(가능도(likelihood, 우도)), or inside code, math and links. 정규화 is the term for
normalization, so regularization written as 정규화 cannot be an avoided form:
REGULARIZATION_AS_JEONGGYUHWA lists the contexts where 정규화 can only mean
regularization. The Korean pages are written in 합니다체: a sentence of prose
ending in 해요체 (…세요., …죠.) is a slip. The English pages use American
spelling: no -ise/-isation/-yse words beyond real words such as "precise".
The checks read what a reader reads as prose: not code blocks, inline code,
math, HTML comments, link targets or URLs, nor a page's reference list (titles
are quoted as published). A failure names FILE:LINE.
"""
import re
from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
KO = ROOT / "docs" / "ko" / "questions"
EN = ROOT / "docs" / "en" / "questions"
SEED = Path(__file__).resolve().parent / "fixtures" / "seed-readme.md"

PAGES = sorted(KO.glob("[0-9][0-9]-*.md"))
EN_PAGES = sorted(EN.glob("[0-9][0-9]-*.md"))

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


REFERENCES = re.compile(r"^##\s+(참고 문헌|References)\b")

# 정규화 where only regularization can be meant. Each pattern names the 정규화 it
# refuses (group t); like an avoided form, that 정규화 may stand inside parentheses.
# Normalization has no "term" and no L1 variant, and dropout, weight decay, early
# stopping, augmentation and label smoothing are regularizers, never normalizers;
# "L2 정규화된 임베딩" (an L2-normalized embedding) and 배치/층/그룹 정규화 기법 are
# normalization and pass.
REGULARIZER_NAMES = ["드롭아웃", "가중치 감쇠", "weight decay", "조기 종료", "데이터 증강", "레이블 스무딩", "라벨 스무딩"]
REGULARIZERS = "(?:" + "|".join(REGULARIZER_NAMES) + ")"
PAREN = r"(?:\s*\((?:[^()]|\([^()]*\))*\))?"   # an optional parenthesis, one level nested
NORMALIZER = r"(?<!배치 )(?<!층 )(?<!레이어 )(?<!그룹 )(?<!인스턴스 )(?<!입력 )(?<!데이터 )(?<!가중치 )(?<!특성 )"
REGULARIZATION_AS_JEONGGYUHWA = [
    # L1 정규화, L2 정규화를 겁니다 (not L2 정규화된/정규화한 벡터)
    re.compile(r"(?<![A-Za-z0-9])L[12][- ]?(?P<t>정규화)(?![된한하해할])"),
    # 정규화 항, 정규화항: the penalty added to the loss
    re.compile(r"(?P<t>정규화) ?항(?![등목])"),
    # 정규화(regularization), 정규화(드롭아웃, 가중치 감쇠)
    re.compile(r"(?P<t>정규화)\s*\(\s*(?:regulari[sz]ation|dropout|" + "|".join(REGULARIZER_NAMES) + ")", re.I),
    # 드롭아웃 같은 정규화, 가중치 감쇠(weight decay) 등의 정규화, 조기 종료, 정규화, 데이터 증강
    re.compile(REGULARIZERS + PAREN + r"\s*(?:같은|등의|등|처럼|와 같은|과 같은|,|와|과)\s*(?P<t>정규화)(?![된한하해할 ]?층)"),
    re.compile(NORMALIZER + r"(?P<t>정규화)" + PAREN + r"\s*,\s*" + REGULARIZERS),
    # 드롭아웃은 … 정규화 기법/방법입니다: in one paragraph with a regularizer
    re.compile(REGULARIZERS + r".*?" + NORMALIZER + r"(?P<t>정규화) ?(?:기법|방법|효과)"),
]
NORMALIZATION_ITSELF = re.compile(r"정규화\s*\(\s*normali[sz]ation", re.I)  # a page contrasting the two words


def blank(m: re.Match) -> str:
    return " " * len(m[0])


def prose(text: str, references: bool = True) -> list[tuple[int, str]]:
    """(line number, prose) for every line, with code, math, comments, link
    targets and URLs blanked out; a line inside a code block, a display formula
    or an HTML comment has no prose, nor, with references=False, a line of the
    reference list (up to the next H2)."""
    out, in_code, in_math, in_comment, in_refs = [], False, False, False, False
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
        if not references and line.startswith("## "):
            in_refs = bool(REFERENCES.match(line))
        if in_refs:
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
    for n, line in prose(text, references=False):
        outside = outside_parentheses(line)
        for form, preferred in avoided:
            if re.search(rf"(?<![{HANGUL_OR_LATIN}]){re.escape(form)}", outside, re.I):
                slips.append(f"{name}:{n}: '{form}' outside parentheses: write {preferred}")
        if NORMALIZATION_ITSELF.search(line):
            continue
        hits = sorted({m.start("t") for p in REGULARIZATION_AS_JEONGGYUHWA for m in p.finditer(line)
                       if outside[m.start("t")] != " "})
        slips += [f"{name}:{n}: '정규화' for regularization: write 규제" for _ in hits]
    return slips


# real words that end like the British -ise/-yse spellings (compared after
# undoing -s/-d/-ing/-r); every word ending in -wise (likewise, elementwise) passes
ISE_WORDS = {
    "precise", "imprecise", "concise", "otherwise", "raise", "arise", "noise", "exercise",
    "rise", "sunrise", "wise", "promise", "expertise", "advise", "surprise", "premise",
    "comprise", "revise", "devise", "compromise", "paradise", "enterprise", "franchise",
    "disguise", "guise", "praise", "poise", "treatise", "demise", "excise", "supervise",
    "improvise", "televise", "despise", "merchandise", "chastise", "cruise", "bruise",
    "unsupervise", "denoise", "analyses",
}
BRITISH = re.compile(r"\b[A-Za-z]+(?:is|ys)(?:e|es|ed|ing|er|ers)\b|\b[A-Za-z]+isations?\b")


def spelling_slips(name: str, text: str) -> list[str]:
    slips = []
    for n, line in prose(text, references=False):
        for m in BRITISH.finditer(line):
            word = m[0].lower()
            base = re.sub(r"(is|ys)(e|es|ed|ing|er|ers)$", r"\1e", word)
            if "isation" in word or not (word in ISE_WORDS or base in ISE_WORDS or base.endswith("wise")):
                slips.append(f"{name}:{n}: British spelling '{m[0]}': write -ize/-ization/-yze")
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


REGULARIZATION_SAMPLE = """\
L2 정규화를 걸면 가중치가 작아집니다. 손실에 정규화 항을 더합니다.
드롭아웃(dropout) 같은 정규화는 학습 때만 켜집니다. 이 점검은 정규화(드롭아웃, 가중치 감쇠)를 끄고 합니다.
조기 종료, 정규화, 데이터 증강을 씁니다. 드롭아웃은 유닛을 무작위로 끄는 정규화 기법입니다.
f는 L2 정규화된 임베딩입니다. 배치 정규화, 층 정규화, 그룹 정규화는 정규화 층입니다.
드롭아웃과 배치 정규화를 함께 쓰면 분산이 어긋나 정규화가 틀어집니다. 입력 정규화 방법은 두 가지입니다.
규제(regularization, 정규화·L2 정규화라고도 함)는 다릅니다. 정규화(normalization)와 정규화(regularization)는 다릅니다.
weight decay를 씁니다. 가중치 감쇠(weight decay)를 씁니다.

## 참고 문헌

- Loshchilov & Hutter (2019). Decoupled weight decay regularization.
"""


def test_regularization_written_as_normalization_is_found_and_normalization_is_not():
    slips = term_slips("s.md", REGULARIZATION_SAMPLE, [("weight decay", "가중치 감쇠")])
    assert slips == [
        "s.md:1: '정규화' for regularization: write 규제",
        "s.md:1: '정규화' for regularization: write 규제",
        "s.md:2: '정규화' for regularization: write 규제",
        "s.md:2: '정규화' for regularization: write 규제",
        "s.md:3: '정규화' for regularization: write 규제",
        "s.md:3: '정규화' for regularization: write 규제",
        "s.md:7: 'weight decay' outside parentheses: write 가중치 감쇠",
    ], slips


def test_british_spellings_are_found_and_real_words_are_not():
    sample = """\
We normalise the inputs, regularised by weight decay; this regularisation is summarised below.
Analyse it. Optimisers and initialisations too.
Otherwise, a precise and concise noise exercise: raise, rises, promised, surprising, likewise, elementwise.
Do not `normalise` code or [normalise](https://x.org/normalise).

## References

- Smith (2020). Batch normalisation revisited.
"""
    assert spelling_slips("s.md", sample) == [
        "s.md:1: British spelling 'normalise': write -ize/-ization/-yze",
        "s.md:1: British spelling 'regularised': write -ize/-ization/-yze",
        "s.md:1: British spelling 'regularisation': write -ize/-ization/-yze",
        "s.md:1: British spelling 'summarised': write -ize/-ization/-yze",
        "s.md:2: British spelling 'Analyse': write -ize/-ization/-yze",
        "s.md:2: British spelling 'Optimisers': write -ize/-ization/-yze",
        "s.md:2: British spelling 'initialisations': write -ize/-ization/-yze",
    ]


def test_avoided_forms_are_forms_readers_can_still_search_for():
    entries = [e for e in glossary.load() if "avoid" in e]
    assert {str(e["ko"]) for e in entries} >= {"가능도", "공동 적응", "기울기 폭발", "에폭", "편향", "형태",
                                               "가중치 감쇠", "지역 최소", "기울기 누적", "활성화 재계산"}
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


@pytest.mark.parametrize("page", EN_PAGES, ids=lambda p: p.name)
def test_english_page_uses_american_spelling(page):
    slips = spelling_slips(f"docs/en/questions/{page.name}", page.read_text(encoding="utf-8"))
    assert not slips, "\n".join(slips)
