"""Practice mode: cards generated at build time (scripts/hooks/hook_practice_cards.py) and the
practice page in Chromium (docs/javascripts/practice.js, practice-loader.js).

Due dates are checked against ts-fsrs itself, run in Node from node_modules with
the same inputs (the grade and the time of the review the page stored)."""
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
import yaml

ROOT = Path(__file__).resolve().parent.parent
from helpers import GLYPHS_DRAWN
from seed import unused_question
from serve_subpath import serve

NEW = unused_question()  # the test's new question: a number no real page has
KEY = "dl-interview.practice"
GRADES = {"": ["다시", "어려움", "좋음", "쉬움"], "en/": ["Again", "Hard", "Good", "Easy"]}
REVEAL = {"": "답 보기", "en/": "Show answer"}


def index(site: Path, lang: str) -> list[dict]:
    """The cards as the practice page first loads them: no answers."""
    return json.loads((site / "assets" / "practice" / f"cards.{lang}.json").read_text(encoding="utf-8"))["cards"]


def cards(site: Path, lang: str) -> list[dict]:
    """The cards with their answers, from the per-question answer files."""
    out, files = index(site, lang), {}
    for c in out:
        path = site / "assets" / "practice" / lang / f"{c['q']}.json"
        files.setdefault(path, json.loads(path.read_text(encoding="utf-8"))["answers"])
        c["answer"] = files[path][c["id"]]
    for path, answers in files.items():  # no answer without its card
        assert set(answers) == {c["id"] for c in out if c["q"] == int(path.stem)}, path
    return out


def topics(lang: str, docs: Path = ROOT / "docs") -> dict[int, list[str]]:
    """Question number -> the `tags:` of its page's front matter (docs/<lang>/questions/NN-*.md)."""
    out = {}
    for path in sorted((docs / lang / "questions").glob("[0-9][0-9]-*.md")):
        front = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
        out[int(path.name[:2])] = list(yaml.safe_load(front[1]).get("tags") or []) if front else []
    return out


def state_line(page) -> str:
    return page.locator(".practice-line__state").inner_text()


def day(page, iso: str, lang: str) -> str:
    """A date as the question page's line writes it."""
    return page.evaluate(f"new Date({json.dumps(iso)}).toLocaleDateString({json.dumps('en-GB' if lang else 'ko-KR')},"
                         " {month: 'short', day: 'numeric'})")


def end_of_today() -> datetime:
    return datetime.now().astimezone().replace(hour=23, minute=59, second=59, microsecond=999000)


def due_today(c: dict, now: datetime | None = None) -> bool:
    """Due by the end of the local day; a card in a learning step (Learning,
    Relearning) only once its step has run."""
    now = now or datetime.now().astimezone()
    return when(c["due"]) <= (now if c["state"] in (1, 3) else end_of_today())


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def as_read(s: str) -> str:
    """Text as compared with a card's: a typeset formula reads as math letters (𝑍) on
    lines of its own where the card's markup has Z, so NFKC and spaces folded."""
    return " ".join(unicodedata.normalize("NFKC", s).split())


def no_new_card_limit(page, lang: str) -> None:
    """Raise the page's new-card limits (20 a session, 20 a day) above any deck's size, as a
    reader would: a topic deck has more new cards than a session takes by default."""
    for label in (("New cards a session", "New cards a day") if lang else ("세션마다 새 카드", "하루 새 카드")):
        box = page.get_by_label(label)
        box.fill("9999")
        box.dispatch_event("change")


