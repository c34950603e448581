"""The figures under docs/assets/figures/ are exactly what scripts/content/figures.py
draws, and each one is a small, well-formed SVG with its own white background."""
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from figurelib.style import PHONE_MIN_TEXT_PX, phone_name, smallest_text_px

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "content" / "figures.py"
FIGURES_DIR = ROOT / "docs" / "assets" / "figures"


def _load_generator():
    spec = importlib.util.spec_from_file_location("figures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _load_generator()
FIGURES = sorted(GENERATOR.FIGURES)
FILES = sorted(GENERATOR.files(FIGURES))  # with the phone layouts


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_committed_figures_match_the_generator():
    r = run("--check")
    assert r.returncode == 0, f"stale figures, run scripts/content/figures.py:\n{r.stdout}{r.stderr}"


def test_check_detects_a_stale_figure(tmp_path):
    out = tmp_path / "figures"
    shutil.copytree(FIGURES_DIR, out)
    victim = out / "sigmoid.svg"
    victim.write_text(victim.read_text().replace("#0072b2", "#ff0000"))
    assert victim.read_bytes() != (FIGURES_DIR / "sigmoid.svg").read_bytes()
    r = run("--check", "--out", str(out))
    assert r.returncode == 1
    assert "sigmoid.svg" in r.stdout
    assert "tanh.svg" not in r.stdout  # untouched files are not reported


def test_check_detects_a_missing_figure(tmp_path):
    out = tmp_path / "figures"
    shutil.copytree(FIGURES_DIR, out)
    (out / "dropout.svg").unlink()
    r = run("--check", "--out", str(out))
    assert r.returncode == 1
    assert "dropout.svg" in r.stdout


def test_only_writes_one_figure(tmp_path):
    r = run("--only", "relu.svg", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["relu.svg"]
    assert (tmp_path / "relu.svg").read_bytes() == (FIGURES_DIR / "relu.svg").read_bytes()


def test_help():
    r = run("--help")
    assert r.returncode == 0
    assert "--check" in r.stdout and "--out" in r.stdout and "--only" in r.stdout


def test_every_svg_in_the_directory_is_registered():
    on_disk = sorted(p.name for p in FIGURES_DIR.glob("*.svg"))
    assert on_disk == FILES, "hand-made or orphaned SVG in docs/assets/figures/, or a registered figure missing"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_registered_figure_is_shown_on_a_page(lang):
    """A figure dropped from the pages (or a page's link to a figure that is not drawn) fails here."""
    pages = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / lang).rglob("*.md"))
    shown = set(re.findall(r"assets/figures/([\w.-]+\.svg)", pages))
    assert sorted(shown) == FIGURES, "figures drawn but not shown, or shown but not drawn"


@pytest.mark.parametrize("name", FILES)
def test_figure_is_a_small_wellformed_svg_on_white(name):
    path = FIGURES_DIR / name
    assert path.is_file(), f"{name} missing: run scripts/content/figures.py"
    data = path.read_bytes()
    assert len(data) < 100_000, f"{name} is {len(data)} bytes"

    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") or (root.get("width") and root.get("height"))

    text = data.decode("utf-8")
    # The first patch is the figure background: opaque white, so the figure
    # reads the same on the light and the dark page scheme.
    background = re.search(r'<g id="patch_1">\s*<path [^>]*style="([^"]*)"', text)
    assert background, "no background patch"
    style = background.group(1)
    assert re.search(r"fill:\s*(#ffffff|#fff|white)\b", style, re.I), style
    assert "opacity" not in style  # no fill-opacity: fully opaque

    # Text stays text, and only in a font the browser can substitute sensibly
    # (mathtext can fall back to TeX fonts such as cmsy10 that no browser has).
    fonts = set(re.findall(r"font-family: '([^']+)'", text))
    assert fonts <= {"DejaVu Sans"}, fonts
    assert "<text" in text

    # Deterministic output: no timestamp.
    assert "<dc:date>" not in text


