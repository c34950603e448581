"""MkDocs hook: each page's <meta name="description"> comes from its short answer.

So its link previews and search-engine snippet say what the page answers, not
the site's generic line. Without a short answer: the first real paragraph
outside notices, else the question.
"""
import html as htmlmod
import re

import hook_common

SHORT = re.compile(r'<div class="admonition abstract">\s*<p class="admonition-title">(?:한 줄 답|Short answer)</p>'
                   r'(.*?)</div>', re.S)
PARA = re.compile(r"<p>(.*?)</p>", re.S)


def _text(fragment: str, limit: int = 160) -> str:
    text = re.sub(r"<[^>]+>", "", fragment)
    text = htmlmod.unescape(re.sub(r"\\[()\[\]]", "", text))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    # Templates print page.meta.description inside an attribute as it is
    # (MkDocs' Jinja does not autoescape), so quotes must arrive escaped.
    return htmlmod.escape(text, quote=True)


def on_page_content(html, page, config, files):
    if page.meta.get("description"):
        return html
    m = SHORT.search(html)
    if m:
        page.meta["description"] = _text(m[1])
    else:
        body = re.sub(r'<div class="admonition.*?</div>', "", html, flags=re.S)
        paras = [_text(p) for p in PARA.findall(body)]
        page.meta["description"] = next((p for p in paras if len(p) >= 40), None) or _text(page.title or "")
    return html


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