def fsrs_next(reviews):
    """ts-fsrs's next card (default parameters) for new cards: [(ISO time, rating)] -> [card]."""
    if not shutil.which("node") or not (ROOT / "node_modules" / "ts-fsrs").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("node or node_modules/ts-fsrs missing in CI: run `npm ci`")
        pytest.skip("needs Node and `npm ci` (ts-fsrs)")
    js = """
    const F = require(process.argv[1]);
    const f = F.fsrs();
    const out = JSON.parse(process.argv[2]).map(([t, r]) => {
      const now = new Date(t);
      const c = f.next(F.createEmptyCard(now), now, r).card;
      return {...c, due: c.due.toISOString(), last_review: c.last_review.toISOString()};
    });
    console.log(JSON.stringify(out));"""
    r = subprocess.run(["node", "-e", js, str(ROOT / "node_modules" / "ts-fsrs" / "dist" / "index.cjs"),
                        json.dumps(reviews)], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def stored(page):
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def open_practice(page, url):
    page.goto(url)
    page.locator(".practice-start").wait_for()


# --- cards at build time -------------------------------------------------------

def test_every_question_and_sub_question_is_a_card_with_the_same_ids_in_both_languages(site):
    ko, en = cards(site, "ko"), cards(site, "en")
    assert [c["id"] for c in ko] == [c["id"] for c in en]
    pages = sorted(site.glob("questions/*/index.html"))
    want = []
    for p in pages:
        html = p.read_text(encoding="utf-8")
        want.append(str(int(p.parent.name[:2])))
        want += re.findall(r'<h2 id="(\d+-\d+)"', html)
    assert [c["id"] for c in ko if "-f" not in c["id"]] == want
    for c in ko:
        if "-" not in c["id"]:
            page = site / c["url"] / "index.html"
            h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page.read_text(encoding="utf-8"), re.S)[1]
            assert c["prompt"] == h1.strip()
    # answers keep the formulas as the page has them (typeset at build time when Node ran)
    relu = next(c for c in ko if c["id"] == "12")
    assert "arithmatex" in relu["answer"] and "한 줄 답" not in relu["answer"]
    if (ROOT / "node_modules" / "mathjax-full").is_dir():
        assert "data-prerendered" in relu["answer"] and "mjx-container" in relu["answer"]
    assert text(relu["answer"]).startswith("가장 큰 이유는 기울기 소실")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_practice_page_is_in_the_navigation_and_linked_from_the_home_page(site, lang):
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    assert re.search(r'<a href="practice/" class="md-nav__link', nav)
    article = home[home.index("<article"):home.index("</article>")]
    assert 'href="practice/"' in article
    assert (site / lang / "practice" / "index.html").is_file()
    # the question pages' line is not search text
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("search_index.*.json"))
    assert "연습하기" not in index and "Practise this" not in index


def with_tag(body: str, tag: str) -> str:
    """The page with `tag` as its only topic (front matter `tags:`)."""
    front = re.match(r"---\n(.*?)\n---\n", body, re.S)
    keep = re.sub(r"^tags:\n(?:  - .*\n?)*", "", front.group(1) + "\n", flags=re.M).strip() if front else ""
    rest = body[front.end():] if front else body
    return f"---\n{keep + chr(10) if keep else ''}tags:\n  - {tag}\n---\n\n" + rest.lstrip("\n")


def replace_section(body: str, section_id: str, new: str) -> str:
    """The page with the section whose heading has {#section_id} replaced by `new`
    (up to the next heading of the same or a higher level)."""
    head = re.search(r"^(#+) .*\{#" + re.escape(section_id) + r"\}\s*$", body, re.M)
    assert head, section_id
    nxt = re.compile(r"^#{1,%d} " % len(head.group(1)), re.M).search(body, head.end())
    return body[:head.start()] + new + (body[nxt.start():] if nxt else "")


