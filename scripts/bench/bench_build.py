#!/usr/bin/env python3
"""Benchmark a clean build of the whole site (both languages).

Builds with `python -m mkdocs build` into a fresh temporary folder RUNS times
and prints the minimum and median wall-clock time, the number of pages built
(index.html files, both languages) and pages per second at the median.
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="number of clean builds (default 3)")
    args = ap.parse_args(argv)
    times, pages = [], 0
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", tmp], cwd=ROOT,
                               capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if r.returncode:
                print(f"mkdocs build failed: {r.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return 1
            pages = sum(1 for _ in Path(tmp).rglob("index.html"))
    median = statistics.median(times)
    print(f"clean build: min {min(times):.2f} s, median {median:.2f} s over {args.runs} run(s); "
          f"{pages} pages, {pages / median:.1f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
