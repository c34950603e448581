"""MkDocs hook: the home pages and the glossary pages are generated at build time.

docs/<lang>/index.md comes from the question pages (scripts/content/home.py), the topic
index docs/<lang>/tags.md from scripts/content/home.py's TOPICS (Material's tags plugin
fills it) and docs/<lang>/glossary.md from glossary.yml (scripts/content/glossary.py); none is
committed, so a new or edited question shows on the home page and in the
glossary's links with nothing to run. mkdocs-static-i18n only localizes files
that sit in the docs folder, so the pages enter the build as ordinary files
there (before its on_files) and get their text once it has placed them.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import hook_common
from hook_common import glossary, home, translations

LANGS = tuple(home.TEXT)
_pages: dict[str, str] = {}  # src_uri -> Markdown, for the build in progress


def _generate(docs: Path) -> dict[str, str]:
    try:
        entries = glossary.load(glossary.SOURCE, docs)
        pages = {f"{lang}/index.md": home.render(lang, docs) for lang in LANGS}
        pages.update({f"{lang}/glossary.md": glossary.page(entries, lang, docs) for lang in LANGS})
        pages.update({f"{lang}/tags.md": home.topic_index(lang) for lang in LANGS})
    except (glossary.GlossaryError, translations.PageError) as e:
        raise PluginError(str(e)) from None
    return pages


@event_priority(50)  # before mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    docs = Path(config.docs_dir)
    _pages.clear()
    _pages.update(_generate(docs))
    for src_uri in _pages:
        if files.get_file_from_path(src_uri) is not None:
            maker = "glossary.py" if src_uri.endswith("glossary.md") else "home.py"
            raise PluginError(f"docs/{src_uri}: generated at build time by scripts/content/{maker}: delete this file")
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_nav(nav, config, files):
    for file in files:
        if file.src_uri in _pages:
            file.content_string = _pages[file.src_uri]
            file.generated_by = "scripts/hooks/hook_generated_pages.py"
            if file.page is not None:  # no "edit this page" link to a file that is not in the repository
                file.page.edit_url = None
    return nav


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