@pytest.fixture(scope="module")
def tmp_docs_site(tmp_path_factory):
    """A copy of the docs with a test topic on questions 7 and NEW (a new question),
    and the follow-up sections of question 7 and sub-question 12-1 replaced by
    known ones."""
    tmp = tmp_path_factory.mktemp("practice-docs")
    for name in ["docs", "overrides", "scripts"]:
        shutil.copytree(ROOT / name, tmp / name)
    for name in ["mkdocs.yml", "glossary.yml"]:
        shutil.copy(ROOT / name, tmp / name)
    text_of = {
        "ko": {"tag": "하드웨어", "fu": "꼬리 질문", "refs": "## 참고 문헌",
               "q7": [("베이지안 최적화는 언제 랜덤 서치보다 낫나요?", "한 번의 시도가 비쌀 때 낫습니다. 비용은 $O(n^3)$입니다."),
                      ("학습률은 왜 로그 척도로 찾나요?", "좋은 값이 여러 자릿수에 걸쳐 있기 때문입니다.\n\n"
                       "![작은 그림](../../assets/figures/tanh.svg)\n\n![큰 그림](../../assets/figures/saddle-point.svg)")],
               "q12": ("아핀 함수끼리 합성하면 무엇이 되나요?", "다시 아핀 함수가 됩니다."),
               "new": ("새로 추가한 질문은 무엇인가요?", "한 줄 답", "빌드하면 카드가 됩니다.")},
        "en": {"tag": "Hardware", "fu": "Follow-up questions", "refs": "## References",
               "q7": [("When does Bayesian optimization beat random search?", "When a trial is expensive. It costs $O(n^3)$."),
                      ("Why search the learning rate on a log scale?", "Good values span orders of magnitude.")],
               "q12": ("What is a composition of affine maps?", "Another affine map."),
               "new": ("What is the newly added question?", "Short answer", "A build makes it a card.")},
    }
    for lang, t in text_of.items():
        qdir = tmp / "docs" / lang / "questions"
        page = next(qdir.glob("07-*.md"))
        body = with_tag(page.read_text(encoding="utf-8"), t["tag"])
        section = f"## {t['fu']} {{#7-followups}}\n\n" + "".join(
            f"### {q} {{#7-f{i}}}\n\n{a}\n\n" for i, (q, a) in enumerate(t["q7"], 1))
        page.write_text(replace_section(body, "7-followups", section), encoding="utf-8")
        page = next(qdir.glob("12-*.md"))
        q, a = t["q12"]
        section = f"### {t['fu']} {{#12-1-followups}}\n\n#### {q} {{#12-1-f1}}\n\n{a}\n\n"
        page.write_text(replace_section(page.read_text(encoding="utf-8"), "12-1-followups", section),
                        encoding="utf-8")
        q, title, a = t["new"]
        (qdir / f"{NEW}-new-question.md").write_text(with_tag(f'# {q}\n\n!!! abstract "{title}"\n    {a}\n', t["tag"]),
                                                 encoding="utf-8")
    out = tmp / "site"
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=tmp,
                       capture_output=True, text=True, env={**os.environ, "MATH_PRERENDER": "0"})
    assert r.returncode == 0, r.stderr[-4000:]
    return out


def test_follow_ups_tags_and_a_new_question_become_cards_after_a_build(tmp_docs_site):
    ko, en = cards(tmp_docs_site, "ko"), cards(tmp_docs_site, "en")
    ids = [c["id"] for c in ko]
    assert ids == [c["id"] for c in en]
    assert ids[ids.index("7"):ids.index("7") + 4] == ["7", "7-f1", "7-f2", "8"]
    assert ids[ids.index("12-1"):ids.index("12-1") + 3] == ["12-1", "12-1-f1", "12-2"]
    assert ids[-1] == str(NEW)
    by = {c["id"]: c for c in ko}
    assert by["7-f1"]["prompt"] == "베이지안 최적화는 언제 랜덤 서치보다 낫나요?"
    assert text(by["7-f1"]["answer"]).startswith("한 번의 시도가 비쌀 때 낫습니다.")
    assert '<span class="arithmatex">' in by["7-f1"]["answer"]  # the formula, as the page has it
    assert by["7-f1"]["url"] == "questions/07-hyperparameters/#7-f1"
    assert text(by["12-1-f1"]["answer"]) == "다시 아핀 함수가 됩니다."
    # figures only if small: tanh.svg (27 KB) stays, saddle-point.svg (85 KB) does not
    assert 'src="../../assets/figures/tanh.svg"' in by["7-f2"]["answer"]
    assert "saddle-point.svg" not in by["7-f2"]["answer"]
    assert by[str(NEW)]["prompt"] == "새로 추가한 질문은 무엇인가요?" and text(by[str(NEW)]["answer"]) == "빌드하면 카드가 됩니다."
    # question 7 moved to the topic: its cards are in that deck with the topic's other pages
    hardware = {q for q, t in topics("ko", tmp_docs_site.parent / "docs").items() if t == ["하드웨어"]}
    assert {7, NEW} < hardware
    tagged = {c["id"] for c in ko if c["tags"] == ["하드웨어"]}
    assert tagged == {c["id"] for c in ko if c["q"] in hardware} >= {"7", "7-f1", "7-f2", str(NEW)}
    assert {c["id"] for c in en if c["tags"] == ["Hardware"]} == tagged
    assert next(c for c in en if c["id"] == "7-f2")["prompt"] == "Why search the learning rate on a log scale?"


