#!/usr/bin/env python3
"""Measure how well the site's search finds answers: recall@1, recall@3 and speed.

Types every query of tests/fixtures/search-queries.yml (or of --queries FILE,
such as the held-out set tests/fixtures/search-queries-holdout.yml, measured
only once the ranking is tuned) into Material's search box in Chromium (Korean
queries on the Korean site, English ones on the English site) and counts a
query as found when one of its expected questions is among the first three
results (recall@3), and as answered first when the first result is one of them
(recall@1). With --timing it also measures, for each query, the time from the
last keystroke to the results being on screen.

Builds the site (or takes --site) and serves it under /dl-interview/. The test
tests/test_search.py runs the same measurement and asserts the target.

With --first N it loads a question page N times per language in a fresh browser
context (empty cache: the search index is fetched only once the reader starts
to search), focuses the search box, types one query at once and times the
first keystroke -> results shown, which includes fetching the index and
building it.
"""
from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import ARGS, CHROMIUM  # noqa: E402  (Debian's Chromium, no background networking)

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "fixtures" / "search-queries.yml"
HOLDOUT = QUERIES.with_name("search-queries-holdout.yml")  # never tuned on
QUESTION = re.compile(r"/questions/(\d+)-")  # three-digit numbers too
LANG_PATH = {"ko": "", "en": "en/"}

# Resolves when the results have changed after the next keyup in the
# search box, with the time between the two (ms); installed before typing.
WATCH = """() => {
    const box = document.querySelector('.md-search__input');
    const result = document.querySelector('.md-search-result');
    window.__searchTiming = new Promise(resolve => {
        box.addEventListener('keyup', () => {
            const t0 = performance.now();
            const seen = new MutationObserver(() => {
                seen.disconnect();
                // the frame in which the new results are painted
                requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            // the list, or the count above it when nothing is found
            seen.observe(result, {childList: true, subtree: true, characterData: true});
        }, {once: true});
    });
}"""


def load_queries(path: Path = QUERIES) -> dict[str, dict[str, list[int]]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _placeholder(page) -> str:
    return page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                         ".translations['search.result.placeholder']")


def ready(page) -> None:
    """Wait until the search box answers. Material reads the query on keyup,
    and drops a query read before its worker has the index: press a key until
    results show."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("a")
    for _ in range(30):
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=500, state="attached")
            return
        except Exception:
            continue
    raise RuntimeError("search never answered")


def open_search(page, base: str, lang: str) -> None:
    """Open the site's home page in `lang` and wait until the search index is ready."""
    page.goto(base + LANG_PATH[lang])
    ready(page)


def result_links(page) -> list[str]:
    """The results' page links, in order. One item per page, its sections nested
    inside: the item's first link is the page. Read until two reads 50 ms apart
    agree (the list may still be filling in when the count above it changes)."""
    hrefs, previous = None, object()
    for _ in range(40):
        hrefs = page.eval_on_selector_all(
            ".md-search-result__list > .md-search-result__item",
            "els => els.map(li => li.querySelector('a').href)")
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(50)
    return hrefs


def ask(page, query: str, timing: bool = False) -> tuple[list[int], float | None]:
    """Type `query`; return the question numbers of the visible results in order
    (pages without a number, such as the glossary, count as 0), and the time
    from the last keystroke to the results if `timing`."""
    box = page.locator(".md-search__input")
    placeholder = _placeholder(page)
    box.fill("")
    box.press("End")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t",
                           arg=placeholder, timeout=5000)
    box.fill(query)
    if timing:
        page.evaluate(WATCH)
    # Material searches on keyup: this key is the last keystroke (a Korean
    # syllable typed through an input method ends the same way).
    box.press("End")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t",
                           arg=placeholder, timeout=5000)
    ms = page.evaluate("window.__searchTiming") if timing else None
    numbers = []
    for href in result_links(page):
        m = QUESTION.search(href)
        numbers.append(int(m.group(1)) if m else 0)
    return numbers, ms


