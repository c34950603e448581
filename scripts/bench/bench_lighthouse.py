#!/usr/bin/env python3
"""Run Lighthouse (mobile preset) on the locally served site and print its scores.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and runs the `lighthouse` npm package (fetched by npx from the npm registry the
first time) with Debian's Chromium, --runs times on each page: the home page
and a math-heavy question page, the pages given, or with --all every page of
both languages found in the built site (home, about, glossary, practice, tags,
each folder under questions/). One row per page: the median and range of the
performance score, the medians of the other three categories, and the medians
of total blocking time and largest contentful paint, the metrics that explain
a low performance score. Then a summary: the pages below target, the worst
run, failed runs.

Targets (issue 17): performance median >= 98 and no run below 95;
accessibility, best practices and SEO 100 (medians). The exit status is 1 if a
page misses one or a run fails. Runs are one at a time (--jobs 1 only): on a
2-core machine overlapping runs slow each other down and the scores mean
nothing. --json FILE writes every run's figures, rewritten after each page.

Korean pages need a Korean font on the machine, as every reader's phone has:
without one, Chromium searches its fallback fonts for each Hangul syllable and
layout takes several times longer (Debian: apt-get install fonts-noto-cjk).
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import CHROMIUM, PageError, bad_paths, check_pages, load_average, site_pages  # noqa: E402
from serve_subpath import built_site, serve  # noqa: E402  (scripts/dev/: bench_pages put it on the path)

LIGHTHOUSE = "lighthouse@13.5.0"
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}  # of the median
PERFORMANCE_FLOOR = 95  # no single run below
METRICS = {"tbt": "total-blocking-time", "lcp": "largest-contentful-paint", "fcp": "first-contentful-paint",
           "si": "speed-index", "cls": "cumulative-layout-shift"}
SECONDS_PER_RUN = 17  # one run, npx's start included, on the 2-core development machine: for the estimate only
DEFAULT_PAGES = ["", "questions/06-overfitting/"]


def run_lighthouse(url: str, out: Path):
    """One Lighthouse run: (its JSON report, None), or (None, why it failed)."""
    r = subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json",
                        f"--output-path={out}", f"--chrome-flags={FLAGS}",
                        "--only-categories=" + ",".join(TARGETS)],
                       env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if r.returncode or not out.exists():
        return None, (r.stderr.strip().splitlines() or ["?"])[-1]
    report = json.loads(out.read_text())
    out.unlink()
    return report, None


def figures(report: dict) -> dict:
    """What one run says: scores, metrics (ms; CLS unitless), the audits that pull each category down."""
    low = {}
    for c in TARGETS:  # weighted audits short of a full score, the costliest first
        refs = [(a["id"], a["weight"], report["audits"][a["id"]].get("score") or 0)
                for a in report["categories"][c]["auditRefs"] if a.get("weight")]
        low[c] = [[i, s] for i, w, s in sorted(refs, key=lambda r: -r[1] * (1 - r[2])) if s < 1]
    return {"scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in TARGETS},
            "metrics": {k: report["audits"][a].get("numericValue") for k, a in METRICS.items()},
            "low_audits": low, "benchmark_index": report["environment"].get("benchmarkIndex"),
            "warnings": report.get("runWarnings", [])}


def summarize(runs: list) -> dict:
    """Medians over a page's runs, and the targets it misses."""
    perf = [r["scores"]["performance"] for r in runs]
    medians = {c: statistics.median(r["scores"][c] for r in runs) for c in TARGETS}
    metrics = {k: statistics.median(r["metrics"][k] for r in runs) for k in ("tbt", "lcp")}
    misses = [f"{c} median {medians[c]:g} < {t}" for c, t in TARGETS.items() if medians[c] < t]
    if min(perf) < PERFORMANCE_FLOOR:
        misses.append(f"a performance run at {min(perf)} < {PERFORMANCE_FLOOR}")
    return {"medians": medians, "performance_range": [min(perf), max(perf)], "metrics_median_ms": metrics,
            "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", help="paths under the site root (default: the home page and question 6)")
    ap.add_argument("--all", action="store_true", help="every page of both languages, found in the built site")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default 3)")
    ap.add_argument("--jobs", type=int, default=1, help="runs at a time: 1, the only value allowed (see above)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every run's figures to FILE")
    ap.add_argument("--list", action="store_true", help="print the pages and the time estimate; run nothing")
    args = ap.parse_args(argv)
    if args.runs < 1:
        print("--runs: must be at least 1", file=sys.stderr)
        return 1
    if args.jobs != 1:
        print("--jobs: only 1: overlapping Lighthouse runs on 2 cores slow each other down", file=sys.stderr)
        return 1
    if args.all and args.pages:
        print("give pages or --all, not both", file=sys.stderr)
        return 1
    if error := bad_paths(args.site, args.json):
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, built_site(args.site) as site:
        try:
            pages = site_pages(site) if args.all else args.pages or DEFAULT_PAGES
            check_pages(site, pages)
        except PageError as e:
            print(e, file=sys.stderr)
            return 1
        estimate = len(pages) * args.runs * SECONDS_PER_RUN
        about = f"{estimate / 60:.0f} min" if estimate >= 90 else f"{estimate} s"
        print(f"{len(pages)} page(s) x {args.runs} run(s), one at a time: about {about} "
              f"({SECONDS_PER_RUN} s a run); {load_average()}")
        if args.list:
            print("\n".join("/" + p for p in pages))
            return 0
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
            return 1
        fonts = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True).stdout \
            if shutil.which("fc-list") else "?"
        if not fonts.strip():
            print("warning: no Korean font on this machine: Korean pages will score lower than on a reader's "
                  "phone (apt-get install fonts-noto-cjk)", file=sys.stderr)
        raw = {"conditions": {"lighthouse": LIGHTHOUSE, "chromium": CHROMIUM, "runs": args.runs,
                              "started": datetime.datetime.now().isoformat(timespec="seconds"),
                              "load_before": os.getloadavg()},
               "targets": {**TARGETS, "performance_floor": PERFORMANCE_FLOOR}, "pages": {}}
        start = time.monotonic()
        print(f"{'page':<42} {'perf':>4} {'range':>7} {'a11y':>4} {'b.p.':>4} {'seo':>4} {'TBT ms':>7} "
              f"{'LCP ms':>7}  verdict")
        with serve(site) as base:
            for path in pages:
                runs, failures = [], []
                for _ in range(args.runs):
                    t0 = time.monotonic()
                    report, why = run_lighthouse(base + path, Path(tmp) / "report.json")
                    if report is None:
                        failures.append(why)
                        print(f"lighthouse failed on /{path}: {why}", file=sys.stderr)
                        continue
                    runs.append({**figures(report), "seconds": round(time.monotonic() - t0, 1)})
                page = {"runs": runs, "failures": failures, **(summarize(runs) if runs else {"misses": []})}
                if failures:
                    page["misses"].append(f"{len(failures)} run(s) of {args.runs} failed")
                if runs:
                    m, (lo, hi), t = page["medians"], page["performance_range"], page["metrics_median_ms"]
                    verdict = "; ".join(page["misses"]) or "ok"
                    print(f"/{path:<41} {m['performance']:>4g} {f'{lo}-{hi}':>7} {m['accessibility']:>4g} "
                          f"{m['best-practices']:>4g} {m['seo']:>4g} {t['tbt']:>7.0f} {t['lcp']:>7.0f}  {verdict}")
                    for c in TARGETS:  # what keeps a category below its target, in its worst run
                        worst = min(runs, key=lambda r: r["scores"][c])
                        if worst["scores"][c] < TARGETS[c]:
                            print(f"    {c} {worst['scores'][c]}: "
                                  + ", ".join(f"{i} {s:.2f}" for i, s in worst["low_audits"][c][:6]))
                else:
                    print(f"/{path:<41} every run failed")
                raw["pages"]["/" + path] = page
                if args.json:  # after each page, so a long run interrupted keeps what it measured
                    args.json.write_text(json.dumps(raw, indent=2))
    below = {p: r["misses"] for p, r in raw["pages"].items() if r["misses"]}
    allruns = [(r["scores"]["performance"], r["metrics"], p) for p, pg in raw["pages"].items() for r in pg["runs"]]
    raw["conditions"]["load_after"] = os.getloadavg()
    raw["conditions"]["minutes"] = round((time.monotonic() - start) / 60, 1)
    raw["summary"] = {"below_target": below}
    print(f"\n{len(raw['pages'])} page(s), {len(allruns)} run(s) in {raw['conditions']['minutes']} min; "
          f"{load_average()} at the end")
    if allruns:
        score, metrics, p = min(allruns, key=lambda r: r[0])
        raw["summary"]["worst_run"] = {"page": p, "performance": score, "metrics": metrics}
        print(f"worst run: {p} performance {score} (TBT {metrics['tbt']:.0f} ms, LCP {metrics['lcp']:.0f} ms)")
    if below:
        print(f"{len(below)} page(s) below target:")
        for p, m in below.items():
            print(f"  {p}: {'; '.join(m)}")
    else:
        print(f"every page meets the targets (performance median >= {TARGETS['performance']}, no run below "
              f"{PERFORMANCE_FLOOR}; accessibility, best practices, SEO 100)")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