def test_figures_load_lazily_in_space_kept_for_them(site):
    """Every figure on a built page waits until it nears the screen (loading="lazy")
    and carries its own aspect ratio, so nothing below it moves when it arrives."""
    seen = 0
    for page in sorted(site.glob("**/questions/*/index.html")):
        for tag in re.findall(r'<img\b[^>]*assets/figures/[^>]*>', page.read_text(encoding="utf-8")):
            name = re.search(r'assets/figures/([^"]+\.svg)"', tag).group(1)
            root = ET.parse(FIGURES_DIR / name).getroot()
            w, h = (float(re.match(r"[\d.]+", root.get(a)).group(0)) for a in ("width", "height"))
            assert 'loading="lazy"' in tag, (page, tag[:80])
            tw, th = (int(re.search(rf'\b{a}="(\d+)"', tag).group(1)) for a in ("width", "height"))
            assert abs(tw / th - w / h) < 0.01, (page, name)
            seen += 1
    assert seen >= 40


@pytest.mark.browser
def test_a_figure_far_below_is_fetched_only_when_the_reader_scrolls_to_it(page, server):
    page.goto(server + "questions/13-gradient-descent/")
    page.wait_for_load_state("networkidle")
    late = "minibatch-loss.svg"  # far below the first screen
    assert not [u for u in page.requested if late in u]
    img = page.locator(f'img[src$="{late}"]')
    # hold the file back: the box the page keeps for it is all there is
    asked = []
    page.route(f"**/{late}", lambda route: asked.append(route.request.url))
    img.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert asked
    box = img.bounding_box()
    assert box["width"] > 200 and abs(box["height"] - box["width"] * 429 / 1186) < 2, box  # its space is kept


# Figures whose smallest text is still under 11 CSS px on a 360 px phone: they
# need a phone layout (a `phone` parameter in figurelib, see style.py). The
# list must shrink: a figure fixed without being taken off it fails too.
NOT_YET_READABLE_ON_A_PHONE = {
    "activation-derivatives.svg", "activation-functions.svg", "boltzmann-machine.svg",
    "cats-label-vs-ground-truth.svg", "dropout.svg", "early-stopping.svg", "gradient-descent-path.svg",
    "grid-vs-random-search.svg", "init-activations.svg", "l1-l2-regularization.svg",
    "label-smoothing.svg", "minibatch-loss.svg", "noise-injection.svg", "normalization.svg",
    "optimizer-paths.svg", "relu-pieces.svg", "relu.svg", "saddle-point.svg", "scaling-gd.svg",
    "sigmoid.svg", "tanh.svg",
}


def test_figures_are_readable_on_a_phone():
    """The smallest text of what a 360 px phone shows of each figure (its phone
    layout if it has one), from the SVG's font sizes and its scale in the column."""
    shown = {name: phone_name(name) if phone_name(name) in FILES else name for name in FIGURES}
    px = {name: round(smallest_text_px((FIGURES_DIR / f).read_text(encoding="utf-8")), 1)
          for name, f in shown.items()}
    small = {name for name in FIGURES if px[name] < PHONE_MIN_TEXT_PX}
    assert small == NOT_YET_READABLE_ON_A_PHONE, {n: px[n] for n in small ^ NOT_YET_READABLE_ON_A_PHONE}


@pytest.mark.browser
@pytest.mark.parametrize("width, shown, not_fetched", [
    (360, "batch-normalization.phone.svg", "batch-normalization.svg"),
    (1280, "batch-normalization.svg", "batch-normalization.phone.svg"),
])
def test_a_phone_fetches_only_the_phone_layout(page, server, width, shown, not_fetched):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + "questions/16-batch-normalization/")
    img = page.locator('img[src$="/batch-normalization.svg"]')
    img.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    page.wait_for_load_state("networkidle")
    assert img.evaluate("img => img.currentSrc").endswith("/" + shown)
    fetched = [u.rsplit("/", 1)[1] for u in page.requested if "/assets/figures/" in u]
    assert shown in fetched and not_fetched not in fetched, fetched
    box = img.bounding_box()
    assert box["width"] <= width - 30  # within the column, its own aspect ratio kept
    natural = img.evaluate("img => img.naturalHeight / img.naturalWidth")
    assert abs(box["height"] / box["width"] - natural) < 0.02, (box, natural)
