#!/usr/bin/env python3
"""Benchmark what a reader's first visit costs: bytes and time to typeset math.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and loads each page --runs times, each in a fresh Chromium context (empty
cache). A first view is counted from navigation start until the page is idle:
the load event, then no request in flight for --quiet seconds (so a file a
script fetches late, after the load event, is counted). For each page it prints
the requests and the bytes transferred (response bodies as served, and
gzip-compressed as GitHub Pages sends text; 1 KB = 1000 bytes), the gzip bytes
by kind (HTML, CSS, JS, fonts, images and SVG, JSON, other), how much is
MathJax (assets/mathjax/), and, on pages whose formulas the browser typesets,
the time from navigation start until MathJax has typeset every formula on the
first screen (median over --runs).

Targets (issue 17): at most 150 KB gzip for questions 6, 13, 16 and 20 and
80 KB for the home page, in both languages; a page's largest load counts.
--targets measures exactly those ten pages. The exit status is 1 if a measured
page misses its target.
"""
import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

# scripts/dev/ on the path for serve_subpath; the other benchmarks import it after this module
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dev"))
from serve_subpath import built_site, serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# MathJax typesets lazily (ui/lazy): done means every formula has its container
# and every one the reader can see on the first screen is rendered.
TYPESET = """() => {
    const all = [...document.querySelectorAll('.arithmatex')];
    const seen = el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    return all.length > 0 && all.every(el => el.querySelector('mjx-container'))
        && all.filter(seen).every(el => el.querySelector('mjx-math'));
}"""
TEXT = ("text/", "javascript", "json", "svg", "xml")
KINDS = ("html", "css", "js", "font", "image", "json", "other")
# Pages of each language (the English ones under en/) that every build has, besides the questions.
LANGS = ("", "en/")
FIXED = ("", "about/", "glossary/", "practice/", "tags/")
# Issue 17's first-view budgets in gzip bytes: the home page, and the four heaviest questions.
HOME_TARGET = 80_000
QUESTION_TARGET = 150_000
TARGET_QUESTIONS = ("06", "13", "16", "20")
IDLE_TIMEOUT_S = 60


class PageError(Exception):
    """A page that is not in the built site, or a site without its pages: one line for the reader."""


def bad_paths(site: Path | None, json_file: Path | None = None) -> str | None:
    """The one-line error for a --site that is not a folder or a --json FILE whose
    folder does not exist, or None (shared by the benchmarks that take them)."""
    if site is not None and not site.is_dir():
        return f"{site}: not a folder (a built site, from `mkdocs build`)"
    if json_file is not None and not json_file.parent.is_dir():
        return f"{json_file}: its folder does not exist"
    return None


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def question_pages(site: Path, lang: str) -> list[str]:
    folder = site / lang / "questions"
    pages = sorted(f"{lang}questions/{d.name}/" for d in folder.iterdir() if (d / "index.html").is_file()) \
        if folder.is_dir() else []
    if not pages:
        raise PageError(f"{folder}: no question pages (not a built site?)")
    return pages


def site_pages(site: Path) -> list[str]:
    """Every page of both languages, found in the built site: home, about, glossary,
    practice, tags and each folder under questions/ (Korean first, then English)."""
    pages = []
    for lang in LANGS:
        for p in FIXED:
            if not (site / lang / p / "index.html").is_file():
                raise PageError(f"{site / lang / p / 'index.html'}: missing (not a built site?)")
            pages.append(lang + p)
        pages += question_pages(site, lang)
    return pages


def target_pages(site: Path) -> list[str]:
    """The pages issue 17 sets a byte budget for, in both languages."""
    pages = []
    for lang in LANGS:
        questions = question_pages(site, lang)
        pages.append(lang)
        for n in TARGET_QUESTIONS:
            found = [q for q in questions if q.startswith(f"{lang}questions/{n}-")]
            if not found:
                raise PageError(f"{site / lang / 'questions'}: no question {n}")
            pages += found
    return pages


