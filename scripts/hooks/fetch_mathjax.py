#!/usr/bin/env python3
"""Fetch a pinned MathJax from the npm registry into docs/assets/mathjax/.

Uses `npm pack` (so the registry is whatever npm is configured with, and npm
checks the tarball's integrity), then copies only what the site loads: the
tex-chtml component, its woff2 fonts, the TeX extensions that autoload
fetches on demand, and the lazy-typesetting extension. The result is
committed, so building the site needs no network; run this only to change the
pinned version.
"""
import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "3.2.2"
ROOT = Path(__file__).resolve().parents[2]
KEEP = ["es5/tex-chtml.js", "es5/output/chtml/fonts/woff-v2", "es5/input/tex/extensions", "es5/ui/lazy.js",
        "LICENSE"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # not --version, which reads as "print this script's version"
    ap.add_argument("--mathjax-version", default=VERSION, metavar="VERSION",
                    help=f"the MathJax version to fetch (default {VERSION})")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "mathjax", help="target folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            name = subprocess.run(["npm", "pack", f"mathjax@{args.mathjax_version}", "--silent"], cwd=tmp,
                                  check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        except (OSError, subprocess.CalledProcessError) as e:
            print(f"npm pack mathjax@{args.mathjax_version} failed: {getattr(e, 'stderr', e)}", file=sys.stderr)
            return 1
        with tarfile.open(Path(tmp) / name) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        if args.out.exists():
            shutil.rmtree(args.out)
        for rel in KEEP:
            src, dest = pkg / rel, args.out / rel.removeprefix("es5/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if src.is_dir() else shutil.copyfile)(src, dest)
        (args.out / "VERSION").write_text(args.mathjax_version + "\n")
    print(f"MathJax {args.mathjax_version} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
