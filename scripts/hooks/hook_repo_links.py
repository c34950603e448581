"""MkDocs hook: links to files of the repository that are not pages.

A page writes `[CONTRIBUTING.md](repo:CONTRIBUTING.md)`; the built page links to
that file on the repository's host (`repo_url` + /blob/main/), which the deploy
workflow sets from REPO_URL. A relative link would leave the docs folder and
fail `mkdocs build --strict`.

Listed under `hooks:` in mkdocs.yml; not a command.
"""
import re

import hook_common

REPO_LINK = re.compile(r"\]\(repo:([^)\s]+)\)")


def on_page_markdown(markdown, page, config, files):
    base = (config.repo_url or "").rstrip("/")
    return REPO_LINK.sub(lambda m: f"]({base}/blob/main/{m.group(1)})", markdown)


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