def target(path: str) -> int | None:
    """The gzip budget of a page (a path under the site root), or None."""
    path = urlsplit(path).path.lstrip("/").removeprefix("en/")
    if path in ("", "index.html"):
        return HOME_TARGET
    m = re.fullmatch(r"questions/(\d+)-[^/]+/(index\.html)?", path)
    return QUESTION_TARGET if m and m[1] in TARGET_QUESTIONS else None


def check_pages(site: Path, pages: list[str]) -> None:
    """Refuse a path that is not a page of the site (Chromium would measure the 404 page)."""
    for p in pages:
        path = urlsplit(p).path.lstrip("/")
        if not (site / path / "index.html").is_file() and not (path.endswith(".html") and (site / path).is_file()):
            raise PageError(f"{site / path}: not a page of the built site")


def kind(url: str, ctype: str) -> str:
    ext = urlsplit(url).path.rsplit(".", 1)[-1].lower()
    if "font" in ctype or ext in ("woff", "woff2", "ttf", "otf"):  # Python's server may send woff2 as octet-stream
        return "font"
    for k, marks in (("html", ("text/html",)), ("css", ("text/css",)), ("js", ("javascript",)),
                     ("json", ("json",)), ("image", ("image/",))):
        if any(m in ctype for m in marks):
            return k
    return "other"


def record_responses(page) -> list:
    """(url, bytes, gzip bytes, kind) of every response the page gets from now on,
    appended as they arrive: text is counted gzip-compressed, as GitHub Pages sends it."""
    bodies = []

    def on_response(r):
        try:
            body = r.body()
        except Exception:  # redirects and aborted requests have no body
            return
        ctype = r.headers.get("content-type", "")
        packed = len(gzip.compress(body, 6)) if any(t in ctype for t in TEXT) else len(body)
        bodies.append((r.url, len(body), packed, kind(r.url, ctype)))

    page.on("response", on_response)
    return bodies


def track_requests(page) -> dict:
    """Requests in flight and when the last one started or ended, updated as events arrive."""
    state = {"inflight": 0, "last": time.monotonic()}

    def started(_):
        state["inflight"] += 1
        state["last"] = time.monotonic()

    def ended(_):
        state["inflight"] -= 1
        state["last"] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    return state


def wait_until_idle(page, state: dict, quiet: float) -> None:
    """After the load event: wait until no request has been in flight for `quiet`
    seconds. Playwright's networkidle alone (500 ms) would miss a file fetched
    from a timer or an idle callback a little later."""
    page.wait_for_load_state("load")
    deadline = time.monotonic() + IDLE_TIMEOUT_S
    while state["inflight"] > 0 or time.monotonic() - state["last"] < quiet:
        if time.monotonic() > deadline:
            raise PageError(f"{page.url}: requests still in flight after {IDLE_TIMEOUT_S} s")
        page.wait_for_timeout(100)  # lets Playwright deliver the page's events