@pytest.mark.browser
def test_a_topic_deck_holds_exactly_the_cards_of_the_pages_with_that_tag(browser, tmp_docs_site):
    ko = cards(tmp_docs_site, "ko")
    hardware = {q for q, t in topics("ko", tmp_docs_site.parent / "docs").items() if t == ["하드웨어"]}
    expected = {text(c["prompt"]) for c in ko if c["q"] in hardware}
    assert {"새로 추가한 질문은 무엇인가요?", "베이지안 최적화는 언제 랜덤 서치보다 낫나요?"} < expected
    with serve(tmp_docs_site) as base:
        ctx = browser.new_context()
        page = ctx.new_page()
        open_practice(page, base + "practice/")
        no_new_card_limit(page, "")
        page.get_by_label("덱").select_option("tag:하드웨어")
        page.get_by_role("button", name="시작").click()
        seen = []
        while page.locator(".practice-session").is_visible():
            seen.append(page.locator(".practice-prompt").inner_text().strip())
            if seen[-1] == "베이지안 최적화는 언제 랜덤 서치보다 낫나요?":
                page.keyboard.press("Space")
                page.locator(".practice-answer").wait_for()
                body = page.locator(".practice-answer-body")
                assert body.inner_text().startswith("한 번의 시도가 비쌀 때 낫습니다.")
                # the formula, typeset in the browser (this copy was built without Node's MathJax)
                body.locator("mjx-container mjx-math").first.wait_for(state="attached")
                href = page.get_by_role("link", name="전체 답 보기").get_attribute("href")
                assert urlsplit(href).path.endswith("/questions/07-hyperparameters/") and href.endswith("#7-f1")
            else:
                page.get_by_role("button", name="답 보기").click()
                page.locator(".practice-answer").wait_for()
            page.keyboard.press("4")  # Easy: learned, not back in this session
        assert len(seen) == len(set(seen)) and set(seen) == expected
        ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/"])
def test_topic_decks_are_the_pages_tags_and_hold_exactly_their_cards(page, server, site, lang):
    deck, tags_of = index(site, "en" if lang else "ko"), topics("en" if lang else "ko")
    for c in deck:  # every card carries its page's front-matter topic
        assert c["tags"] == tags_of[c["q"]], c["id"]
    open_practice(page, server + lang + "practice/")
    topic_options = page.locator(".practice-deck optgroup option")
    offered = topic_options.evaluate_all("os => os.map(o => [o.value, o.textContent])")
    assert [v for v, _ in offered] == ["tag:" + g for g in sorted({g for t in tags_of.values() for g in t})]
    for value, label in offered:
        size = sum(c["q"] in {q for q, t in tags_of.items() if value[4:] in t} for c in deck)
        assert label == f"{value[4:]} ({size})"
    # the smallest topic, played through: exactly the cards of its pages, each once
    value, label = min(offered, key=lambda o: int(o[1].rsplit("(", 1)[1][:-1]))
    expected = [text(c["prompt"]) for c in deck if value[4:] in tags_of[c["q"]]]
    no_new_card_limit(page, lang)
    page.get_by_label("Deck" if lang else "덱").select_option(value)
    page.get_by_role("button", name="Start" if lang else "시작").click()
    seen = []
    while page.locator(".practice-session").is_visible():
        seen.append(page.locator(".practice-prompt").inner_text().strip())
        page.keyboard.press("Space")
        page.locator(".practice-answer").wait_for()
        page.keyboard.press("4")  # Easy: learned, not back in this session
    assert seen == expected


# --- a session in the browser --------------------------------------------------

