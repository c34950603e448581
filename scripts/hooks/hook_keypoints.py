"""MkDocs hook: each item's key points (front matter `keypoints:`, read by
scripts/content/keypoints.py) shown right under its short answer as
"핵심 포인트" / "Key points": the short answer and its key points are the
answer a reader rehearses. Each point is an <li data-keypoint="k1">, for
practice mode and the tests. Malformed key points fail the build (FILE:LINE).
"""
import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common
from hook_common import keypoints, translations

TITLE = {"ko": "핵심 포인트", "en": "Key points"}
SHORT = re.compile(r'^!!! abstract "(?:한 줄 답|Short answer)"[^\n]*\n(?:(?:[ ]{4}[^\n]*|[ \t]*)\n)*', re.M)
SUB = re.compile(r"^##[ \t]+.*\{#(\d+-\d+)\}[ \t]*$", re.M)


def block(points: list[dict], lang: str) -> str:
    items = "\n".join(f'<li data-keypoint="{p["id"]}" markdown="span">{html.escape(p["text"], quote=False)}</li>'
                      for p in points)
    return (f'<div class="admonition keypoints" markdown="block">\n'
            f'<p class="admonition-title">{TITLE[lang]}</p>\n<ul>\n{items}\n</ul>\n</div>\n\n')


def on_page_markdown(markdown, page, config, files):
    src = page.file.abs_src_path
    if src is None or "/questions/" not in page.file.src_uri:
        return markdown
    try:
        items = keypoints.load(Path(src))
    except translations.PageError as e:
        raise PluginError(str(e)) from None
    if not items:
        return markdown
    lang = "en" if page.file.src_uri.startswith("en/") else "ko"
    number = page.file.name.split("-")[0].lstrip("0") or "0"
    # where each item starts: the question at the top, each sub-question at its heading
    starts = {number: 0} | {m[1]: m.start() for m in SUB.finditer(markdown)}
    inserts = []
    for item, points in items.items():
        if item not in starts:
            raise PluginError(f"{translations.shown(Path(src))}:{points[0]['line']}: keypoints: "
                              f"no item {item} on this page")
        m = SHORT.search(markdown, starts[item])
        following = [s for s in starts.values() if s > starts[item]]
        if not m or (following and m.start() > min(following)):
            raise PluginError(f"{translations.shown(Path(src))}:{points[0]['line']}: keypoints: "
                              f"item {item} has no short answer to put them under")
        inserts.append((m.end(), block(points, lang)))
    for at, text in sorted(inserts, reverse=True):
        markdown = markdown[:at] + "\n" + text + markdown[at:]
    return markdown


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
