"""MkDocs hook: formulas typeset at build time, so readers' browsers run no MathJax.

After each language's build, scripts/hooks/prerender_math.mjs (MathJax in Node)
typesets that language's pages. Without Node or `npm ci` the build says so and
the browser typesets them (docs/javascripts/mathjax.js); MATH_PRERENDER=0
skips it on purpose, MATH_PRERENDER=1 (the deploy workflow) makes it a build
error.
"""
import logging
import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common

ROOT = Path(__file__).resolve().parents[2]
PRERENDER = Path(__file__).with_name("prerender_math.mjs")
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
    # one stylesheet for both languages: SVG's does not depend on the characters
    r = subprocess.run([node, str(PRERENDER), str(site), "svg.css", *pages],
                       capture_output=True, text=True)
    if r.returncode:
        raise PluginError("scripts/hooks/prerender_math.mjs failed:\n" + (r.stderr or r.stdout).strip())


def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        others = [lang.locale for lang in i18n.config.languages if not lang.default]
        _prerender_math(config, i18n.current_language, others)


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
