#!/usr/bin/env python3
"""Compare the layout cost of each Korean page with its English twin.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and loads each Korean page and its English twin (en/...) --runs times, in turn,
in Debian's Chromium: a fresh context each time (empty cache) with a phone's
viewport (412x823, as Lighthouse's mobile preset), the CPU slowed down --cpu
times (CDP Emulation.setCPUThrottlingRate; Lighthouse's mobile preset
simulates 4). Once a load is idle (the load event, then no request in flight
for --quiet seconds) it reads Chromium's counters (CDP Performance.getMetrics):
the main thread's time in layout and style recalculation (LayoutDuration +
RecalcStyleDuration) and the number of layouts (LayoutCount); then the number
of DOM elements and the length of the text (characters of
document.body.innerText, with the blocks content-visibility skips shown: the
whole page's text, not only what was laid out).

One row per pair, medians of the runs: both twins' layout and style time
(range in brackets), layouts, elements and characters, then the ratio ko/en of
layout and style time beside the ratio ko/en of the pages' length. The length
is the laid-out page's height (every block shown): a Korean syllable carries
about as much as two or three English letters, so a Korean page has 0.6-0.7
times its twin's characters at about the same height. A page whose time ratio
exceeds its length ratio by more than 20% is flagged (issue 17: a Korean page
must not lay out slower than its English twin by more than the length
difference), and the exit status is 1.
"""
import argparse
import datetime
import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import (ARGS, CHROMIUM, PageError, bad_paths, check_pages, load_average, site_pages,  # noqa: E402
                         track_requests, wait_until_idle)
from serve_subpath import built_site, serve  # noqa: E402  (scripts/dev/: bench_pages put it on the path)

# Lighthouse's mobile preset (moto g power): what a reader's phone lays out
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
TOLERANCE = 1.2  # flag when (ko/en layout time) > 1.2 x (ko/en page height)
DEFAULT_PAGES = ["", "questions/06-overfitting/"]


def load(browser, url: str, cpu: float, quiet: float) -> dict:
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")
    if cpu != 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    state = track_requests(page)
    page.goto(url)
    wait_until_idle(page, state, quiet)
    # the counters first: reading innerText forces a layout of its own
    m = {x["name"]: x["value"] for x in cdp.send("Performance.getMetrics")["metrics"]}
    elements = page.evaluate("document.getElementsByTagName('*').length")
    shown = page.evaluate("document.body.innerText.length")
    # innerText leaves out what content-visibility skips (extra.css skips answer blocks below
    # the first screen): the page's length is its text with every block shown
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    chars = page.evaluate("document.body.innerText.length")
    height = page.evaluate("document.documentElement.scrollHeight")  # another length: the page's, in CSS px
    ctx.close()
    return {"layout_ms": 1000 * m["LayoutDuration"], "style_ms": 1000 * m["RecalcStyleDuration"],
            "layout_style_ms": 1000 * (m["LayoutDuration"] + m["RecalcStyleDuration"]),
            "layouts": m["LayoutCount"], "style_recalcs": m["RecalcStyleCount"],
            "elements": elements, "chars": chars, "chars_on_load": shown,
            "height_px": height}


def median(runs: list, key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", help="Korean pages, paths under the site root (their twins are under en/; "
                                             "default: the home page and question 6)")
    ap.add_argument("--all", action="store_true", help="every Korean page found in the built site, and its twin")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=5, help="loads of each twin; medians are reported (default 5)")
    ap.add_argument("--cpu", type=float, default=1, help="CPU slowdown factor, e.g. 4 (default 1: none)")
    ap.add_argument("--quiet", type=float, default=1.0, metavar="SECONDS",
                    help="idle means no request in flight for this long after the load event (default 1)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every load's figures to FILE")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.cpu < 1 or args.quiet < 0:
        print("--runs and --cpu must be at least 1, --quiet not negative", file=sys.stderr)
        return 1
    if args.all and args.pages:
        print("give pages or --all, not both", file=sys.stderr)
        return 1
    if any(p.lstrip("/").startswith("en/") for p in args.pages):
        print("give the Korean pages: each one's English twin is measured with it", file=sys.stderr)
        return 1
    if error := bad_paths(args.site, args.json):
        print(error, file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    raw = {"conditions": {"runs": args.runs, "cpu_slowdown": args.cpu, "viewport": PHONE, "quiet_s": args.quiet,
                          "started": datetime.datetime.now().isoformat(timespec="seconds"),
                          "load_before": os.getloadavg()}, "pages": {}}
    with built_site(args.site) as site:
        try:
            pages = [p for p in site_pages(site) if not p.startswith("en/")] if args.all \
                else [p.lstrip("/") for p in args.pages] or DEFAULT_PAGES
            check_pages(site, pages + ["en/" + p for p in pages])
        except PageError as e:
            print(e, file=sys.stderr)
            return 1
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
            return 1
        print(f"{len(pages)} pair(s) x {args.runs} load(s), viewport 412x823, CPU slowdown {args.cpu:g}x; "
              f"{load_average()}")
        print(f"{'page (ko | en)':<40} {'layout+style ms ko':>20} {'en':>16} {'layouts':>9} {'elements':>11} "
              f"{'chars':>13} {'time':>5} {'length':>6}")
        flagged = []
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in pages:
                ko, en = [], []
                try:
                    for _ in range(args.runs):  # alternate, so a busy moment of the machine hits both twins
                        ko.append(load(browser, base + path, args.cpu, args.quiet))
                        en.append(load(browser, base + "en/" + path, args.cpu, args.quiet))
                except PageError as e:
                    print(e, file=sys.stderr)
                    return 1
                if median(en, "height_px") == 0 or median(en, "layout_style_ms") == 0:
                    print(f"/en/{path}: no text or no layout measured", file=sys.stderr)
                    return 1
                time_ratio = median(ko, "layout_style_ms") / median(en, "layout_style_ms")
                text_ratio = median(ko, "height_px") / median(en, "height_px")
                flag = time_ratio > TOLERANCE * text_ratio
                if flag:
                    flagged.append("/" + path)
                raw["pages"]["/" + path] = {"ko": ko, "en": en, "time_ratio": time_ratio, "length_ratio": text_ratio,
                                            "flagged": flag}

                def ms(runs):
                    t = [r["layout_style_ms"] for r in runs]
                    return f"{statistics.median(t):.0f} ({min(t):.0f}-{max(t):.0f})"

                pair = lambda k: f"{median(ko, k):.0f}|{median(en, k):.0f}"  # noqa: E731
                print(f"/{path:<39} {ms(ko):>20} {ms(en):>16} {pair('layouts'):>9} {pair('elements'):>11} "
                      f"{pair('chars'):>13} {time_ratio:>5.2f} {text_ratio:>6.2f}"
                      + ("  FLAG: slower than its length" if flag else ""))
            browser.close()
    raw["conditions"]["load_after"] = os.getloadavg()
    raw["flagged"] = flagged
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2))
    print(f"time = ko/en layout+style time, length = ko/en page height; flagged when time > {TOLERANCE:g} x length; "
          f"{load_average()} at the end")
    if flagged:
        print(f"{len(flagged)} page(s) lay out slower in Korean than their length explains: {', '.join(flagged)}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
