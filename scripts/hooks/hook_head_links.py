"""MkDocs hook: no <link rel="alternate" hreflang> in a page's <head>.

For each such link Material fetches <href>/sitemap.xml (its language switcher
expects one link per language root), and mkdocs-static-i18n makes them per
page, so every page would request sitemaps that do not exist. Every page's
hreflang pairs are in sitemap.xml; the language menu is unchanged
(docs/javascripts/language.js).
"""
import re

import hook_common

HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def on_post_page(output, page, config):
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


def on_post_template(output_content, template_name, config):
    return on_post_page(output_content, None, config)  # 404.html


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
