"""What the tests know of the seed README: its questions and sub-questions."""
import re
from pathlib import Path

SEED = Path(__file__).resolve().parent / "fixtures" / "seed-readme.md"
ENTRY = re.compile(r"^\s*- \[(.+)\]\(#(\d+(?:-\d+)?)\)\s*$", re.M)


def toc() -> dict[str, str]:
    """anchor ('12' or '12-1') -> title, in the order of the table of contents."""
    return {a: t for t, a in ENTRY.findall(SEED.read_text(encoding="utf-8"))}


def questions() -> list[int]:
    return [int(a) for a in toc() if "-" not in a]


def subs(n: int) -> list[str]:
    return [a for a in toc() if a.startswith(f"{n}-")]
