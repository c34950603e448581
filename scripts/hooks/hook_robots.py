"""MkDocs hook: robots.txt, pointing at the sitemap of the site's own URL.

One file at the site's root (the sitemap lists every page of both languages
with its hreflang pairs).
"""
from pathlib import Path

import hook_common


def on_post_build(config):
    if not hook_common.default_language(config):
        return
    sitemap = (config.site_url or "/").rstrip("/") + "/sitemap.xml"
    Path(config.site_dir, "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
