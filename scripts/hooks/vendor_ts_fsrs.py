#!/usr/bin/env python3
"""Copy ts-fsrs's browser build from node_modules into docs/assets/ts-fsrs/.

The practice page (docs/javascripts/practice.js) schedules reviews with
ts-fsrs (MIT). Its UMD build is committed under docs/assets/ts-fsrs/, like
MathJax under docs/assets/mathjax/, so that building and serving the site
needs no Node and no network; the copy keeps the package's MIT licence as a
header comment (the dist file carries none) and drops the source-map comment
(the map is not shipped). Run after `npm ci` whenever package.json changes the
pinned version; --check (used by the tests) exits 1 when the committed copy
differs from what node_modules would give.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "node_modules" / "ts-fsrs"
OUT = ROOT / "docs" / "assets" / "ts-fsrs" / "ts-fsrs.umd.js"


def build(pkg: Path) -> str:
    meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
    licence = (pkg / "LICENSE").read_text(encoding="utf-8").strip()
    body = (pkg / "dist" / "index.umd.js").read_text(encoding="utf-8")
    body = "\n".join(line for line in body.splitlines() if not line.startswith("//# sourceMappingURL="))
    header = (f"/*! ts-fsrs {meta['version']} ({meta['license']}), {meta['homepage']}\n"
              "   Copied from its npm package by scripts/hooks/vendor_ts_fsrs.py: do not edit.\n\n"
              + licence.replace("*/", "* /") + "\n*/\n")
    return header + body.rstrip("\n") + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed copy is out of date; write nothing")
    args = ap.parse_args(argv)
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"].get("ts-fsrs")
    try:
        have = json.loads((PKG / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        print(f"{PKG}: not installed; run `npm ci`", file=sys.stderr)
        return 1
    if have != wanted:
        print(f"{PKG}: version {have}, package.json pins {wanted}; run `npm ci`", file=sys.stderr)
        return 1
    text = build(PKG)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)}: out of date; run python scripts/hooks/vendor_ts_fsrs.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"ts-fsrs {have} -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
