#!/usr/bin/env python3
"""Draw every figure of the site as a deterministic SVG.

The figures are drawn by the package scripts/content/figurelib/ (one module per
question, a shared style, and the registry FIGURES: file name -> function).
The functions compute what they show (real activation functions, real
statistics of seeded data, a real training run) instead of sketching it. The
output is byte-for-byte reproducible, so `--check` can tell whether the SVGs
under docs/assets/figures/ are what this script draws now.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from figurelib import FIGURES, PHONE  # noqa: E402
from figurelib.style import STYLE, phone_name, plt, save  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "docs" / "assets" / "figures"


def files(names: list[str]) -> list[str]:
    """The files drawn for these figures: each one's, and its phone layout's."""
    return [f for name in names for f in [name] + ([phone_name(name)] if name in PHONE else [])]


def generate(out: Path, names: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        for file, kwargs in [(name, {})] + ([(phone_name(name), {"phone": True})] if name in PHONE else []):
            with plt.rc_context(STYLE):
                save(FIGURES[name](**kwargs), out / file)
            written.append(out / file)
    return written


def check(out: Path, names: list[str]) -> list[str]:
    """Files of these figures that are missing in `out` or differ from a fresh drawing."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), names)
        stale = []
        for name in files(names):
            target = out / name
            if not target.is_file() or target.read_bytes() != (Path(tmp) / name).read_bytes():
                stale.append(name)
    return stale


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Draw every figure of the interview site from code, as deterministic "
                    "SVG files (white background, text kept as text). With --check, draw "
                    "them into a temporary directory instead and compare byte for byte "
                    "with the files in --out, writing nothing; exit 1 if any is missing "
                    "or differs.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output directory (default: {DEFAULT_OUT.relative_to(ROOT)} "
                             "in the repository)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --out instead of writing")
    parser.add_argument("--only", metavar="NAME", choices=sorted(FIGURES),
                        help="only this figure (file name, e.g. sigmoid.svg)")
    args = parser.parse_args(argv)
    names = [args.only] if args.only else list(FIGURES)

    if args.check:
        stale = check(args.out, names)
        for name in stale:
            state = "missing" if not (args.out / name).is_file() else "differs"
            print(f"{name}: {state}")
        if stale:
            print(f"{len(stale)} figure file(s) out of date; run scripts/content/figures.py", file=sys.stderr)
            return 1
        print(f"{len(files(names))} figure file(s) up to date")
        return 0

    for path in generate(args.out, names):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
