"""The benchmark scripts run (their figures go in notes and the README, not in tests)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from errors import one_error

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["bench_build.py", "bench_pages.py", "bench_lighthouse.py", "bench_layout.py",
                                    "bench_math_output.py"])
def test_help(script):
    r = subprocess.run([sys.executable, f"scripts/bench/{script}", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "usage:" in r.stdout


def test_build_benchmark_reports_pages_per_second():
    r = subprocess.run([sys.executable, "scripts/bench/bench_build.py", "--runs", "1"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    m = re.search(r"(\d+) pages, ([\d.]+) pages/s", r.stdout)
    assert m and int(m[1]) >= 40 and float(m[2]) > 0


def bench(script, *args):
    return subprocess.run([sys.executable, f"scripts/bench/{script}", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_lighthouse_all_is_every_page_of_both_languages(site):
    """--all finds the pages in the built site: every question of docs/ko/ and docs/en/, and
    the home, about, glossary, practice and tag pages of each language."""
    r = bench("bench_lighthouse.py", "--all", "--list", "--site", str(site))
    assert r.returncode == 0, r.stderr
    listed = [line for line in r.stdout.splitlines() if line.startswith("/")]
    fixed = ["", "about/", "glossary/", "practice/", "tags/"]
    expected = []
    for lang, prefix in (("ko", ""), ("en", "en/")):
        expected += [f"/{prefix}{p}" for p in fixed]
        sources = sorted((ROOT / "docs" / lang / "questions").glob("*.md"))
        expected += [f"/{prefix}questions/{md.stem}/" for md in sources]
    assert listed == expected
    assert len(expected) >= 2 * (5 + 20)
    assert re.match(rf"{len(expected)} page\(s\) x 3 run\(s\), one at a time: about \d+ min", r.stdout)


def test_byte_targets_are_the_home_page_and_four_questions_in_both_languages(site):
    from bench_pages import target, target_pages
    pages = target_pages(site)
    assert [p.split("-")[0] for p in pages] == ["", "questions/06", "questions/13", "questions/16", "questions/20",
                                                "en/", "en/questions/06", "en/questions/13", "en/questions/16",
                                                "en/questions/20"]
    assert all((site / p / "index.html").is_file() for p in pages)
    assert [target(p) for p in pages] == [80_000] + [150_000] * 4 + [80_000] + [150_000] * 4
    assert target("questions/12-relu-vs-sigmoid/") is None and target("en/glossary/") is None


@pytest.mark.parametrize("script", ["bench_lighthouse.py", "bench_pages.py", "bench_layout.py"])
def test_a_page_not_in_the_site_is_one_line(site, script):
    """Chromium would measure the 404 page instead: refused before anything runs."""
    assert one_error(bench(script, "--site", str(site), "questions/99-nothing/")) == \
        f"{site / 'questions/99-nothing'}: not a page of the built site"


def test_lighthouse_runs_one_at_a_time():
    assert one_error(bench("bench_lighthouse.py", "--jobs", "2")) == \
        "--jobs: only 1: overlapping Lighthouse runs on 2 cores slow each other down"
