"""The repository's own documents: a short README that points to ARCHITECTURE.md and
BENCHMARKS.md, links that resolve, no counts that go stale, and the architecture's list of
hooks in step with mkdocs.yml."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "BENCHMARKS.md"]
# Counts of things the project grows (tests, cards, questions) go stale in prose; the
# benchmarks state theirs as measurement conditions, with a date.
STALE = re.compile(r"\b\d+ (?:tests|cards|questions|sub-questions)\b|(?:질문|카드|테스트) ?\d+ ?(?:개|장)")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_readme_is_short_and_points_to_the_rest():
    readme = text("README.md")
    assert len(readme.encode()) <= 8000, f"README.md is {len(readme.encode())} bytes: move design to ARCHITECTURE.md"
    for name in ("CONTRIBUTING.md", "ARCHITECTURE.md", "BENCHMARKS.md"):
        assert f"]({name})" in readme, f"README.md does not link {name}"


@pytest.mark.parametrize("name", DOCS)
def test_relative_links_resolve(name):
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text(name)):
        if re.match(r"[a-z]+:", target):
            continue
        assert (ROOT / target).exists(), f"{name}: link to {target}, which does not exist"


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md",
                                  "docs/ko/about.md", "docs/en/about.md"])
def test_no_count_that_goes_stale(name):
    hits = STALE.findall(text(name))
    assert not hits, f"{name}: {hits}: say it without the count, or let the build compute it"


def test_architecture_lists_the_hooks_in_build_order():
    listed = re.findall(r"^  - scripts/hooks/(hook_\w+\.py)", text("mkdocs.yml"), re.M)
    table = re.findall(r"^\| \d+ \| `(hook_\w+\.py)` \|", text("ARCHITECTURE.md"), re.M)
    assert table == listed, "ARCHITECTURE.md's table of hooks differs from mkdocs.yml's hooks:"
