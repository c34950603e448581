"""MkDocs hook: a page whose front matter MkDocs cannot read fails the build.

With `title: [unclosed`, MkDocs would publish the block as page text without a
warning, even with --strict; this stops the build with `FILE:LINE: reason`.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common
import translations


def on_page_markdown(markdown, page, config, files):
    try:
        # MkDocs strips the front matter it could read: a block still here is one it could not
        translations.front_matter(markdown, Path(page.file.abs_src_path))
    except translations.PageError as e:
        raise PluginError(str(e)) from None
    return markdown


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
