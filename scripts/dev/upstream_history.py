#!/usr/bin/env python3
"""Run the importer's invariants on every version of an upstream answers file in a git history.

REPO is a git directory (a bare mirror, or a clone's .git) or a clone URL (cloned with
--mirror, every ref, into a temporary folder removed afterwards). A version is the file's
content at a commit of any ref (git log --all) that touches PATH or a name PATH had before
a rename (git log --follow); commits with the same content are one version. Each version
is imported in memory (scripts/content/import_check.py: nothing written) and gets one line:

    BLOB DATE COMMIT [+N]: clean | refused: LINE: reason | K problem(s): first; second; ...

(DATE and COMMIT: the earliest commit holding it; +N: how many more do), then a summary
line. --save keeps each version (or --only some) as DIR/DATE-BLOB.md, with DIR/versions.txt
naming the commits of each, all or none. Exit status 0 when every version imports clean or
is refused with its one line, 1 otherwise or on bad input.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "content"))
import import_check  # noqa: E402
import split_readme  # noqa: E402


class Refused(Exception):
    pass


def git(repo: Path, *args: str) -> str:
    r = subprocess.run(["git", f"--git-dir={repo}", *args], capture_output=True)
    if r.returncode:
        why = (r.stderr.decode(errors="replace").strip().splitlines() or ["failed"])[-1]
        raise Refused(f"{repo}: git {args[0]}: {why}")
    return r.stdout.decode("utf-8", "replace")


def names(repo: Path, path: str) -> list[str]:
    """PATH and the names it had before, newest first."""
    out = [path]
    for name in git(repo, "log", "--all", "--follow", "--name-only", "--format=", "--", path).split("\n"):
        if name.strip() and name not in out:
            out.append(name)
    return out


def versions(repo: Path, path: str) -> list[dict]:
    """[{blob, name, commits: [(date, commit)] earliest first}] in the order of their first commit."""
    known = names(repo, path)
    commits = set(git(repo, "log", "--all", "--format=%H", "--", *known).split())
    commits |= set(git(repo, "log", "--all", "--follow", "--format=%H", "--", path).split())
    by_blob: dict[str, dict] = {}
    for c in commits:
        date = git(repo, "show", "-s", "--format=%cI", c).strip()
        found = git(repo, "ls-tree", "-z", c, "--", *known)  # "mode blob SHA\tname" for each name present
        present = dict(reversed(entry.split("\t", 1)) for entry in found.split("\0") if entry)
        name = next((n for n in known if n in present), None)
        if name is None:
            continue  # the commit deleted the file
        blob = present[name].split()[2]
        v = by_blob.setdefault(blob, {"blob": blob, "name": name, "commits": []})
        v["commits"].append((date, c))
    for v in by_blob.values():
        v["commits"].sort()
    return sorted(by_blob.values(), key=lambda v: v["commits"][0])


def save(repo: Path, found: list[dict], out: Path) -> None:
    """Each version as OUT/DATE-BLOB.md, and OUT/versions.txt saying where each comes from;
    all or none."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".upstream_history-", dir=out.parent))
    try:
        index = []
        for v in found:
            name = f"{v['commits'][0][0][:10]}-{v['blob'][:10]}.md"
            (stage / name).write_bytes(blob(repo, v["blob"]))
            index.append(f"{name}: {v['name']} at " + ", ".join(c for _, c in v["commits"]))
        (stage / "versions.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
        out.mkdir(exist_ok=True)
        for p in sorted(stage.iterdir()):
            os.replace(p, out / p.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def blob(repo: Path, sha: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={repo}", "cat-file", "blob", sha], capture_output=True,
                          check=True).stdout


def run(repo: Path, path: str, save_dir: Path | None, only: list[str], every: bool) -> int:
    git(repo, "rev-parse", "--git-dir")
    found = versions(repo, path)
    if not found:
        raise Refused(f"{repo}: no version of {path} in any ref")
    clean = refused = 0
    for v in found:
        date, commit = v["commits"][0]
        data = blob(repo, v["blob"])
        more = f" +{len(v['commits']) - 1}" if len(v["commits"]) > 1 else ""
        head = f"{v['blob'][:10]} {date[:10]} {commit[:10]}{more}"
        try:
            problems = import_check.check(data, Path(f"{commit[:10]}:{v['name']}"))
        except split_readme.InputError as e:
            refused += 1
            print(f"{head}: refused: {e.line}: {e.reason}")
            continue
        if not problems:
            clean += 1
            print(f"{head}: clean")
            continue
        print(f"{head}: {len(problems)} problem{'s' if len(problems) > 1 else ''}: " + "; ".join(problems if every else problems[:3])
              + ("" if every or len(problems) <= 3 else "; ..."))
    commits = sum(len(v["commits"]) for v in found)
    print(f"{len(found)} versions of {path} ({commits} commits): {clean} clean, {refused} refused, "
          f"{len(found) - clean - refused} with problems")
    if save_dir:
        chosen = [v for v in found if not only or any(v["blob"].startswith(b) for b in only)]
        missing = [b for b in only if not any(v["blob"].startswith(b) for v in found)]
        if missing:
            raise Refused(f"{repo}: no version of {path} is blob {missing[0]}; nothing saved")
        save(repo, chosen, save_dir)
    return 0 if clean + refused == len(found) else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo", help="a git directory, or a clone URL")
    ap.add_argument("--path", default="answers/3-deep-learning.md", help="the file (default: %(default)s)")
    ap.add_argument("--save", type=Path, metavar="DIR", help="also write every version into DIR")
    ap.add_argument("--only", type=lambda s: [b for b in s.split(",") if b], default=[], metavar="BLOB,...",
                    help="with --save: only these versions (the start of their blob's id, as printed)")
    ap.add_argument("--all-problems", action="store_true", help="every problem of a version, not the first three")
    args = ap.parse_args(argv)
    try:
        if Path(args.repo).exists() or not re.match(r"^(\w+://|[\w.-]+@[\w.-]+:)", args.repo):
            if not Path(args.repo).is_dir():
                raise Refused(f"{args.repo}: not a folder")
            return run(Path(args.repo), args.path, args.save, args.only, args.all_problems)
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run(["git", "clone", "--mirror", "--quiet", args.repo, f"{tmp}/repo"], capture_output=True,
                               text=True)
            if r.returncode:
                raise Refused(f"{args.repo}: cannot clone: {(r.stderr.strip().splitlines() or ['?'])[-1]}")
            return run(Path(tmp) / "repo", args.path, args.save, args.only, args.all_problems)
    except Refused as e:
        print(e, file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{getattr(e, 'filename', None) or args.save}: {e.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
