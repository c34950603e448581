#!/usr/bin/env python3
"""Benchmark the practice page: what it transfers and how soon the first card shows.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and, in a fresh Chromium context each time (cold cache):
- loads a question page and the practice page and prints the bytes each
  transfers (as served, and gzip-compressed as GitHub Pages sends text), and
  what the practice page loads that the question page does not (its HTML,
  practice.js, ts-fsrs, the cards index and the answers of the first card's
  question, which the page fetches ahead of the session);
- opens practice/?deck=all and prints the time from navigation start to the
  load event and to the first card on screen (its prompt painted), median of
  --runs;
- prints the offline precache cost: the answer files a new reader's default
  session (20 new cards of all) fetches at its start so that it goes on with
  the network cut, and all the language's answer files (a session over every
  question fetches those).
"""
import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

from bench_pages import ARGS, CHROMIUM, record_responses  # Debian's Chromium, no background networking; puts dev/ on the path
from serve_subpath import built_site, serve  # noqa: E402
# the first card is on screen when its prompt has been painted: the frame after it appears
FIRST_CARD = """() => new Promise(resolve => {
    const seen = () => { const p = document.querySelector('.practice-prompt');
                         return p && p.textContent.trim() && p.offsetParent; };
    const done = () => requestAnimationFrame(() => resolve(performance.now()));
    if (seen()) return done();
    new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); done(); } })
        .observe(document, {subtree: true, childList: true, attributes: true});
})"""


def transfer(browser, url: str) -> dict:
    ctx = browser.new_context()
    page = ctx.new_page()
    responses = record_responses(page)
    page.goto(url)
    if "practice/" in url:
        page.wait_for_function("!!document.querySelector('.practice-start, .practice-prompt')")
    page.wait_for_load_state("networkidle")
    ctx.close()
    return {u.split("?")[0]: (size, packed) for u, size, packed, _ in responses}


def precache(browser, url: str) -> dict:
    """The answer files a default session fetches at its start: {url: (bytes, gzip)}."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url)
    page.locator(".practice-start").wait_for()
    page.wait_for_load_state("networkidle")
    responses = record_responses(page)
    page.locator(".practice-start").click()
    page.locator(".practice-prompt").wait_for()
    page.wait_for_load_state("networkidle")
    ctx.close()
    return {u: (size, packed) for u, size, packed, _ in responses if "/assets/practice/" in u}


def first_card(browser, url: str) -> tuple[float, float]:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.add_init_script("window.__firstCard = (" + FIRST_CARD + ")();")
    page.goto(url)
    card = page.evaluate("window.__firstCard")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    ctx.close()
    return load, card


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--question", default="questions/06-overfitting/",
                    help="the question page to compare with (default: questions/06-overfitting/)")
    ap.add_argument("--lang", choices=["ko", "en"], default="ko", help="which language's pages (default ko)")
    ap.add_argument("--runs", type=int, default=5, help="loads of the practice page for the timing (default 5)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    if args.runs < 1:
        print("--runs: must be at least 1", file=sys.stderr)
        return 2
    prefix = "en/" if args.lang == "en" else ""
    from playwright.sync_api import sync_playwright
    with built_site(args.site) as site, serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        question = transfer(browser, base + prefix + args.question)
        practice = transfer(browser, base + prefix + "practice/")
        times = [first_card(browser, base + prefix + "practice/?deck=all") for _ in range(args.runs)]
        session = precache(browser, base + prefix + "practice/")
        browser.close()
        every = [p.read_bytes() for p in sorted((site / "assets" / "practice" / args.lang).glob("*.json"))]
    extra = {u[len(base):]: v for u, v in practice.items() if u not in question}
    total = lambda d, i: sum(v[i] for v in d.values())  # noqa: E731
    result = {
        "question_page": {"requests": len(question), "bytes": total(question, 0), "gzip": total(question, 1)},
        "practice_page": {"requests": len(practice), "bytes": total(practice, 0), "gzip": total(practice, 1)},
        "beyond_question_page": {"bytes": total(extra, 0), "gzip": total(extra, 1),
                                 "files": {u: {"bytes": v[0], "gzip": v[1]} for u, v in sorted(extra.items())}},
        "load_event_ms": round(statistics.median(t[0] for t in times)),
        "first_card_ms": round(statistics.median(t[1] for t in times)),
        "first_card_after_load_ms": round(statistics.median(t[1] - t[0] for t in times)),
        "runs": args.runs,
        "precache_session": {"files": len(session), "bytes": total(session, 0), "gzip": total(session, 1)},
        "precache_all": {"files": len(every), "bytes": sum(map(len, every)),
                         "gzip": sum(len(gzip.compress(b, 6)) for b in every)},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for name in ("question_page", "practice_page"):
        r = result[name]
        print(f"{name.replace('_', ' '):<16} {r['requests']:>3} requests {r['bytes']:>10,} B ({r['gzip']:,} B gzip)")
    b = result["beyond_question_page"]
    print(f"practice page beyond the question page: {b['bytes']:,} B ({b['gzip']:,} B gzip)")
    for u, v in b["files"].items():
        print(f"  {u:<44} {v['bytes']:>9,} B ({v['gzip']:,} B gzip)")
    print(f"navigation start -> load event {result['load_event_ms']} ms, -> first card {result['first_card_ms']} ms "
          f"({result['first_card_after_load_ms']} ms after load; median of {args.runs})")
    for name, what in (("precache_session", "a default session's answers, fetched at its start"),
                       ("precache_all", "every answer file of the language")):
        r = result[name]
        print(f"offline precache, {what}: {r['files']} files, {r['bytes']:,} B ({r['gzip']:,} B gzip)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