def evaluate(page, base: str, queries: dict, timing: bool = False) -> dict:
    """Per language: recall@1 and @3, the misses and the queries whose right answer is
    not first (query, expected, first three), timings."""
    report = {}
    for lang, items in queries.items():
        open_search(page, base, lang)
        misses, seconds, times = [], [], []
        for query, expected in items.items():
            got, ms = ask(page, query, timing)
            if not set(got[:3]) & set(expected):
                misses.append((query, expected, got[:3]))
            elif got[0] not in expected:
                seconds.append((query, expected, got[:3]))
            if ms is not None:
                times.append((ms, query))
        report[lang] = {"queries": len(items), "recall@3": 1 - len(misses) / len(items),
                        "recall@1": 1 - (len(misses) + len(seconds)) / len(items),
                        "misses": misses, "not_first": seconds, "times": times}
    return report


FIRST_PAGES = {"ko": "questions/{}/", "en": "en/questions/{}/"}


def first_search(browser, base: str, lang: str, query: str, question: str) -> float:
    """ms from the first keystroke after focus to results, on a fresh page."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + FIRST_PAGES[lang].format(question))
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    box.click()  # focus: the index is requested now
    box.fill(query)
    page.evaluate(WATCH)
    box.press("End")
    ms = page.evaluate("window.__searchTiming")
    ctx.close()
    return ms


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--queries", type=Path, default=QUERIES, metavar="FILE",
                    help=f"query set (YAML; default {QUERIES.relative_to(ROOT)}, the one the ranking is "
                         f"tuned on; {HOLDOUT.relative_to(ROOT)} is held out from tuning)")
    ap.add_argument("--timing", action="store_true",
                    help="also time last keystroke -> results shown")
    ap.add_argument("--first", type=int, default=0, metavar="N",
                    help="also time the first search on N fresh page loads per language")
    args = ap.parse_args(argv)
    if not args.queries.is_file():  # before the build, not a minute later
        print(f"{args.queries}: no such file", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    from serve_subpath import built_site, serve
    with built_site(args.site) as site:
        for index in sorted((site / "search").glob("search_index*.json")):
            raw = index.read_bytes()
            print(f"{index.relative_to(site)}: {len(raw):,} bytes, {len(gzip.compress(raw, 6)):,} gzip")
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page()
            queries = load_queries(args.queries)
            report = evaluate(page, base, queries, args.timing)
            questions = sorted(p.name for p in (site / "questions").iterdir() if p.is_dir())
            for lang, items in queries.items():
                firsts = [first_search(browser, base, lang, q, questions[i % len(questions)])
                          for i, q in zip(range(args.first), items)]
                report[lang]["first"] = firsts
            browser.close()
    for lang, r in report.items():
        n = r["queries"]
        print(f"{lang}: recall@1 {r['recall@1']:.3f} ({n - len(r['misses']) - len(r['not_first'])}/{n}), "
              f"recall@3 {r['recall@3']:.3f} ({n - len(r['misses'])}/{n})")
        for query, expected, got in r["misses"]:
            print(f"   miss: {query!r} expected {expected}, got {got}")
        for query, expected, got in r["not_first"]:
            print(f"   not first: {query!r} expected {expected}, got {got}")
        if r["times"]:
            t = sorted(ms for ms, _ in r["times"])
            slowest = ", ".join(f"{q!r} {ms:.0f} ms" for ms, q in sorted(r["times"])[-3:])
            print(f"   keystroke -> results: median {statistics.median(t):.0f} ms, "
                  f"p90 {t[int(0.9 * (len(t) - 1))]:.0f} ms, max {t[-1]:.0f} ms (slowest: {slowest})")
        if r.get("first"):
            t = sorted(r["first"])
            print(f"   first search on a fresh page (focus, then type; {len(t)} loads): median "
                  f"{statistics.median(t):.0f} ms, p90 {t[int(0.9 * (len(t) - 1))]:.0f} ms, max {t[-1]:.0f} ms")
    import os
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
