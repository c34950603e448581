"""Questions 6-11 as a reader sees them (issue 26): the corrected statements, in
both languages, read from the built HTML. (Their pitfalls sections are checked with
every page's in test_followups.py.)"""
import re

import html5lib
import pytest

PAGES = {6: "06-overfitting", 7: "07-hyperparameters", 8: "08-weight-initialization",
         9: "09-boltzmann-machine", 10: "10-debugging", 11: "11-weaknesses-and-one-shot-learning"}
LANGS = {"ko": "", "en": "en/"}


def article(site, lang, n):
    html = (site / f"{LANGS[lang]}questions/{PAGES[n]}/index.html").read_text(encoding="utf-8")
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    return next(doc.iter("article"))


def text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def section(art, hid):
    """The elements after the heading with id `hid`, up to the next heading of the same level."""
    children = list(art)
    start = next(i for i, el in enumerate(children) if el.get("id") == hid)
    level = children[start].tag
    out = []
    for el in children[start + 1:]:
        if el.tag == level or (el.tag in ("h1", "h2") and level == "h3"):
            break
        out.append(el)
    return out


# what each corrected answer must now say, and the old wording it must not
CORRECTED = [
    (10, "common-bugs", {"ko": "감쇠 없는 모멘텀", "en": "undamped momentum"},
     {"ko": "실제 학습률이 계속 커지고", "en": "effective learning rate keeps growing"}),
    (10, "10-f3", {"ko": "torch.use_deterministic_algorithms(True)", "en": "torch.use_deterministic_algorithms(True)"},
     {"ko": "시드를 고정해 두었다면 같은 스텝에서 다시 터집니다", "en": "With fixed seeds it blows up again at the same step"}),
    (11, "11-f1", {"ko": "조화 평균", "en": "harmonic mean"},
     {"ko": "평가는 모두 같은 N-way K-shot 에피소드 형식으로", "en": "All three are evaluated with the same N-way K-shot episodes"}),
    (8, "8-f2", {"ko": "동역학적 등거리성", "en": "dynamical isometry"},
     {"ko": "분석은 초기 시점의 평균적인 크기만 다룹니다", "en": "The analysis covers only the average size at initialization"}),
    (7, "7-f6", {"ko": "비동기 Hyperband", "en": "asynchronous Hyperband"}, None),
    (7, "grid-and-random-search", {"ko": "약 2.5배", "en": "a factor of about 2.5"},
     {"ko": "0.4자리 떨어진", "en": "0.4 orders of magnitude from the optimum"}),
    (7, "parameters-and-hyperparameters", {"ko": "AdamW의 분리된 감쇠 0.01~0.1", "en": "0.01–0.1 as AdamW's decoupled decay"},
     {"ko": "L2 규제의 세기", "en": "strength of L2 regularization"}),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n, hid, says, not_says", CORRECTED, ids=[f"{c[0]}-{c[1]}" for c in CORRECTED])
def test_corrected_answers_say_the_corrected_thing(raw_math_site, lang, n, hid, says, not_says):
    art = article(raw_math_site, lang, n)
    body = " ".join(text(el) for el in section(art, hid))
    assert says[lang] in body, body[:600]
    assert not not_says or not_says[lang] not in text(art)