def measure(browser, url: str, quiet: float) -> dict:
    ctx = browser.new_context()
    page = ctx.new_page()
    bodies = record_responses(page)
    state = track_requests(page)
    page.goto(url)
    typeset_ms = None
    prerendered = False
    if page.evaluate("document.querySelectorAll('.arithmatex:not([data-prerendered])').length") == 0:
        prerendered = page.evaluate("document.querySelectorAll('.arithmatex').length") > 0
    else:
        page.wait_for_function(TYPESET, polling="raf", timeout=30000)
        typeset_ms = page.evaluate("performance.now()")
    wait_until_idle(page, state, quiet)
    ctx.close()
    mathjax = [b for b in bodies if "/assets/mathjax/" in b[0]]
    return {"requests": len(bodies), "bytes": sum(b[1] for b in bodies), "gzip": sum(b[2] for b in bodies),
            "gzip_by_kind": {k: sum(b[2] for b in bodies if b[3] == k) for k in KINDS},
            "mathjax_bytes": sum(b[1] for b in mathjax), "mathjax_gzip": sum(b[2] for b in mathjax),
            "files": sorted(((b[0], b[2]) for b in bodies), key=lambda f: -f[1]),
            "typeset_ms": typeset_ms, "prerendered": prerendered}


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*",
                    help="paths under the site root (default: the home page and question 6)")
    ap.add_argument("--targets", action="store_true",
                    help="measure the pages with a target (home, questions 6, 13, 16, 20; both languages)")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=5, help="loads per page (default 5)")
    ap.add_argument("--quiet", type=float, default=2.0, metavar="SECONDS",
                    help="idle means no request in flight for this long after the load event (default 2)")
    ap.add_argument("--files", action="store_true", help="also list each page's files, largest first")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.quiet < 0:
        print("--runs must be at least 1 and --quiet not negative", file=sys.stderr)
        return 1
    if args.targets and args.pages:
        print("give pages or --targets, not both", file=sys.stderr)
        return 1
    if error := bad_paths(args.site):
        print(error, file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    load_before = os.getloadavg()
    with built_site(args.site) as site:
        try:
            pages = target_pages(site) if args.targets else args.pages or ["", "questions/06-overfitting/"]
            check_pages(site, pages)
        except PageError as e:
            print(e, file=sys.stderr)
            return 1
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
            return 1
        results = {}
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in pages:
                try:
                    runs = [measure(browser, base + path, args.quiet) for _ in range(args.runs)]
                except PageError as e:
                    print(e, file=sys.stderr)
                    return 1
                first = runs[0]
                times = [r["typeset_ms"] for r in runs if r["typeset_ms"] is not None]
                first["typeset_ms_median"] = round(statistics.median(times)) if times else None
                del first["typeset_ms"]
                gz = [r["gzip"] for r in runs]
                first["gzip_min"], first["gzip_max"] = min(gz), max(gz)
                first["files"] = [[u.removeprefix(base[:-1]), size] for u, size in first["files"]]
                first["target_gzip"] = target(path)
                first["meets_target"] = None if first["target_gzip"] is None else max(gz) <= first["target_gzip"]
                results["/" + path] = first
            browser.close()
    missed = [p for p, r in results.items() if r["meets_target"] is False]
    conditions = {"runs": args.runs, "quiet_s": args.quiet, "load_before": load_before, "load_after": os.getloadavg()}
    if args.json:
        print(json.dumps({"conditions": conditions, "pages": results}, indent=2))
        return 1 if missed else 0
    print(f"{args.runs} load(s) per page, each in a fresh context; idle = no request for {args.quiet:g} s "
          f"after the load event; load average before {' '.join(f'{x:.2f}' for x in load_before)}; KB = 1000 bytes, gzip as GitHub Pages sends text")
    print(f"{'page':<42} {'req':>3} {'bytes':>7} {'gzip':>6} " + " ".join(f"{k:>5}" for k in KINDS)
          + f" {'MathJax':>7} {'target':>10} {'typeset':>13}")
    for path, r in results.items():
        t = (f"{r['typeset_ms_median']} ms" if r["typeset_ms_median"] is not None
             else "at build time" if r["prerendered"] else "no math")
        mark = "" if r["target_gzip"] is None else \
            ("<= " if r["meets_target"] else "MISS > ") + kb(r["target_gzip"])
        spread = f" (loads {kb(r['gzip_min'])}-{kb(r['gzip_max'])})" if r["gzip_min"] != r["gzip_max"] else ""
        print(f"{path:<42} {r['requests']:>3} {kb(r['bytes']):>7} {kb(r['gzip']):>6} "
              + " ".join(f"{kb(r['gzip_by_kind'][k]):>5}" for k in KINDS)
              + f" {kb(r['mathjax_gzip']):>7} {mark:>10} {t:>13}{spread}")
        if args.files:
            for url, size in r["files"]:
                print(f"    {kb(size):>7} {url}")
    print(f"{load_average()} at the end")
    if missed:
        print(f"{len(missed)} page(s) over their target: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
