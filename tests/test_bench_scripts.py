"""The benchmark scripts run (their figures go in notes and the README, not in tests)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["bench_build.py", "bench_pages.py", "bench_lighthouse.py", "bench_math_output.py"])
def test_help(script):
    r = subprocess.run([sys.executable, f"scripts/bench/{script}", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "usage:" in r.stdout


def test_build_benchmark_reports_pages_per_second():
    r = subprocess.run([sys.executable, "scripts/bench/bench_build.py", "--runs", "1"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    m = re.search(r"(\d+) pages, ([\d.]+) pages/s", r.stdout)
    assert m and int(m[1]) >= 40 and float(m[2]) > 0
