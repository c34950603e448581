"""MkDocs hook: links to files of the repository that are not pages.

A page writes `[CONTRIBUTING.md](repo:CONTRIBUTING.md)`; the built page links to
that file on the repository's host (`repo_url` + /blob/main/), which the deploy
workflow sets from REPO_URL. A relative link would leave the docs folder and
fail `mkdocs build --strict`.

Listed under `hooks:` in mkdocs.yml; not a command.
"""
import re
import sys

REPO_LINK = re.compile(r"\]\(repo:([^)\s]+)\)")


def on_page_markdown(markdown, page, config, files):
    base = (config.repo_url or "").rstrip("/")
    return REPO_LINK.sub(lambda m: f"]({base}/blob/main/{m.group(1)})", markdown)


if __name__ == "__main__":
    import argparse
    argparse.ArgumentParser(prog="repo_links.py", description=__doc__.split("\n\n")[0],
                            epilog="Not a command: mkdocs.yml loads it (hooks:) when the site is built.").parse_args()
    sys.exit("repo_links.py is not a command: run `mkdocs build` or `mkdocs serve` (see --help)")
