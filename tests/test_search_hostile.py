"""Search survives what readers really type, in Chromium, in both languages.

tests/fixtures/search-hostile.yml holds numbers, words that are names of
JavaScript object properties, invisible and decomposed characters, punctuation,
wildcards; long pastes are built here from the pages themselves. Each query is
typed into Material's search box; it must show results (and, where the fixture
names questions, one of them among the first five), log no error or warning
in the page or the search worker, and answer within 1 s of the last keystroke."""
import html
import re
from pathlib import Path

import pytest
import yaml

from search_eval import ask, open_search

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "search-hostile.yml"
LIMIT_MS = 1000
# The machine running the tests may be busy: a query over the limit is timed
# again (twice at most) and its best time counts. A query that is slow by
# design (the 8 s to minutes these took before) fails every attempt.
ATTEMPTS = 3
PAGE = {"ko": "questions/06-overfitting/index.html", "en": "en/questions/06-overfitting/index.html"}
HAN = "過適合防止正規化學習率損失函數"


def pastes(site: Path, lang: str) -> dict[str, list[int]]:
    """Long pastes: a page's text as a reader would copy it, and key mashing."""
    article = re.search(r"<article[^>]*>(.*?)</article>", (site / PAGE[lang]).read_text(encoding="utf-8"), re.S)[1]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    word = "과적합" if lang == "ko" else "overfitting"
    return {
        text[:5000]: [],                                         # the start of a page
        text[-5000:]: [],                                        # its end: references, years, arXiv ids
        word + " " + ("ㅋ" if lang == "ko" else "a") * 5000: [6, 15],  # a key held down
        word + "(過適合) " + HAN * (5000 // len(HAN)): [6, 15],  # Han characters (Material segments them)
    }


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_hostile_queries_answer_quickly_with_results_and_no_error(page, server, site, lang):
    queries = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))[lang]
    assert len(queries) >= 40
    queries.update(pastes(site, lang))

    errors = []  # (where, text) of every error or warning, page or worker
    page.on("pageerror", lambda e: errors.append(("page", str(e))))
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(("console", m.text)))
    page.on("worker", lambda w: w.on("console", lambda m: m.type in ("error", "warning")
                                     and errors.append(("worker", m.text))))
    open_search(page, server, lang)
    assert not errors, errors
    box = page.locator(".md-search__input")

    failures = []
    for query, expected in queries.items():
        shown = repr(query if len(query) < 60 else query[:40] + f"... ({len(query)} characters)")
        best, got = None, []
        for _ in range(ATTEMPTS):
            try:
                got, ms = ask(page, query, timing=True)
            except Exception as e:  # no answer at all within ask()'s 5 s
                failures.append(f"{shown}: no answer ({type(e).__name__})")
                break
            best = ms if best is None else min(best, ms)
            if best < LIMIT_MS:
                break
        else:
            failures.append(f"{shown}: answered in {best:.0f} ms at best, over {LIMIT_MS} ms")
        if box.input_value() != query:  # what was typed is what the test says
            failures.append(f"{shown}: the search box holds {box.input_value()!r}")
        if not got:
            failures.append(f"{shown}: no results")
        elif expected and not set(got[:5]) & set(expected):
            failures.append(f"{shown}: expected one of {expected} in the first five, got {got[:5]}")
        if errors:
            failures.append(f"{shown}: " + "; ".join(f"{w}: {t.splitlines()[0]}" for w, t in errors))
            errors.clear()
    assert not failures, f"{len(failures)} of {len(queries)} queries failed:\n" + "\n".join(failures)
    assert not page.foreign
