"""Key points of a question page: the 3-6 things an interviewer listens for in the
answer to each item (the question, each sub-question), kept in the page's front
matter under `keypoints:` (CONTRIBUTING.md, "Key points").

    keypoints:
      "12":                       # the item: the question's number, or a sub-question id
        - id: k1
          text: one short line, the point itself
          evidence: [기울기 소실, "1/4"]   # words that show the point in an answer

Run as a command it prints each page's key points, or `FILE:LINE: reason` for
the first thing wrong in each page and exit status 1. The build renders them
under each item's short answer (scripts/hooks/hook_keypoints.py).
"""
import argparse
import re
import sys
from pathlib import Path

import yaml

from translations import PageError, front_matter, read, shown

ROOT = Path(__file__).resolve().parents[2]
ITEM = re.compile(r"\d+(?:-\d+)?$")
POINT_ID = re.compile(r"k[1-9]$")
FIELDS = {"id", "text", "evidence"}


def _line(node) -> int:
    return node.start_mark.line + 2  # the YAML starts on the file's line 2


def load(path: Path) -> dict[str, list[dict]]:
    """{item id: [{id, text, evidence}, ...]} in the page's order; {} for a page without
    key points. PageError (`FILE:LINE: reason`) for anything malformed."""
    text = read(path)
    m = front_matter(text, path)
    if not m:
        return {}
    root = yaml.compose(m[1])
    entry = next(((k, v) for k, v in root.value if k.value == "keypoints"), None) if root else None
    if entry is None:
        return {}
    key, items = entry

    def fail(node, why):
        raise PageError(f"{shown(path)}:{_line(node)}: keypoints: {why}")

    if not isinstance(items, yaml.MappingNode):
        fail(key, "a mapping of items (\"12\", \"12-1\") to lists of points")
    out = {}
    for item, points in items.value:
        name = str(item.value)
        if not ITEM.match(name):
            fail(item, f"{name!r} is not a question number or sub-question id")
        if name in out:
            fail(item, f"item {name} twice")
        if not isinstance(points, yaml.SequenceNode) or not 3 <= len(points.value) <= 6:
            fail(item, f"item {name} needs a list of 3 to 6 points")
        out[name] = []
        for i, point in enumerate(points.value, 1):
            if not isinstance(point, yaml.MappingNode):
                fail(point, f"item {name}, point {i}: id, text and evidence")
            fields = {k.value: v for k, v in point.value}
            if set(fields) != FIELDS:
                fail(point, f"item {name}, point {i}: fields are {', '.join(sorted(FIELDS))}, got {', '.join(sorted(fields))}")
            pid, words, evidence = fields["id"].value, fields["text"].value, fields["evidence"]
            if pid != f"k{i}":
                fail(fields["id"], f"item {name}: point {i} must be k{i}, not {pid!r}")
            if not isinstance(words, str) or not words.strip():
                fail(fields["text"], f"item {name}, {pid}: text is empty")
            if not isinstance(evidence, yaml.SequenceNode) or not evidence.value or \
                    not all(isinstance(e, yaml.ScalarNode) and str(e.value).strip() for e in evidence.value):
                fail(evidence, f"item {name}, {pid}: evidence is a non-empty list of words or phrases")
            out[name].append({"id": pid, "text": words.strip(), "evidence": [str(e.value) for e in evidence.value],
                              "line": _line(point)})
    return out


def pages(lang: str) -> list[Path]:
    return sorted((ROOT / "docs" / lang / "questions").glob("*.md"), key=lambda p: int(p.name.split("-")[0]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="*", type=Path, help="question pages (default: every page of both languages)")
    args = ap.parse_args(argv)
    bad = 0
    for path in args.pages or pages("ko") + pages("en"):
        try:
            items = load(path)
        except (PageError, OSError) as e:
            print(str(e) if isinstance(e, PageError) else f"{shown(path)}: {e.strerror}", file=sys.stderr)
            bad += 1
            continue
        for item, points in items.items():
            for p in points:
                print(f"{shown(path)}\t{item}\t{p['id']}\t{p['text']}\t{', '.join(p['evidence'])}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