def interval_text(ms: float, lang: str) -> str:
    m = round(ms / 60000)
    if m < 60:
        return f"{m}분 후" if lang == "" else f"in {m} min"
    d = round(m / 1440)
    return f"{d}일 후" if lang == "" else f"in {d} d"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_whole_session_is_scheduled_by_fsrs_and_kept(page, server, site, lang):
    deck = cards(site, "en" if lang else "ko")
    page.goto(server + lang)
    assert page.locator(".practice-summary").count() == 0  # a first-time reader sees nothing extra
    open_practice(page, server + lang + "practice/")
    page.get_by_label("Deck" if lang else "덱").select_option("new")
    page.get_by_role("button", name="Start" if lang else "시작").click()
    names = GRADES[lang]
    for i, rating in enumerate([1, 2, 3, 4]):
        card = deck[i]
        prompt = page.locator(".practice-prompt")
        assert as_read(prompt.inner_text()) == as_read(text(card["prompt"]))
        assert page.evaluate("document.activeElement.id") == "practice-prompt"
        if i == 0:  # the text box is shown beside the answer
            page.get_by_label(re.compile("내 답|Your answer")).fill("my own attempt")
            page.get_by_role("button", name=REVEAL[lang]).click()
            page.locator(".practice-answer").wait_for()
            assert page.locator(".practice-mine-text").inner_text() == "my own attempt"
        else:
            page.keyboard.press("Space")
        answer = page.locator(".practice-answer-body")
        answer.wait_for()
        # NFKC: a typeset formula reads as math letters (𝑝) where the card's markup has p
        assert (unicodedata.normalize("NFKC", answer.inner_text()).split()[:5]
                == unicodedata.normalize("NFKC", text(card["answer"])).split()[:5])
        assert page.get_by_role("button", name=REVEAL[lang]).count() == 0
        # each grade says when the card comes back: ts-fsrs's interval for a new card
        now = datetime.now().astimezone().isoformat()
        preview = fsrs_next([(now, r) for r in (1, 2, 3, 4)])
        for r, name in enumerate(names, 1):
            button = page.get_by_role("button", name=name, exact=True)
            due = datetime.fromisoformat(preview[r - 1]["due"].replace("Z", "+00:00"))
            want = interval_text((due - datetime.fromisoformat(now)).total_seconds() * 1000, lang)
            assert page.locator(f"#practice-when-{r}").inner_text() == want
            assert button.get_attribute("aria-describedby") == f"practice-when-{r}"
        if rating in (1, 3):
            page.keyboard.press(str(rating))
        else:
            page.get_by_role("button", name=names[rating - 1], exact=True).click()
        saved = stored(page)["cards"][card["id"]]
        shown = page.locator(".practice-last").inner_text()
        assert shown.endswith(page.evaluate(
            f"new Date({json.dumps(saved['due'])}).toLocaleString({json.dumps('en-GB' if lang else 'ko-KR')},"
            " {dateStyle: 'medium', timeStyle: 'short'})"))

    page.reload()
    page.locator(".practice-start").wait_for()
    state = stored(page)["cards"]
    assert sorted(state) == sorted(c["id"] for c in deck[:4])
    expected = fsrs_next([(state[c["id"]]["last_review"], r) for c, r in zip(deck, [1, 2, 3, 4])])
    for c, r, want in zip(deck, [1, 2, 3, 4], expected):
        got = state[c["id"]]
        assert got["rating"] == r
        for k in ("due", "stability", "difficulty", "state", "reps", "lapses", "scheduled_days", "learning_steps"):
            assert got[k] == want[k], (c["id"], k)
    stats = page.locator(".practice-stats").inner_text()
    assert (f"새 카드 {len(deck) - 4}장" if not lang else f"new: {len(deck) - 4}") in stats

    # the other language shows the same progress
    other = "en/" if not lang else ""
    open_practice(page, server + other + "practice/")
    assert (f"new: {len(deck) - 4}" if other else f"새 카드 {len(deck) - 4}장") in page.locator(".practice-stats").inner_text()
    # each question page of the graded cards: due today (how many of its cards) or practised k of n
    for q in sorted({c["q"] for c in deck[:4]}):
        mine = [c for c in deck if c["q"] == q]
        graded = [state[c["id"]] for c in mine if c["id"] in state]
        due = sum(due_today(g) for g in graded)
        page.goto(server + other + mine[0]["url"].removeprefix("en/"))
        assert page.locator(".practice-line").get_attribute("data-practice-cards") == str(len(mine))
        if due:
            want = f"Cards due today: {due}" if other else f"오늘 복습할 카드 {due}장"
        else:
            d = day(page, min(g["due"] for g in graded), other)
            want = (f"Practised {len(graded)} of {len(mine)} cards · next review {d}" if other
                    else f"카드 {len(mine)}장 중 {len(graded)}장 연습함 · 다음 복습 {d}")
        assert state_line(page) == want

    # the home page's summary for a returning reader, and its review button once
    # the learning steps (minutes) have run
    later = datetime.now().astimezone() + timedelta(minutes=15)
    page.clock.set_fixed_time(later)
    page.goto(server + lang)
    summary = page.get_by_role("region", name="Practice so far" if lang else "연습 현황")
    assert summary.inner_text().startswith("Cards seen: 4" if lang else "본 카드 4장")
    summary.get_by_role("link", name="Review now" if lang else "오늘 복습").click()
    page.locator(".practice-session").wait_for()
    due_ids = [c["id"] for c in deck[:4] if due_today(state[c["id"]], later)]
    assert len(due_ids) == 3  # Again, Hard, Good: still learning; Easy: days away
    assert page.locator(".practice-progress").inner_text().endswith(f"1 / {len(due_ids)}")
    assert not page.foreign


