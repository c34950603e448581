"""MkDocs hook: figures load when they come near the screen, in space kept for them.

A question page's figures (docs/assets/figures/*.svg, 2-27 KB each) were all
fetched with the page, though most sit below the first screen. Each figure's
<img> gets loading="lazy" and decoding="async", and its size from the SVG file
(width and height, pt converted to CSS px) as width and height attributes, so
the browser keeps its space before the file arrives and nothing below it moves.
Images that are not our figures are left alone.

A figure drawn for phones too (NAME.phone.svg, scripts/content/figures.py)
goes in a <picture> whose <source> a narrow screen picks: the browser fetches
only the one it shows, lazily as well, and keeps that one's space.
"""
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import hook_common

FIGURES = Path(__file__).resolve().parents[2] / "docs" / "assets" / "figures"
IMG = re.compile(r'<img\b[^>]*\bsrc="(?:[^"]*/)?assets/figures/([^"/]+\.svg)"[^>]*>')
SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"')
PX_PER = {"pt": 4 / 3, "px": 1, None: 1}
_sizes: dict[str, tuple[int, int]] = {}


def size(name: str) -> tuple[int, int]:
    """(width, height) in CSS px of a figure, from its SVG root element."""
    if name not in _sizes:
        path = FIGURES / name
        try:
            head = path.read_text(encoding="utf-8")[:4000]
        except (OSError, UnicodeDecodeError) as e:
            raise PluginError(f"{path}: cannot read the figure ({e.__class__.__name__})")
        m = SIZE.search(head)
        if not m:
            raise PluginError(f"{path}: the <svg> element has no width and height")
        _sizes[name] = (round(float(m[1]) * PX_PER[m[2]]), round(float(m[3]) * PX_PER[m[4]]))
    return _sizes[name]


# Material's phone layout (its 45em breakpoint is where the sidebars go; a
# phone's column is narrower still): under 600 px the phone layout is shown
PHONE_MEDIA = "(max-width: 37.5em)"


def lazy(html: str) -> str:
    def one(m):
        tag = m.group(0)
        if "loading=" in tag:
            return tag
        w, h = size(m.group(1))
        attrs = ' loading="lazy" decoding="async"'
        if "width=" not in tag and "height=" not in tag:
            attrs += f' width="{w}" height="{h}"'
        img = tag[:4] + attrs + tag[4:]
        phone = m.group(1)[: -len(".svg")] + ".phone.svg"
        if not (FIGURES / phone).is_file():
            return img
        src = re.search(r'\bsrc="([^"]+)"', tag).group(1)
        pw, ph = size(phone)
        return (f'<picture><source media="{PHONE_MEDIA}" srcset="{src[: -len(".svg")]}.phone.svg" '
                f'width="{pw}" height="{ph}">{img}</picture>')
    return IMG.sub(one, html)


def on_page_content(html, page, config, files):
    return lazy(html)


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
