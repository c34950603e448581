#!/usr/bin/env python3
"""Run Lighthouse (mobile preset) on the locally served site and print its scores.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and runs the `lighthouse` npm package (fetched by npx from the npm registry the
first time) with Debian's Chromium against the home page and a math-heavy
question page. Prints the median of --runs runs of the four category scores
beside the targets: performance >= 95, accessibility, best practices and SEO
= 100 (single performance scores vary by several points from run to run on a
busy machine), and the lowest and highest performance score seen.

Korean pages need a Korean font on the machine, as every reader's phone has:
without one, Chromium searches its fallback fonts for each Hangul syllable and
layout takes several times longer (Debian: apt-get install fonts-noto-cjk).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import CHROMIUM  # noqa: E402
from serve_subpath import built_site, serve  # noqa: E402  (scripts/dev/: bench_pages put it on the path)

LIGHTHOUSE = "lighthouse@13.5.0"
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def run_lighthouse(url: str, out: Path):
    """One Lighthouse run; its JSON report, or None (after saying why) if it failed."""
    r = subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json",
                        f"--output-path={out}", f"--chrome-flags={FLAGS}",
                        "--only-categories=" + ",".join(TARGETS)],
                       env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if r.returncode or not out.exists():
        print(f"lighthouse failed on {url}: {(r.stderr.strip().splitlines() or ['?'])[-1]}", file=sys.stderr)
        return None
    report = json.loads(out.read_text())
    out.unlink()
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", default=["", "questions/06-overfitting/"],
                    help="paths under the site root (default: the home page and question 6)")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default 3)")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    fonts = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True).stdout if shutil.which("fc-list") else "?"
    if not fonts.strip():
        print("warning: no Korean font on this machine: Korean pages will score lower than on a reader's "
              "phone (apt-get install fonts-noto-cjk)", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp, built_site(args.site) as site:
        print(f"{'page':<30} " + " ".join(f"{c:>16}" for c in TARGETS) + "  performance range")
        failed = False
        with serve(site) as base:
            for path in args.pages:
                reports = []
                for _ in range(args.runs):
                    report = run_lighthouse(base + path, Path(tmp) / "report.json")
                    if report is None:
                        return 1
                    reports.append(report)
                runs = {c: [round(100 * (r["categories"][c]["score"] or 0)) for r in reports] for c in TARGETS}
                scores = {c: round(statistics.median(v)) for c, v in runs.items()}
                failed |= any(scores[c] < TARGETS[c] for c in TARGETS)
                print(f"/{path:<29} " + " ".join(f"{scores[c]:>9} (>={TARGETS[c]:>3})" for c in TARGETS)
                      + f"  {min(runs['performance'])}-{max(runs['performance'])}")
                report = reports[0]
                for c in TARGETS:  # what keeps a category below its target (first run)
                    if scores[c] < TARGETS[c]:
                        refs = report["categories"][c]["auditRefs"]
                        low = [a["id"] for a in refs if a.get("weight") and
                               (report["audits"][a["id"]].get("score") or 0) < 0.9]
                        print(f"    {c}: {', '.join(low[:8])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
