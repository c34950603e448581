"""The look every figure shares: palette, fonts, white background, and the
deterministic SVG writer; plus the small drawing helpers several figures use."""
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed, works on CI
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies,
# and each colour keeps enough contrast on the white background.
BLUE = "#0072B2"
GREEN = "#009E73"
VERMILION = "#D55E00"
SKY = "#56B4E9"
GREY = "#8c8c8c"
TEXT = "#1a1a1a"
# Mathtext draws ' and \prime with a glyph of the TeX font cmsy10, which the
# browser does not have (it shows "0"); the Unicode prime is in DejaVu Sans.
PRIME = "\u2032"

STYLE = {
    # Stable ids (clip paths, markers) so two runs give identical bytes.
    "svg.hashsalt": "figures",
    # Text stays text: small files, selectable, searchable.
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    # One named family: the SVG repeats the list on every text element, and the
    # browser falls back to its own sans-serif anyway.
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": 11,
    # The page may be dark: the figure carries its own opaque white background
    # and dark ink, so it reads the same in both colour schemes.
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "axes.edgecolor": "#333333",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.titlesize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "legend.frameon": True,
    "legend.framealpha": 0.95,
    "legend.edgecolor": "#cccccc",
    "lines.linewidth": 2.0,
    "path.simplify": True,
}


def save(fig: plt.Figure, path: Path) -> None:
    # Date/Creator would change between runs or matplotlib versions.
    fig.savefig(path, format="svg", facecolor="white", bbox_inches="tight", pad_inches=0.1,
                metadata={"Date": None, "Creator": None})
    plt.close(fig)


def zero_axes(ax):
    """Draw the x and y axes through the origin, for function plots."""
    ax.axhline(0, color="#555555", lw=0.8, zorder=1)
    ax.axvline(0, color="#555555", lw=0.8, zorder=1)


def box(ax, xy, w, h, text, *, fc="white", ec=TEXT, lw=1.5, ls="-", color=TEXT,
         weight="normal", size=11):
    """A rounded box with centred text, in data coordinates."""
    x, y = xy
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                fc=fc, ec=ec, lw=lw, ls=ls))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", color=color,
            weight=weight, size=size)


def arrow(ax, start, end, color=TEXT):
    ax.annotate("", xy=end, xytext=start,
                arrowprops=dict(arrowstyle="-|>", color=color, lw=1.5,
                                shrinkA=0, shrinkB=0, mutation_scale=14))



# --- Phone variants --------------------------------------------------------
# A figure is shown at most as wide as the column: 328 CSS px on a 360 px
# phone, where its smallest text must be 11 CSS px or more. A figure whose
# function takes `phone` is drawn twice: NAME.svg, and NAME.phone.svg with
# phone=True (panels one under another, about 3.4 in wide: a mathtext
# subscript of 12 pt text, 8.4 pt, then shows at 11 CSS px or more), which
# scripts/hooks/hook_figures.py lets a narrow screen choose.
PHONE_COLUMN_PX = 328
PHONE_MIN_TEXT_PX = 11


def phone_name(name: str) -> str:
    return name[: -len(".svg")] + ".phone.svg"


def smallest_text_px(svg: str, column_px: float = PHONE_COLUMN_PX) -> float:
    """The smallest text of an SVG written by save(), in CSS px, when the page
    shows it in a column `column_px` wide: the drawing is scaled down to the
    column when wider (viewBox units are pt: 4/3 px each at full size)."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg)[1])
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    sizes += [float(s) for s in re.findall(r"font: (?:[a-z-]+ )*([\d.]+)px", svg)]
    return min(sizes) * min(column_px / width, 4 / 3)
