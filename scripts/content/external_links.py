#!/usr/bin/env python3
"""List the external links of the pages, grouped by host, for a maintainer to check online.

Reads every Markdown page under docs/ (links `[text](https://…)` and bare
`<https://…>`). With --check, exits 1 if any link is not a well-formed https
URL (this machine has no network: form is checked here, reachability by a
person or a link checker run online on the printed list).
"""
import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(\s*<?([a-zA-Z][a-zA-Z0-9+.-]*:[^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)|<(https?://[^>\s]+)>")


def links(docs: Path):
    """Yield (file, line number, url) for every link with a scheme, outside code blocks."""
    for path in sorted(docs.rglob("*.md")):
        fence = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*(```|~~~)", line):
                fence = not fence
            if fence:
                continue
            for m in LINK.finditer(line):
                if not (m[1] or "").startswith("repo:"):  # a repository file (scripts/hooks/hook_repo_links.py)
                    yield path, n, m[1] or m[2]


def problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "not https"
    if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", parts.netloc.lower()):
        return "malformed host"
    if re.search(r"\s", url):
        return "white space in URL"
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: ./docs)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a link is not a well-formed https URL")
    args = ap.parse_args(argv)
    hosts, bad, total = defaultdict(set), [], 0
    for path, n, url in links(args.docs):
        total += 1
        hosts[urlsplit(url).netloc].add(url)
        why = problem(url)
        if why:
            bad.append(f"{path.relative_to(args.docs.parent)}:{n}: {why}: {url}")
    try:
        for host in sorted(hosts):
            print(f"{host} ({len(hosts[host])})")
            for url in sorted(hosts[host]):
                print(f"    {url}")
        print(f"{total} external link{'s' * (total != 1)} on {len(hosts)} host{'s' * (len(hosts) != 1)}")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (`| head`): not a failure of this script
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
    for line in bad:
        print(line, file=sys.stderr)
    return 1 if args.check and bad else 0


if __name__ == "__main__":
    sys.exit(main())
