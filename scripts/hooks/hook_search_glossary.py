"""MkDocs hook: the search's glossary (assets/javascripts/lunr/glossary.js).

Written from glossary.yml once per build, at the site's root; read by the Korean
search module that replaces the theme's
(overrides/assets/javascripts/lunr/min/lunr.ko.min.js).
"""
import json
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common
from hook_common import glossary


def on_post_build(config):
    if not hook_common.default_language(config):
        return
    try:
        data = glossary.search_data(glossary.load())
    except glossary.GlossaryError as e:
        raise PluginError(str(e))
    out = Path(config.site_dir, "assets", "javascripts", "lunr", "glossary.js")
    out.write_text("self.__glossary = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n",
                   encoding="utf-8")


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
