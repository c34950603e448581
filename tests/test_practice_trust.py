"""Practice mode in real use (issue 24): storage that fails, imports that merge,
what "due today" means. Pages driven in Chromium; times from page.clock."""
import json
import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from test_practice import KEY, REVEAL, as_read, grade_two, index, open_practice, stored, text

pytestmark = pytest.mark.browser
START = {"": "시작", "en/": "Start"}


def new_cards_session(page, server, site, lang):
    """A session of new cards started at 10:00 today on a fixed clock: (the deck, that time)."""
    deck = index(site, "en" if lang else "ko")
    t0 = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    page.clock.set_fixed_time(t0)
    open_practice(page, server + lang + "practice/")
    page.get_by_label("덱" if not lang else "Deck").select_option("new")
    page.get_by_role("button", name=START[lang]).click()
    return deck, t0
EXPORT = {"": "내보내기", "en/": "Export"}


def card(due: datetime, last: datetime, state: int = 2, **kw) -> dict:
    """A stored card as practice.js writes it (a learned card unless told)."""
    c = {"due": due.isoformat(), "last_review": last.isoformat(), "state": state, "rating": 3,
         "stability": 5.0, "difficulty": 5.0, "elapsed_days": 0, "scheduled_days": 5,
         "learning_steps": 0, "reps": 2, "lapses": 0}
    c.update(kw)
    return c


def progress_file(cards: dict, version=1) -> bytes:
    return json.dumps({"format": "dl-interview-practice", "version": version, "cards": cards}).encode()


def seed(page, url: str, cards: dict):
    """The practice page at url with `cards` as the stored progress."""
    page.goto(url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(progress_file(cards).decode())})")
    open_practice(page, url)


