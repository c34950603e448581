"""MkDocs hook: each question page ends with a link to report a problem with its answer.

The link opens a new issue on the repository (repo_url) with the correction
form (.github/ISSUE_TEMPLATE/correction.yml), its title and the page's address
filled in. It is an ordinary link: nothing is requested until it is clicked.
"""
import re
from urllib.parse import urlencode

import hook_common

TEXT = {"ko": "이 답변의 문제 알리기", "en": "Report a problem with this answer"}
FORM = "correction.yml"
H1 = re.compile(r"^# (.+?)\s*$", re.M)
QUESTION = re.compile(r"(?:(ko|en)/)?questions/[^/]+\.md")


def issue_url(repo_url: str, title: str, address: str) -> str:
    query = urlencode({"template": FORM, "title": f"[{title}] ", "page": address})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def on_page_markdown(markdown, page, config, files):
    m = QUESTION.fullmatch(page.file.src_uri)
    h1 = H1.search(markdown)
    if not m or not h1 or not config.repo_url:
        return markdown
    lang = m[1] or "ko"
    url = issue_url(config.repo_url, h1[1], page.canonical_url or page.url)
    return markdown.rstrip("\n") + f'\n\n[{TEXT[lang]}]({url}){{ .report-problem rel="nofollow" }}\n'


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
