"""MkDocs hook: one search index per language, with formulas a reader can read.

The search plugin writes one index for the whole site (mkdocs-static-i18n
gathers both languages into search/search_index.json, 1.8 MB). After the last
language's build this hook replaces it by search/search_index.ko.json and
search/search_index.en.json, so a reader downloads only their own language's
pages (overrides/main.html asks for that file, and only once the reader starts
to search). Formulas in the index text become plain text (`\\(\\mu_B\\)` -> `μ_B`,
`\\frac{1}{m}` -> `1/m`): search results show them in snippets, where TeX
was unreadable, and the index gets smaller.
"""
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import hook_common
from hook_common import tex_text


def split(index: dict, others: list[str], default: str) -> dict[str, dict]:
    """{language: index} from the site's index: a page belongs to the language whose
    folder it is under (en/...), else to the default language."""
    out = {}
    for lang in [default, *others]:
        out[lang] = {**index, "docs": []}
    for doc in index["docs"]:
        top = doc["location"].split("/", 1)[0]
        lang = top if top in others else default
        doc = {**doc, "title": tex_text.readable(doc["title"]), "text": tex_text.readable(doc["text"])}
        out[lang]["docs"].append(doc)
    return out




# After mkdocs-static-i18n's on_post_build (priority -100), which builds the other
# languages and only then writes the index of all of them.
@event_priority(-110)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:  # a language's own build: the index is not complete yet
        return
    path = Path(config.site_dir, "search", "search_index.json")
    if not path.exists():
        raise PluginError(f"{path}: missing (is the search plugin enabled?)")
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    parts = split(json.loads(path.read_text(encoding="utf-8")), others, i18n.default_language)
    for lang, index in parts.items():
        Path(path.parent, f"search_index.{lang}.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    path.unlink()  # nothing asks for it: pages ask for their language's file


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