@pytest.mark.browser
def test_a_card_draws_its_formulas_on_the_practice_page(page, server, site):
    # formulas typeset at build time draw glyphs whose outlines their page holds once:
    # a card shown on the practice page must bring its own
    if not (ROOT / "node_modules" / "mathjax-full").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/mathjax-full missing in CI: run `npm ci` before the tests")
        pytest.skip("no node_modules/mathjax-full (npm ci): the browser typesets instead")
    deck = {as_read(text(c["prompt"])): c for c in cards(site, "ko") if c["q"] == 12}
    page.goto(server + "practice/?question=12")
    page.locator(".practice-session").wait_for()
    body = page.locator(".practice-answer-body")
    checked = []  # cards with formulas, the question's own and follow-ups away from the page's first formula
    while len(checked) < 4 and page.locator(".practice-session").is_visible():
        card = deck[as_read(page.locator(".practice-prompt").inner_text())]
        page.get_by_role("button", name=REVEAL[""]).click()
        page.locator(".practice-answer").wait_for()
        if "arithmatex" in card["answer"]:
            body.locator(".arithmatex svg use").first.wait_for(state="attached")
            assert page.evaluate(GLYPHS_DRAWN, body.element_handle()), f"card {card['id']}"
            checked.append(card["id"])
        page.keyboard.press("3")
    assert len(checked) == 4 and any("-f" in c for c in checked), checked


@pytest.mark.browser
def test_practise_this_starts_a_session_on_that_question_and_the_line_does_not_move(page, browser, server, site):
    deck = [c for c in cards(site, "ko") if c["q"] == 12]
    url = server + deck[0]["url"]
    page.goto(url)
    line = page.locator(".practice-line")
    assert line.locator(".practice-line__state").inner_text() == "새 질문"
    gap = "() => document.querySelector('.admonition.abstract').getBoundingClientRect().top - document.querySelector('.md-content h1').getBoundingClientRect().bottom"
    with_js = page.evaluate(gap)
    nojs = browser.new_context(java_script_enabled=False)
    p2 = nojs.new_page()
    p2.goto(url)
    assert p2.evaluate(gap) == with_js  # the line's height is in the HTML: filling it in moves nothing
    # a new reader's state is in the HTML as the script writes it, so the script changes nothing,
    # and a new reader's page does not even load it
    assert p2.locator(".practice-line__state").inner_text() == "새 질문"
    assert not [u for u in page.requested if "practice-loader.js" in u]
    nojs.close()
    line.get_by_role("link", name="연습하기").click()
    page.locator(".practice-session").wait_for()
    assert page.locator(".practice-progress").inner_text() == f"질문 12 · 1 / {len(deck)}"
    assert as_read(page.locator(".practice-prompt").inner_text()) == as_read(text(deck[0]["prompt"]))


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_question_line_is_new_then_practised_then_learned_over_all_its_cards(page, server, site, lang):
    deck = index(site, "en" if lang else "ko")
    q = min({c["q"] for c in deck}, key=lambda n: (sum(c["q"] == n for c in deck), n))  # the fewest cards
    mine = [c for c in deck if c["q"] == q]
    url = server + lang + mine[0]["url"].removeprefix("en/")
    page.goto(url)
    assert state_line(page) == ("New" if lang else "새 질문")
    page.get_by_role("link", name="Practise this" if lang else "연습하기").click()
    page.locator(".practice-session").wait_for()
    for i, c in enumerate(mine):
        # spaces aside: text() puts one where inline code ends ("torch.compile 은")
        shown = as_read(page.locator(".practice-prompt").inner_text())
        assert shown.replace(" ", "") == as_read(text(c["prompt"])).replace(" ", "")
        page.keyboard.press("Space")
        page.locator(".practice-answer").wait_for()
        page.keyboard.press("4")  # Easy: a new card is learned (FSRS Review), back in days
        if i == 0:
            page.goto(url)
            first = stored(page)["cards"][c["id"]]
            d = day(page, first["due"], lang)
            assert state_line(page) == (f"Practised 1 of {len(mine)} cards · next review {d}" if lang
                                        else f"카드 {len(mine)}장 중 1장 연습함 · 다음 복습 {d}")
            page.get_by_role("link", name="Practise this" if lang else "연습하기").click()
            page.locator(".practice-session").wait_for()
            if len(mine) > 1:
                assert as_read(page.locator(".practice-prompt").inner_text()) == as_read(text(mine[1]["prompt"]))
    page.goto(url)
    saved = stored(page)["cards"]
    assert sorted(saved) == sorted(c["id"] for c in mine) and all(saved[c["id"]]["state"] == 2 for c in mine)
    d = day(page, min(saved[c["id"]]["due"] for c in mine), lang)
    assert state_line(page) == (f"Learned · next review {d}" if lang else f"학습함 · 다음 복습 {d}")


