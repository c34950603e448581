#!/usr/bin/env python3
"""Benchmark what a reader's first visit costs: bytes and time to typeset math.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and loads each page in a fresh Chromium context (cold cache). For each page it
prints the bytes transferred (response bodies as served, and gzip-compressed as
GitHub Pages would send text), how much of that is MathJax (assets/mathjax/),
and, on pages with math, the time from navigation start until MathJax has
typeset every formula on the first screen (MathJax typesets the rest as they
scroll into view; median over --runs).
"""
import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

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


def record_responses(page) -> list:
    """(url, bytes, gzip bytes) of every response the page gets from now on, appended
    as they arrive: text is counted gzip-compressed, as GitHub Pages sends it."""
    bodies = []

    def on_response(r):
        try:
            body = r.body()
        except Exception:  # redirects and aborted requests have no body
            return
        ctype = r.headers.get("content-type", "")
        packed = len(gzip.compress(body, 6)) if any(t in ctype for t in TEXT) else len(body)
        bodies.append((r.url, len(body), packed))

    page.on("response", on_response)
    return bodies


def measure(browser, url: str) -> dict:
    ctx = browser.new_context()
    page = ctx.new_page()
    bodies = record_responses(page)
    page.goto(url)
    typeset_ms = None
    prerendered = False
    if page.evaluate("document.querySelectorAll('.arithmatex:not([data-prerendered])').length") == 0:
        prerendered = page.evaluate("document.querySelectorAll('.arithmatex').length") > 0
    else:
        page.wait_for_function(TYPESET, polling="raf", timeout=30000)
        typeset_ms = page.evaluate("performance.now()")
    page.wait_for_load_state("networkidle")
    ctx.close()
    mathjax = [b for b in bodies if "/assets/mathjax/" in b[0]]
    return {"requests": len(bodies), "bytes": sum(b[1] for b in bodies), "gzip": sum(b[2] for b in bodies),
            "mathjax_bytes": sum(b[1] for b in mathjax), "mathjax_gzip": sum(b[2] for b in mathjax),
            "typeset_ms": typeset_ms, "prerendered": prerendered}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", default=["", "questions/06-overfitting/"],
                    help="paths under the site root (default: the home page and question 6)")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=5, help="loads per page (default 5)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    with built_site(args.site) as site:
        results = {}
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in args.pages:
                runs = [measure(browser, base + path) for _ in range(args.runs)]
                first = runs[0]
                times = [r["typeset_ms"] for r in runs if r["typeset_ms"] is not None]
                first["typeset_ms_median"] = round(statistics.median(times)) if times else None
                del first["typeset_ms"]
                results["/" + path] = first
            browser.close()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'page':<32} {'requests':>8} {'bytes':>10} {'gzip':>9} {'MathJax':>10} {'MJ gzip':>9} {'typeset':>8}")
    for path, r in results.items():
        t = (f"{r['typeset_ms_median']} ms" if r["typeset_ms_median"] is not None
             else "at build time" if r["prerendered"] else "no math")
        print(f"{path:<32} {r['requests']:>8} {r['bytes']:>10,} {r['gzip']:>9,} {r['mathjax_bytes']:>10,} "
              f"{r['mathjax_gzip']:>9,} {t:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
