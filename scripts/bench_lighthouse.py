#!/usr/bin/env python3
"""Run Lighthouse (mobile preset) on the locally served site and print its scores.

Builds the site (or takes --site), serves it under /dl-interview/ on 127.0.0.1
and runs the `lighthouse` npm package (fetched by npx from the npm registry the
first time) with Debian's Chromium against the home page and a math-heavy
question page. Prints the four category scores beside the targets:
performance >= 95, accessibility, best practices and SEO = 100.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_subpath import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@13.5.0"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", default=["", "questions/06-overfitting/"],
                    help="paths under the site root (default: the home page and question 6)")
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None and subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                                                cwd=ROOT, capture_output=True).returncode:
            print("mkdocs build failed", file=sys.stderr)
            return 1
        print(f"{'page':<30} " + " ".join(f"{c:>16}" for c in TARGETS))
        failed = False
        with serve(site) as base:
            for path in args.pages:
                out = Path(tmp) / "report.json"
                r = subprocess.run(["npx", "--yes", LIGHTHOUSE, base + path, "--quiet", "--output=json",
                                    f"--output-path={out}", f"--chrome-flags={FLAGS}",
                                    "--only-categories=" + ",".join(TARGETS)],
                                   env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
                if r.returncode or not out.exists():
                    print(f"lighthouse failed on /{path}: {(r.stderr.strip().splitlines() or ['?'])[-1]}",
                          file=sys.stderr)
                    return 1
                report = json.loads(out.read_text())
                scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in TARGETS}
                failed |= any(scores[c] < TARGETS[c] for c in TARGETS)
                print(f"/{path:<29} " + " ".join(f"{scores[c]:>9} (>={TARGETS[c]:>3})" for c in TARGETS))
                for c in TARGETS:  # what keeps a category below its target
                    if scores[c] < TARGETS[c]:
                        refs = report["categories"][c]["auditRefs"]
                        low = [a["id"] for a in refs if a.get("weight") and
                               (report["audits"][a["id"]].get("score") or 0) < 0.9]
                        print(f"    {c}: {', '.join(low[:8])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