@pytest.mark.browser
def test_without_javascript_the_practice_page_says_so_and_lists_the_questions(browser, server, site):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    for lang, notice in [("", "JavaScript가 필요합니다"), ("en/", "JavaScript needed")]:
        page.goto(server + lang + "practice/")
        assert page.get_by_text(notice).is_visible()
        links = page.locator(".practice-nojs a[href*='questions/']")
        questions = {urlsplit(h).path for h in links.evaluate_all("as => as.map(a => a.href)")}
        assert len({p for p in questions}) == len(list(site.glob("questions/*/index.html")))
        assert page.locator("#practice-app").is_hidden()
    ctx.close()


def fetched(page, lang: str) -> set[int]:
    """The questions whose answer file the page has requested."""
    names = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    return {int(m[1]) for n in names if (m := re.search(rf"/assets/practice/{lang}/(\d+)\.json$", n))}


@pytest.mark.browser
def test_once_loaded_it_works_offline(page, server, site):
    deck = index(site, "en")
    open_practice(page, server + "en/practice/")
    page.get_by_role("button", name="Start").click()
    # the answers of the session's questions (its 20 new cards), all at its start, nothing else
    wanted = {c["q"] for c in deck[:20]}
    page.wait_for_function(f"() => {json.dumps(sorted(wanted))}.every(q => performance.getEntriesByType('resource')"
                           f".some(e => e.name.endsWith('/assets/practice/en/' + q + '.json')))")
    assert fetched(page, "en") == wanted
    page.context.set_offline(True)
    total = int(page.locator(".practice-progress").inner_text().split("/")[1])
    for i, key in enumerate(("4", "1")):
        page.keyboard.press("Space")
        page.locator(".practice-answer").wait_for()
        assert (unicodedata.normalize("NFKC", page.locator(".practice-answer-body").inner_text()).split()[:5]
                == unicodedata.normalize("NFKC", text(cards(site, "en")[i]["answer"])).split()[:5])
        page.keyboard.press(key)
    assert [c["rating"] for c in stored(page)["cards"].values()] == [4, 1]
    # a card graded Again comes back at the end of the session
    assert page.locator(".practice-progress").inner_text() == f"3 / {total + 1}"
    assert page.locator(".practice-last").inner_text().startswith("The card just graded: next review ")
    page.context.set_offline(False)


# --- export, import, reset -----------------------------------------------------

def grade_two(page, server):
    open_practice(page, server + "practice/")
    page.get_by_role("button", name="시작").click()
    for key in ("3", "1"):
        page.keyboard.press("Space")
        page.locator(".practice-answer").wait_for()
        page.keyboard.press(key)


