"""MkDocs hook: an English page behind its Korean page shows a banner saying so.

Whether it is behind is scripts/content/translations.py's verdict (the Korean revision
the English page records against the Korean page now).
"""
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common
from hook_common import translations

BEHIND = ('!!! warning "Translation behind the Korean page"\n'
          "    The Korean page has changed since this English text was written; "
          "it may be missing something (the language menu leads to the Korean page).\n\n")


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.startswith("en/") or page.file.abs_src_path is None:  # generated pages have no Korean source
        return markdown
    docs = Path(config.docs_dir)
    ko, en = docs / "ko" / src[3:], docs / src
    try:
        behind = ko.exists() and translations.status(ko, en) != "current"
    except translations.PageError as e:
        raise PluginError(str(e)) from None
    if not behind:
        return markdown
    # after the H1: MkDocs takes the page title from a leading H1
    m = re.search(r"^# .*\n", markdown, re.M)
    cut = m.end() if m else 0
    return markdown[:cut] + "\n" + BEHIND + markdown[cut:]


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
