"""MkDocs hooks (mkdocs.yml `hooks:`): two small build-time adjustments.

1. mkdocs-static-i18n warns, whenever navigation.instant is on, that Material's
   language switcher cannot land on the same page. docs/javascripts/language.js
   fixes exactly that (tested in tests/test_browser.py), so this one message is
   dropped; every other warning still fails `mkdocs build --strict`.
2. An English page that is behind its Korean page (scripts/translations.py)
   shows a banner saying so.
"""
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import translations  # noqa: E402


class _DropInstantWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_DropInstantWarning())

BEHIND = ('!!! warning "Translation behind the Korean page"\n'
          "    The Korean page has changed since this English text was written; "
          "it may be missing something (the language menu leads to the Korean page).\n\n")


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.startswith("en/") or src == "en/index.md":
        return markdown
    docs = Path(config.docs_dir)
    ko, en = docs / "ko" / src[3:], docs / src
    if ko.exists() and translations.status(ko, en) != "current":
        return BEHIND + markdown
    return markdown