@pytest.mark.browser
def test_export_then_import_in_a_fresh_browser_restores_the_state_exactly(page, browser, server, tmp_path):
    grade_two(page, server)
    before = stored(page)
    assert len(before["cards"]) == 2
    page.get_by_role("button", name="세션 끝내기").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="내보내기").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    expect(page.locator(".practice-message")).to_have_text("카드 2장의 기록을 내보냈습니다.")

    ctx = browser.new_context()
    fresh = ctx.new_page()
    open_practice(fresh, server + "practice/")
    assert stored(fresh) is None
    fresh.locator(".practice-import-file").set_input_files(exported)
    # the file is read asynchronously (FileReader): wait for the message, as a reader would
    fresh.get_by_role("button", name="합치기 (카드마다 나중에 복습한 기록)").click()
    expect(fresh.locator(".practice-message")).to_have_text(
        "합쳤습니다: 카드 2장을 파일의 기록으로 가져왔습니다. 이제 카드 2장의 기록이 있습니다.")
    assert stored(fresh) == before
    fresh.reload()
    fresh.locator(".practice-start").wait_for()
    assert fresh.locator(".practice-stats").inner_text() == page.locator(".practice-stats").inner_text()
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("name, content, message", [
    ("broken.json", b'{"format": "dl-interview-practice", "version": 1, "cards": {', "올바른 JSON 파일이 아닙니다"),
    ("list.json", b"[1, 2, 3]", "연습 기록 형식이 아닙니다"),
    ("other.json", b'{"hello": "world"}', "연습 기록 형식이 아닙니다"),
    ("future.json", b'{"format": "dl-interview-practice", "version": 3, "cards": {}}', "다른 버전(3)의 기록"),
    ("bad-card.json", b'{"format": "dl-interview-practice", "version": 1, "cards": {"1": {"due": "soon"}}}',
     "연습 기록 형식이 아닙니다"),
])
def test_a_bad_file_is_rejected_with_a_message_and_nothing_changes(page, server, name, content, message):
    grade_two(page, server)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.get_by_role("button", name="세션 끝내기").click()
    page.locator(".practice-import-file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content})
    msg = page.locator(".practice-message")
    msg.filter(has_text=message).wait_for()
    assert name in msg.inner_text() and "기록은 바뀌지 않았습니다" in msg.inner_text()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


@pytest.mark.browser
def test_reset_asks_first(page, server):
    grade_two(page, server)
    before = stored(page)
    page.get_by_role("button", name="세션 끝내기").click()
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="초기화").click()
    assert stored(page) == before
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="초기화").click()
    assert stored(page) is None
    assert page.locator(".practice-message").inner_text() == "연습 기록을 지웠습니다."


# --- accessibility -------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("lang", ["", "en/"])
def test_practice_page_has_no_serious_accessibility_violations(page, server, lang):
    from test_quality import axe_violations
    for width, height in [(1280, 900), (360, 740)]:
        page.set_viewport_size({"width": width, "height": height})
        open_practice(page, server + lang + "practice/")
        assert axe_violations(page) == [], f"practice page, {width}px"
        page.get_by_role("button", name="Start" if lang else "시작").click()
        page.get_by_label(re.compile("내 답|Your answer")).fill("x")
        page.get_by_role("button", name=REVEAL[lang]).click()
        page.locator(".practice-answer").wait_for()
        # focusing the answer scrolls; the theme's header then fades its title in
        # a moment later, and axe must not measure that fade half-way
        page.wait_for_timeout(500)
        assert axe_violations(page) == [], f"practice card with its answer, {width}px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than a phone
        page.keyboard.press("3")
        page.goto(server + lang)
        page.locator(".practice-summary").wait_for()
        assert axe_violations(page) == [], f"home page with the practice summary, {width}px"
        page.goto(server + lang + "questions/01-deep-learning-vs-machine-learning/")
        assert page.locator(".practice-line__state").inner_text()
        assert axe_violations(page) == [], f"question page with its practice line, {width}px"
    assert not page.foreign


# --- scripts -------------------------------------------------------------------

def test_vendored_ts_fsrs_is_the_pinned_version_with_its_licence():
    if not (ROOT / "node_modules" / "ts-fsrs").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/ts-fsrs missing in CI: run `npm ci`")
        pytest.skip("needs `npm ci`")
    r = subprocess.run([sys.executable, "scripts/hooks/vendor_ts_fsrs.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    head = (ROOT / "docs" / "assets" / "ts-fsrs" / "ts-fsrs.umd.js").read_text(encoding="utf-8")[:1500]
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["ts-fsrs"]
    assert head.startswith(f"/*! ts-fsrs {pinned} (MIT)") and "Permission is hereby granted" in head




@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_practice_page_does_not_shift_while_the_app_starts(browser, server, lang):
    """On a phone the page's foot was in view until the app drew itself and pushed it
    away: Lighthouse counted a layout shift of 0.16."""
    ctx = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    # a phone's slower CPU, as Lighthouse's: the app is drawn after the first paint
    ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(server + lang + "practice/")
    page.locator(".practice-start").wait_for()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__shift") < 0.01
    ctx.close()
