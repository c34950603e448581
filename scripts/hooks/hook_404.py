"""MkDocs hook: each language's 404 page at its own place.

Every language's build renders 404.html to the site's root: the default
language's stays there, the others go beside their pages (en/404.html), where
the root one loads them for addresses in their language (overrides/404.html).
GitHub Pages serves the root 404.html for every missing address.
"""
from pathlib import Path

import hook_common


def on_post_template(output_content, template_name, config):
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and i18n.current_language != i18n.default_language:
        out = Path(config.site_dir, i18n.current_language, template_name)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(output_content, encoding="utf-8")
        return ""  # MkDocs writes nothing for an empty template
    return output_content


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
