"""What the tests know of the seed README (its questions and sub-questions), and of the site's
question pages, which are the seed's questions plus any a contributor adds (CONTRIBUTING.md)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed-readme.md"
ENTRY = re.compile(r"^\s*- \[(.+)\]\(#(\d+(?:-\d+)?)\)\s*$", re.M)


def toc() -> dict[str, str]:
    """anchor ('12' or '12-1') -> title, in the order of the table of contents."""
    return {a: t for t, a in ENTRY.findall(SEED.read_text(encoding="utf-8"))}


def questions() -> list[int]:
    return [int(a) for a in toc() if "-" not in a]


def subs(n: int) -> list[str]:
    return [a for a in toc() if a.startswith(f"{n}-")]


def number(page: Path) -> int:
    """questions/NN-slug.md or questions/NN-slug/ -> NN (two or three digits)."""
    return int(page.name.split("-", 1)[0])


def site_questions() -> list[int]:
    """The question numbers of the site's pages, from docs/ko/questions (the source of truth)."""
    return sorted(number(p) for p in (ROOT / "docs" / "ko" / "questions").glob("*.md"))


def unused_question() -> int:
    """A question number no page on disk has, for a test's temporary page (a new real page
    never collides with it)."""
    return max(site_questions()) + 1
