"""MkDocs hook: drop mkdocs-static-i18n's one warning about navigation.instant.

mkdocs-static-i18n warns, whenever navigation.instant is on, that Material's
language switcher cannot land on the same page. docs/javascripts/language.js
fixes exactly that (tested in tests/test_browser.py), so this one message is
dropped; every other warning still fails `mkdocs build --strict`.
"""
import logging

import hook_common


class _DropInstantWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_DropInstantWarning())

if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
