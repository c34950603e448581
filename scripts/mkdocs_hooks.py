"""MkDocs hooks (mkdocs.yml `hooks:`): small build-time steps.

1. mkdocs-static-i18n warns, whenever navigation.instant is on, that Material's
   language switcher cannot land on the same page. docs/javascripts/language.js
   fixes exactly that (tested in tests/test_browser.py), so this one message is
   dropped; every other warning still fails `mkdocs build --strict`.
2. An English page that is behind its Korean page (scripts/translations.py)
   shows a banner saying so.
3. Each page's <meta name="description"> (and so its link previews) comes from
   its short answer, not the site's generic line.
4. robots.txt, pointing at the sitemap of the site's own URL.
5. No <link rel="alternate" hreflang> in <head>: for each such link Material
   fetches <href>/sitemap.xml (its language switcher expects one link per
   language root), and mkdocs-static-i18n makes them per page, so every page
   would request sitemaps that do not exist. Every page's hreflang pairs are in
   sitemap.xml; the language menu is unchanged (docs/javascripts/language.js).
6. The search's glossary (assets/javascripts/lunr/glossary.js), from
   glossary.yml: read by the Korean search module that replaces the theme's
   (overrides/assets/javascripts/lunr/min/lunr.ko.min.js).
7. Formulas typeset at build time (scripts/prerender_math.mjs, MathJax in
   Node), so readers' browsers run no MathJax: after each language's build,
   that language's pages. Without Node or `npm ci` the build says so and the
   browser typesets them (docs/javascripts/mathjax.js); MATH_PRERENDER=0
   skips it on purpose, MATH_PRERENDER=1 (the deploy workflow) makes it a
   build error.
8. A page whose front matter MkDocs cannot read (`title: [unclosed`) fails the
   build with `FILE:LINE: reason`: MkDocs would publish the block as page text
   without a warning, even with --strict.
"""
import html as htmlmod
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import glossary  # noqa: E402
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
    try:
        # MkDocs strips the front matter it could read: a block still here is one it could not
        translations.front_matter(markdown, Path(page.file.abs_src_path))
        if not src.startswith("en/") or src == "en/index.md":
            return markdown
        docs = Path(config.docs_dir)
        ko, en = docs / "ko" / src[3:], docs / src
        behind = ko.exists() and translations.status(ko, en) != "current"
    except translations.PageError as e:
        raise PluginError(str(e)) from None
    if behind:
        # after the H1: MkDocs takes the page title from a leading H1
        m = re.search(r"^# .*\n", markdown, re.M)
        cut = m.end() if m else 0
        return markdown[:cut] + "\n" + BEHIND + markdown[cut:]
    return markdown


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
    else:  # no short answer yet: the first real paragraph outside notices, else the question
        body = re.sub(r'<div class="admonition.*?</div>', "", html, flags=re.S)
        paras = [_text(p) for p in PARA.findall(body)]
        page.meta["description"] = next((p for p in paras if len(p) >= 40), None) or _text(page.title or "")
    return html


ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.math")


def _prerender_math(config, lang: str, others: list[str]) -> None:
    site = Path(config.site_dir)
    top = site / lang if lang in others else site
    pages = [str(p) for p in sorted(top.glob("**/*.html"))
             if lang in others or p.relative_to(site).parts[0] not in others]
    node = shutil.which("node")
    mode = os.environ.get("MATH_PRERENDER")
    if mode == "0" or not pages:
        return
    if not node or not (ROOT / "node_modules" / "mathjax-full").is_dir():
        if mode == "1":
            raise PluginError("MATH_PRERENDER=1 but Node.js or node_modules/mathjax-full is missing (run `npm ci`)")
        log.info("formulas not typeset at build time (needs Node.js and `npm ci`): the browser typesets them")
        return
    r = subprocess.run([node, str(ROOT / "scripts" / "prerender_math.mjs"), str(site), f"chtml-{lang}.css", *pages],
                       capture_output=True, text=True)
    if r.returncode:
        raise PluginError("scripts/prerender_math.mjs failed:\n" + (r.stderr or r.stdout).strip())


def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        others = [lang.locale for lang in i18n.config.languages if not lang.default]
        _prerender_math(config, i18n.current_language, others)
    if i18n is not None and i18n.current_language != i18n.default_language:
        return  # one robots.txt and one glossary.js, at the site's root
    try:
        data = glossary.search_data(glossary.load())
    except glossary.GlossaryError as e:
        raise PluginError(str(e))
    out = Path(config.site_dir, "assets", "javascripts", "lunr", "glossary.js")
    out.write_text("self.__glossary = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n",
                   encoding="utf-8")
    sitemap = (config.site_url or "/").rstrip("/") + "/sitemap.xml"
    Path(config.site_dir, "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n",
                                                   encoding="utf-8")


HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def on_post_page(output, page, config):
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


def on_post_template(output_content, template_name, config):
    output = on_post_page(output_content, None, config)  # 404.html
    # Every language's build renders 404.html to the site's root: the default
    # language's stays there, the others go beside their pages (en/404.html),
    # where the root one loads them for addresses in their language
    # (overrides/404.html). MkDocs writes nothing for an empty template.
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and i18n.current_language != i18n.default_language:
        out = Path(config.site_dir, i18n.current_language, template_name)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(output, encoding="utf-8")
        return ""
    return output


if __name__ == "__main__":
    import argparse
    argparse.ArgumentParser(prog="mkdocs_hooks.py", description=__doc__.split("\n\n")[0],
                            epilog="Not a command: mkdocs.yml loads it (hooks:) when the site is built.").parse_args()
    sys.exit("mkdocs_hooks.py is not a command: run `mkdocs build` or `mkdocs serve` (see --help)")