def import_file(page, name: str, content: bytes):
    page.locator(".practice-import-file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content})


def reveal_and_grade(page, lang: str, key: str):
    page.get_by_role("button", name=REVEAL[lang]).click()
    page.locator(".practice-answer").wait_for()
    page.keyboard.press(key)


# --- 1. storage that cannot be written -------------------------------------

BLOCK = {
    # Chromium with site data blocked: even reading localStorage throws
    "blocked": "Object.defineProperty(window, 'localStorage', {get() {"
               " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    # a full storage: writing throws
    "full": "Storage.prototype.setItem = function () {"
            " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
}
WARNING = {
    ("blocked", ""): "이 브라우저는 이 사이트가 기록을 저장하지 못하게 막고 있습니다",
    ("blocked", "en/"): "This browser does not let this site store anything",
    ("full", ""): "이 브라우저의 저장 공간이 가득 차 기록을 저장할 수 없습니다",
    ("full", "en/"): "This browser's storage is full",
}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("how", ["blocked", "full"])
def test_storage_that_cannot_be_written_is_said_before_the_first_grade_and_the_session_can_be_exported(
        page, server, tmp_path, how, lang):
    page.add_init_script(BLOCK[how])
    open_practice(page, server + lang + "practice/")
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text(WARNING[how, lang])  # before anything is graded
    page.get_by_role("button", name=START[lang]).click()
    total = page.locator(".practice-progress").inner_text().split("/")[1].strip()
    reveal_and_grade(page, lang, "4")
    # the session goes on, and the grade does not claim to be kept
    expect(page.locator(".practice-progress")).to_have_text(f"2 / {total}")
    expect(page.locator(".practice-last")).to_contain_text("저장되지 않았습니다" if not lang else "not saved")
    reveal_and_grade(page, lang, "1")
    if how == "full":
        assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    # what this session did can still be taken away
    with page.expect_download() as download:
        warning.get_by_role("button").click()
    path = tmp_path / "session.json"
    download.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(c["rating"] for c in saved["cards"].values()) == [1, 4]
    # an import cannot be kept either, and says so
    page.get_by_role("button", name="세션 끝내기" if not lang else "End session").click()
    import_file(page, "mine.json", path.read_bytes())
    page.get_by_role("button", name=re.compile("^(합치기|Merge)")).click()
    expect(page.locator(".practice-message")).to_have_text(
        "바꾸지 못했습니다: 이 브라우저에 기록을 저장할 수 없습니다. 기록은 바뀌지 않았습니다." if not lang else
        "Not changed: this browser cannot store your progress. Your progress is unchanged.")


def test_storage_that_works_shows_no_warning(page, server):
    open_practice(page, server + "practice/")
    assert page.get_by_role("alert").count() == 0
    page.get_by_role("button", name="시작").click()
    reveal_and_grade(page, "", "3")
    assert "저장되지 않았습니다" not in page.locator(".practice-last").inner_text()
    assert len(stored(page)["cards"]) == 1


# --- 2. import that merges ---------------------------------------------------

MERGE = {"": "합치기 (카드마다 나중에 복습한 기록)", "en/": "Merge (for each card, the later review)"}


def export(page, tmp_path, name="export.json"):
    with page.expect_download() as download:
        page.locator(".practice-data").get_by_role("button", name=re.compile("^(내보내기|Export)$")).click()
    path = tmp_path / name
    download.value.save_as(path)
    return path


def test_an_empty_file_merges_to_nothing_and_replaces_only_when_asked_twice(page, server):
    grade_two(page, server)
    before = stored(page)
    page.get_by_role("button", name="세션 끝내기").click()
    empty = progress_file({})
    import_file(page, "empty.json", empty)
    expect(page.locator(".practice-plan-text")).to_have_text("empty.json: 카드 기록이 없습니다.")
    assert stored(page) == before  # nothing is written before the reader chooses
    page.get_by_role("button", name=MERGE[""]).click()
    expect(page.locator(".practice-message")).to_have_text(
        "합쳤습니다: 카드 0장을 파일의 기록으로 가져왔습니다. 이제 카드 2장의 기록이 있습니다.")
    assert stored(page)["cards"] == before["cards"]
    # replace asks again; cancelling leaves everything
    import_file(page, "empty.json", empty)
    page.get_by_role("button", name="바꾸기", exact=True).click()
    expect(page.locator(".practice-plan-text")).to_have_text(
        "이 브라우저의 카드 2장의 기록을 지우고 파일의 카드 0장으로 바꿉니다. 되돌릴 수 없습니다.")
    assert stored(page)["cards"] == before["cards"]
    page.get_by_role("button", name="취소").click()
    expect(page.locator(".practice-message")).to_have_text("가져오기를 취소했습니다. 기록은 바뀌지 않았습니다.")
    assert stored(page)["cards"] == before["cards"]
    import_file(page, "empty.json", empty)
    page.get_by_role("button", name="바꾸기", exact=True).click()
    page.get_by_role("button", name="지우고 바꾸기").click()
    expect(page.locator(".practice-message")).to_have_text("바꿨습니다: 이제 카드 0장의 기록이 있습니다.")
    assert stored(page) is None  # nothing left: no entry, as for a new reader


@pytest.mark.parametrize("lang", ["", "en/"])
def test_an_older_export_merged_keeps_the_newer_progress_of_each_card(page, server, tmp_path, lang):
    url = server + lang + "practice/"
    page.clock.set_fixed_time(datetime(2026, 3, 10, 9, 0).astimezone())
    open_practice(page, url)
    page.get_by_role("button", name=START[lang]).click()
    reveal_and_grade(page, lang, "3")
    reveal_and_grade(page, lang, "3")
    first, second = sorted(stored(page)["cards"], key=lambda i: stored(page)["cards"][i]["last_review"])[:2]
    old = export(page, tmp_path)
    # a day later one card is graded again: here is now newer than the file for it
    page.clock.set_fixed_time(datetime(2026, 3, 11, 9, 0).astimezone())
    page.goto(url + "?deck=all")
    page.locator(".practice-session").wait_for()
    reveal_and_grade(page, lang, "4")
    now = stored(page)
    regraded = next(i for i, c in now["cards"].items() if c["rating"] == 4)
    import_file(page, "old.json", old.read_bytes())
    same = 1
    plan = page.locator(".practice-plan-text")
    if lang:
        expect(plan).to_have_text("old.json: cards: 2, last reviewed 10 Mar 2026 to 10 Mar 2026. "
                                  f"Newer than this browser's: 0; older: 1; the same: {same}; "
                                  "cards this browser has no progress for: 0.")
    else:
        expect(plan).to_have_text("old.json: 카드 2장의 기록(마지막 복습 2026. 3. 10. ~ 2026. 3. 10.)입니다. "
                                  f"이 브라우저의 기록보다 새로운 것 0장, 오래된 것 1장, 같은 것 {same}장, "
                                  "이 브라우저에 없는 카드 0장.")
    page.get_by_role("button", name=MERGE[lang]).click()
    assert stored(page)["cards"] == now["cards"]  # the newer review of each card won
    assert stored(page)["cards"][regraded]["rating"] == 4 and {first, second} >= {regraded}


def bad(**kw) -> dict:
    now = datetime.now().astimezone()
    return card(now + timedelta(days=5), now, **kw)


NOW = datetime.now().astimezone()
BAD_FILES = [
    # what a reader could bring, each with the reason the page gives in each language
    ("negative.json", {"1": bad(stability=-3.0)}, "카드 1의 안정도(stability) 값이 올바르지 않습니다",
     "card 1 has a bad stability"),
    ("negative-d.json", {"1": bad(difficulty=-1.0), "2": bad(difficulty=0.5)},
     "카드 1의 난이도(difficulty) 값이 올바르지 않습니다 (그런 카드 2장)", "card 1 has a bad difficulty (2 such cards)"),
    ("huge.json", {"1": bad(stability=1e308)}, "카드 1의 안정도(stability) 값이 올바르지 않습니다", "card 1 has a bad stability"),
    ("far.json", {"1": card(datetime(2026, 1, 1).astimezone().replace(year=9999), NOW)},
     "카드 1의 다음 복습 날짜(due) 값이 올바르지 않습니다", "card 1 has a bad due date (due)"),
    ("future.json", {"1": card(NOW + timedelta(days=400), NOW + timedelta(days=300))},
     "카드 1의 마지막 복습 날짜(last_review) 값이 올바르지 않습니다", "card 1 has a bad last review date (last_review)"),
    ("steps.json", {"1": bad(learning_steps=1.5)}, "카드 1의 학습 단계(learning_steps) 값이 올바르지 않습니다",
     "card 1 has a bad learning_steps"),
    ("noversion.json", None, "버전(version)이 없습니다", "it has no version"),
    ("list.json", [], "JSON 객체가 아닙니다", "not a JSON object"),
]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_values_ts_fsrs_would_refuse_are_refused_whole_in_the_pages_language(page, server, lang):
    open_practice(page, server + lang + "practice/")
    for name, cards, ko, en in BAD_FILES:
        if cards is None:
            content = json.dumps({"format": "dl-interview-practice", "cards": {}}).encode()
        elif isinstance(cards, list):
            content = b"[]"
        else:
            content = progress_file(cards)
        import_file(page, name, content)
        msg = page.locator(".practice-message")
        want = (f"가져오지 못했습니다: {name}은(는) 이 사이트의 연습 기록 형식이 아닙니다 ({ko}). 기록은 바뀌지 않았습니다."
                if not lang else f"Not imported: {name} is not this site's practice progress ({en}). "
                                 "Your progress is unchanged.")
        expect(msg).to_have_text(want)
        if not lang:  # no English words in a Korean message, beyond the file's name and the field's
            assert not re.search(r"[A-Za-z]", re.sub(r"\([a-z_]+\)|\S+\.json|JSON", "", msg.inner_text())), msg.inner_text()
        assert page.locator(".practice-plan").is_hidden() and stored(page) is None


@pytest.mark.parametrize("lang", ["", "en/"])
def test_unknown_card_ids_are_kept_aside_and_not_counted(page, server, lang):
    now = datetime.now().astimezone()
    later = card(now + timedelta(days=5), now)
    open_practice(page, server + lang + "practice/")
    mixed = json.loads(progress_file({"1": later, "999": later, "5-9-f99": later, "x y": later}))
    mixed["aside"] = {"2": {**later, "stability": -1}}  # kept aside by an earlier import: stays aside
    import_file(page, "mixed.json", json.dumps(mixed).encode())
    plan = page.locator(".practice-plan-unknown")
    expect(plan).to_have_text("이 사이트에 없는 카드 3장(999, 5-9-f99, x y)은 따로 보관하고 세지 않습니다. "
                              "이미 따로 보관된, 값이 올바르지 않은 기록 1장도 따로 보관합니다." if not lang
                              else "3 cards that this site does not have (999, 5-9-f99, x y) are kept aside and not counted. "
                              "Records already kept aside for bad values stay aside: 1.")
    assert page.locator(".practice-plan-text").inner_text().startswith(
        "mixed.json: 카드 1장의 기록" if not lang else "mixed.json: cards: 1,")
    page.get_by_role("button", name=MERGE[lang]).click()
    saved = stored(page)
    assert sorted(saved["cards"]) == ["1"] and sorted(saved["aside"]) == ["2", "5-9-f99", "999", "x y"]
    expect(page.locator(".practice-stats")).to_contain_text("학습함 1장" if not lang else "learned: 1")
    page.goto(server + lang)
    expect(page.locator(".practice-summary")).to_contain_text("본 카드 1장" if not lang else "Cards seen: 1")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_file_too_large_is_refused_with_a_message(page, server, lang):
    grade_two(page, server) if not lang else open_practice(page, server + lang + "practice/")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    big = b'{"format": "dl-interview-practice", "version": 1, "cards": {}, "pad": "' + b"x" * (20 << 20) + b'"}'
    import_file(page, "big.json", big)
    expect(page.locator(".practice-message")).to_have_text(
        "가져오지 못했습니다: big.json은(는) 20.0 MB로, 가져올 수 있는 4 MB보다 큽니다. 기록은 바뀌지 않았습니다." if not lang
        else "Not imported: big.json is 20.0 MB, more than the 4 MB this page imports. Your progress is unchanged.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


# --- 3. what "due today" means -------------------------------------------------

@pytest.mark.parametrize("lang", ["", "en/"])
def test_due_today_is_by_the_end_of_the_local_day_but_not_a_learning_step_still_running(page, server, lang):
    now = datetime.now().astimezone().replace(hour=14, minute=0, second=0, microsecond=0)
    page.clock.set_fixed_time(now)
    ago = now - timedelta(minutes=1)
    cards = {
        "1": card(now + timedelta(minutes=5), ago, state=1, scheduled_days=0),   # learning, 5 minutes to run
        "2": card(now + timedelta(hours=8), ago - timedelta(days=5)),             # review, tonight: due
        "3": card(now.replace(hour=23, minute=59) + timedelta(minutes=2), ago),   # review, just after midnight
        "4": card(now - timedelta(minutes=1), ago, state=3, scheduled_days=0),    # relearning, step run: due
        "5": card(now - timedelta(days=1), ago - timedelta(days=6)),              # review, overdue: due
    }
    seed(page, server + lang + "practice/", cards)
    expect(page.locator(".practice-stats")).to_contain_text("오늘 복습 3장" if not lang else "due today: 3")
    assert page.locator(".practice-deck option[value=due]").inner_text().endswith("(3)")
    # the page says what it counts
    assert page.locator(".md-content").get_by_text(
        "몇 분 뒤에 돌아오는 학습 단계의 카드" if not lang else "a card in a learning step").count() == 1
    page.get_by_label("덱" if not lang else "Deck").select_option("due")
    page.get_by_role("button", name=START[lang]).click()
    assert page.locator(".practice-progress").inner_text() == "1 / 3"
    page.goto(server + lang)
    expect(page.locator(".practice-summary")).to_contain_text("오늘 복습 3장" if not lang else "due today: 3")
    # five minutes on, the learning card is due as well
    page.clock.set_fixed_time(now + timedelta(minutes=6))
    page.reload()
    expect(page.locator(".practice-summary")).to_contain_text("오늘 복습 4장" if not lang else "due today: 4")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_home_page_offers_no_review_when_nothing_is_due(page, server, lang):
    now = datetime.now().astimezone()
    page.clock.set_fixed_time(now)
    seed(page, server + lang + "practice/", {"1": card(now + timedelta(days=3), now)})
    page.goto(server + lang)
    summary = page.get_by_role("region", name="Practice so far" if lang else "연습 현황")
    expect(summary).to_contain_text("오늘 복습 0장" if not lang else "due today: 0")
    assert summary.get_by_role("link").count() == 0


# --- 4. learning steps inside a session, session size ------------------------

def prompt_id(page, deck: list[dict]) -> str:
    """The id of the card on screen (prompts compared as the page shows them)."""
    html = page.locator(".practice-prompt").inner_html().strip()
    for c in deck:
        if c["prompt"].strip() == html:
            return c["id"]
    # markup the browser writes otherwise (entities, typeset formulas): by the text read
    shown = as_read(page.locator(".practice-prompt").inner_text())
    return next(c["id"] for c in deck if as_read(text(c["prompt"])) == shown)


# ts-fsrs in the page, run over the stored history: what each card's state must be
REPLAY = """() => {
    const s = JSON.parse(localStorage.getItem('dl-interview.practice')), f = FSRS.fsrs(), out = {};
    for (const [t, id, r] of s.log) {
        const now = new Date(t), c = out[id] || FSRS.createEmptyCard(now);
        out[id] = f.next(c, now, r).card;
    }
    for (const id in out) out[id] = {...out[id], due: out[id].due.toISOString(), last_review: out[id].last_review.toISOString()};
    return out;
}"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_learning_cards_come_back_in_the_session_when_their_step_is_due(page, server, site, lang):
    deck, t0 = new_cards_session(page, server, site, lang)
    progress = page.locator(".practice-progress")
    expect(progress).to_have_text("1 / 20")  # 20 new cards a session
    a, b, c, d, e = (x["id"] for x in deck[:5])
    seen = []

    def grade(key, at_minutes):
        page.clock.set_fixed_time(t0 + timedelta(minutes=at_minutes))
        seen.append(prompt_id(page, deck))
        reveal_and_grade(page, lang, key)

    grade("1", 0)    # a: Again, back in 1 minute
    grade("3", 0)    # b: Good, back in 10 minutes
    expect(progress).to_have_text("3 / 22")
    grade("2", 2)    # c: Hard (6 minutes); a's minute has run: a comes next
    grade("3", 3)    # a again: Good, its next step 10 minutes on
    grade("4", 9)    # d: Easy, learned; c's 6 minutes ran at 8: c comes next
    grade("3", 12)   # c: Good, back in 10 minutes; b's step ran at 10: b next
    grade("3", 12)   # b: Good: learned (days)
    assert seen == [a, b, c, a, d, c, b]
    assert prompt_id(page, deck) == e  # a's step ends at 13: the queue goes on meanwhile
    # due dates are ts-fsrs's own for the same reviews
    saved, want = stored(page)["cards"], page.evaluate(REPLAY)
    assert sorted(saved) == sorted(want) == sorted([a, b, c, d])
    for cid in want:
        for k in ("due", "stability", "difficulty", "state", "reps", "lapses", "scheduled_days", "learning_steps", "last_review"):
            assert saved[cid][k] == want[cid][k], (cid, k)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_new_cards_a_session_and_a_day_are_limited_and_changeable(page, server, lang):
    t0 = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    page.clock.set_fixed_time(t0)
    open_practice(page, server + lang + "practice/")
    page.get_by_label("세션마다 새 카드" if not lang else "New cards a session").fill("3")
    page.get_by_label("하루 새 카드" if not lang else "New cards a day").fill("4")
    page.get_by_label("하루 새 카드" if not lang else "New cards a day").press("Tab")
    expect(page.locator(".practice-left")).to_have_text("오늘 더 볼 수 있는 새 카드: 4장" if not lang else "New cards left today: 4")
    page.get_by_label("덱" if not lang else "Deck").select_option("new")
    page.get_by_role("button", name=START[lang]).click()
    expect(page.locator(".practice-progress")).to_have_text("1 / 3")
    for _ in range(3):
        reveal_and_grade(page, lang, "4")
    page.get_by_role("button", name="덱으로 돌아가기" if not lang else "Back to the decks").click()
    expect(page.locator(".practice-left")).to_have_text("오늘 더 볼 수 있는 새 카드: 1장" if not lang else "New cards left today: 1")
    page.get_by_role("button", name=START[lang]).click()
    expect(page.locator(".practice-progress")).to_have_text("1 / 1")
    reveal_and_grade(page, lang, "4")
    # the settings stay; a new day brings new cards again
    page.clock.set_fixed_time(t0 + timedelta(days=1))
    open_practice(page, server + lang + "practice/")
    assert page.get_by_label("세션마다 새 카드" if not lang else "New cards a session").input_value() == "3"
    expect(page.locator(".practice-left")).to_have_text("오늘 더 볼 수 있는 새 카드: 4장" if not lang else "New cards left today: 4")


# --- 5. undo and history --------------------------------------------------------

@pytest.mark.parametrize("lang", ["", "en/"])
def test_undo_restores_the_exact_previous_state(page, server, site, lang):
    deck, t0 = new_cards_session(page, server, site, lang)
    undo = page.locator(".practice-session").get_by_role("button", name="채점 되돌리기" if not lang else "Undo grade")
    assert undo.count() == 0  # nothing to undo yet
    reveal_and_grade(page, lang, "4")
    after_one = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.clock.set_fixed_time(t0 + timedelta(minutes=1))
    reveal_and_grade(page, lang, "1")
    expect(page.locator(".practice-progress")).to_have_text("3 / 21")
    # the button: the second card again, its state and the history as after the first grade
    undo.click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == after_one
    assert prompt_id(page, deck) == deck[1]["id"]
    expect(page.locator(".practice-progress")).to_have_text("2 / 20")
    expect(page.locator(".practice-last")).to_have_text("채점을 되돌렸습니다." if not lang else "Grade undone.")
    # graded otherwise, the session goes on from there
    reveal_and_grade(page, lang, "4")
    assert [e[2] for e in stored(page)["log"]] == [4, 4]
    page.keyboard.press("Control+z")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == after_one
    page.keyboard.press("u")  # and the first grade: as before any
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert prompt_id(page, deck) == deck[0]["id"]
    # the last grade of a session can be undone from its end screen too
    page.get_by_role("button", name="세션 끝내기" if not lang else "End session").click()
    assert page.locator(".practice-done").get_by_role("button", name="채점 되돌리기" if not lang else "Undo grade").count() == 0


def test_history_travels_in_the_export_and_an_old_file_still_imports(page, browser, server, tmp_path):
    t0 = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    page.clock.set_fixed_time(t0)
    grade_two(page, server)
    before = stored(page)
    assert before["version"] == 2 and [e[2] for e in before["log"]] == [3, 1]
    assert [e[0] for e in before["log"]] == [int(t0.timestamp() * 1000)] * 2
    page.get_by_role("button", name="세션 끝내기").click()
    path = export(page, tmp_path)
    ctx = browser.new_context()
    fresh = ctx.new_page()
    open_practice(fresh, server + "practice/")
    import_file(fresh, "history.json", path.read_bytes())
    fresh.get_by_role("button", name=MERGE[""]).click()
    assert stored(fresh) == before
    # a version 1 file (no history) still imports, into version 2
    fresh.evaluate(f"localStorage.removeItem('{KEY}')")
    old = {cid: {k: v for k, v in c.items()} for cid, c in before["cards"].items()}
    import_file(fresh, "v1.json", progress_file(old, version=1))
    fresh.get_by_role("button", name=MERGE[""]).click()
    assert stored(fresh) == {**before, "log": []}
    ctx.close()


# --- 6. offline ------------------------------------------------------------------

@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_with_the_network_cut_after_the_start_a_whole_session_completes(page, server, site, lang, shuffle):
    deck = {c["id"]: c for c in index(site, "en" if lang else "ko")}
    open_practice(page, server + lang + "practice/")
    if shuffle:
        page.get_by_label("섞기" if not lang else "Shuffle").check()
    page.get_by_role("button", name=START[lang]).click()
    expect(page.locator(".practice-progress")).to_have_text("1 / 20")
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    shown = []
    while page.locator(".practice-session").is_visible():
        shown.append(prompt_id(page, list(deck.values())))
        page.get_by_role("button", name=REVEAL[lang]).click()
        page.locator(".practice-answer").wait_for()
        assert page.locator(".practice-answer-body").inner_text().strip()
        page.keyboard.press("4")
    page.context.set_offline(False)
    # (20 cards graded, each once: two English prompts read alike, so the stored ids count)
    assert len(shown) == 20 and len(stored(page)["cards"]) == 20
    assert (shown == list(deck)[:20]) != shuffle


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_card_whose_answer_is_missing_says_so_and_can_be_skipped(page, server, site, lang):
    deck = index(site, "en" if lang else "ko")
    first = deck[0]
    # the first question's answers cannot be had (as if the network were cut before they came)
    page.route(re.compile(rf"/assets/practice/{'en' if lang else 'ko'}/{first['q']}\.json$"), lambda r: r.abort())
    page.goto(server + lang + "practice/?question=" + str(first["q"]))
    page.locator(".practice-session").wait_for()
    total = int(page.locator(".practice-progress").inner_text().split("/")[1])
    page.get_by_role("button", name=REVEAL[lang]).click()
    expect(page.locator(".practice-last")).to_have_text(
        "이 카드의 답을 불러오지 못했습니다(네트워크가 끊겼을 수 있습니다). 채점하지 않고 건너뛸 수 있습니다." if not lang else
        "This card's answer could not be loaded (the network may be down). You can skip it without grading.")
    page.get_by_role("button", name="건너뛰기" if not lang else "Skip").click()
    assert prompt_id(page, deck) == deck[1]["id"]
    assert page.locator(".practice-progress").inner_text().endswith(f"1 / {total - 1}")
    assert stored(page) is None  # nothing graded


# --- 7. the full answer without leaving the session ------------------------------

@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_full_answer_opens_over_the_card_and_back_or_escape_returns_to_it(page, server, site, lang):
    deck = index(site, "en" if lang else "ko")
    card = next(c for c in deck if "-f" in c["id"])  # a follow-up: its section of the page
    url = server + lang + f"practice/?question={card['q']}"
    page.goto(url)
    page.locator(".practice-session").wait_for()
    while prompt_id(page, deck) != card["id"]:
        reveal_and_grade(page, lang, "4")
    page.get_by_label(re.compile("내 답|Your answer")).fill("what I remembered")
    page.get_by_role("button", name=REVEAL[lang]).click()
    full = page.get_by_role("link", name="전체 답 보기" if not lang else "Full answer")
    panel = page.locator("dialog.practice-panel")
    for close in ("Escape", "back", "button"):
        full.click()
        expect(panel).to_be_visible()
        heading = panel.locator("#practice-panel-title")
        expect(heading).not_to_have_text("불러오는 중…" if not lang else "Loading…")
        page_title = page.evaluate(f"""fetch({json.dumps(server + card['url'].split('#')[0].removeprefix('en/') if not lang else server + card['url'].split('#')[0])})
            .then(r => r.text()).then(t => new DOMParser().parseFromString(t, 'text/html')
            .getElementById({json.dumps(card['id'])}).textContent.replace(/¶\\s*$/, '').trim())""")
        expect(heading).to_have_text(page_title)
        assert panel.locator(".practice-panel-body").inner_text().strip()
        if close == "Escape":
            page.keyboard.press("Escape")
        elif close == "back":
            page.go_back()
        else:
            panel.get_by_role("button", name="카드로 돌아가기" if not lang else "Back to the card").click()
        expect(panel).to_be_hidden()
        assert page.url == url  # the same page, the same session, the same card and what was written
        assert prompt_id(page, deck) == card["id"]
        assert page.locator(".practice-answer").is_visible()
        assert page.locator(".practice-mine-text").inner_text() == "what I remembered"
    # one history entry at most was added and taken: Back now leaves the practice page as before
    assert page.evaluate("history.state && history.state.practicePanel") in (None, False)


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_the_full_answer_panel_has_no_serious_accessibility_violations(page, server):
    from test_quality import axe_violations
    for width, height in [(1280, 800), (360, 740)]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(server + "practice/?question=12")
        page.locator(".practice-session").wait_for()
        page.get_by_role("button", name=REVEAL[""]).click()
        page.get_by_role("link", name="전체 답 보기").click()
        expect(page.locator("dialog.practice-panel").locator("#practice-panel-title")).not_to_have_text("불러오는 중…")
        # the pointer over its link, as it often is after the click that opened it (hover colours count)
        page.locator(".practice-panel-page").hover()
        assert axe_violations(page) == [], f"full answer panel, {width}px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width


# --- 9. smaller things --------------------------------------------------------------

@pytest.fixture
def phone(browser, server):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_an_empty_deck_cannot_start_and_says_so_beside_start_on_a_phone(phone, server, lang):
    open_practice(phone, server + lang + "practice/")
    phone.get_by_label("덱" if not lang else "Deck").select_option("due")
    start = phone.get_by_role("button", name=START[lang])
    expect(start).to_be_disabled()
    note = phone.locator(".practice-empty")
    expect(note).to_have_text("이 덱에는 지금 연습할 카드가 없습니다." if not lang else "No cards to practise in this deck right now.")
    start.scroll_into_view_if_needed()
    box, view = note.bounding_box(), phone.viewport_size
    assert 0 <= box["y"] and box["y"] + box["height"] <= view["height"]  # in view with the button
    assert phone.locator(".practice-keys").is_hidden()  # no keyboard hint on a touch phone
    phone.get_by_label("덱" if not lang else "Deck").select_option("all")
    expect(start).to_be_enabled()
    expect(note).to_have_text("")


def test_space_scrolls_the_deck_screen_and_the_hint_shows_on_a_desktop(page, server):
    page.set_viewport_size({"width": 1280, "height": 600})
    open_practice(page, server + "practice/")
    assert page.locator(".practice-keys").is_visible()
    page.locator("h1").click()
    page.keyboard.press("Space")
    page.wait_for_function("scrollY > 0")
    # in a session Space shows the answer instead
    page.get_by_role("button", name="시작").click()
    page.locator(".practice-prompt").focus()
    page.keyboard.press("Space")
    page.locator(".practice-answer").wait_for()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_far_review_date_on_a_question_page_carries_its_year(page, server, site, lang):
    now = datetime.now().astimezone()
    far = now.replace(year=now.year + 2, month=9, day=13)
    first = index(site, "en" if lang else "ko")[0]
    seed(page, server + lang + "practice/", {first["id"]: card(far, now, scheduled_days=(far - now).days, stability=700.0)})
    page.goto(server + lang + first["url"].removeprefix("en/"))
    expect(page.locator(".practice-line__state")).to_contain_text(
        f"{far.year}년 9월 13일" if not lang else f"13 Sept {far.year}")


def test_the_grade_buttons_are_in_view_on_a_1280_by_800_desktop(page, server, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_practice(page, server + "practice/")
    page.get_by_role("button", name="시작").click()
    for i in range(15):
        page.get_by_role("button", name=REVEAL[""]).click()
        page.locator(".practice-answer").wait_for()
        page.wait_for_timeout(100)
        for r in range(1, 5):
            box = page.locator(f".practice-grade-{r}").bounding_box()
            assert 0 <= box["y"] and box["y"] + box["height"] <= 800, (i, r, box)
        if i == 0:
            page.keyboard.press("4")
            expect(page.locator(".practice-last")).to_contain_text("방금 채점한 카드의 다음 복습: ")
        else:
            page.keyboard.press("4")


# --- 8. statistics -----------------------------------------------------------------

def seeded_history(page, url):
    """Two cards with four reviews, one of them 40 days ago; the clock at 14:00 today."""
    t0 = datetime.now().astimezone().replace(hour=14, minute=0, second=0, microsecond=0)
    page.clock.set_fixed_time(t0)
    ms = lambda d: int(d.timestamp() * 1000)  # noqa: E731
    log = [[ms(t0 - timedelta(days=40)), "2", 3, ms(t0 - timedelta(days=38)), 0],
           [ms(t0 - timedelta(days=2)), "1", 3, ms(t0 - timedelta(days=1)), 0],
           [ms(t0 - timedelta(days=1)), "1", 1, ms(t0 + timedelta(minutes=10)), 2],   # a lapse
           [ms(t0 - timedelta(hours=1)), "2", 4, ms(t0 + timedelta(days=20)), 2]]    # recalled
    cards = {"1": card(t0 + timedelta(minutes=10), t0 - timedelta(days=1), state=3, lapses=1),
             "2": card(t0 + timedelta(days=20), t0 - timedelta(hours=1))}
    page.goto(url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps({'format': 'dl-interview-practice', 'version': 2, 'cards': cards, 'aside': {}, 'log': log}))})")
    open_practice(page, url)
    return t0


@pytest.mark.parametrize("lang", ["", "en/"])
def test_statistics_of_a_deck_from_its_history(page, server, site, lang):
    total = len(index(site, "en" if lang else "ko"))
    t0 = seeded_history(page, server + lang + "practice/")
    page.locator(".practice-statistics summary").click()
    stats = page.locator(".practice-statistics")
    expect(stats.locator(".practice-states")).to_have_text(
        f"새 카드 {total - 2}장 · 학습 중 0장 · 복습 1장 · 다시 학습 중 1장" if not lang
        else f"New: {total - 2} · learning: 0 · review: 1 · relearning: 1")
    expect(stats.locator(".practice-retention")).to_have_text(
        "기억률(지난 30일, 복습할 때가 된 카드에 좋음·쉬움): 50% (1/2회)" if not lang
        else "Retention (last 30 days, Good or Easy on cards that were due): 50% (1 of 2)")
    expect(stats.locator(".practice-days-title")).to_have_text(
        "지난 30일의 하루 채점 수 (모두 3회)" if not lang else "Grades a day over the last 30 days (3 in all)")
    days = stats.locator(".practice-days li")
    assert days.count() == 30
    counts = [int(re.search(r"(\d+)(회)?$", d).group(1)) for d in days.evaluate_all("ls => ls.map(l => l.textContent)")]
    assert counts[-3:] == [1, 1, 1] and sum(counts) == 3
    label = page.evaluate(f"new Date({int(t0.timestamp() * 1000)}).toLocaleDateString({json.dumps('en-GB' if lang else 'ko-KR')}, {{month: 'short', day: 'numeric'}})")
    assert days.last.text_content() == (f"{label}: 1회" if not lang else f"{label}: 1")
    # another deck counts its own cards only: cards 1 and 2 are not new
    page.get_by_label("덱" if not lang else "Deck").select_option("new")
    expect(stats.locator(".practice-days-title")).to_have_text(
        "지난 30일의 하루 채점 수 (모두 0회)" if not lang else "Grades a day over the last 30 days (0 in all)")


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_statistics_are_readable_on_a_phone_in_both_schemes(page, server):
    from test_quality import axe_violations
    page.set_viewport_size({"width": 360, "height": 740})
    seeded_history(page, server + "practice/")
    page.locator(".practice-statistics summary").click()
    bars = page.locator(".practice-bar")
    widths = bars.evaluate_all("bs => bs.map(b => b.getBoundingClientRect().width)")
    assert len(widths) == 30 and min(widths) >= 5  # each day a visible bar
    heights = bars.evaluate_all("bs => bs.map(b => b.getBoundingClientRect().height)")
    assert max(heights) > 20 and heights.count(0) == 27
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
