"""Publishing gates: accessibility (axe-core in Chromium), valid HTML, well-formed external links."""
import re
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from helpers import Q6, search, typeset

ROOT = Path(__file__).resolve().parent.parent


# --- accessibility ---------------------------------------------------------------

def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe
    # colours are measured as drawn: let Material's fade-ins finish first (the
    # scroll cue of wide boxes, extra.css, follows scrolling and never ends)
    page.wait_for_function("""document.getAnimations().every(a =>
        a.playState !== 'running' || a.timeline instanceof ScrollTimeline)""")
    results = Axe().run(page)
    return [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.browser
@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_serious_accessibility_violations(page, server, lang):
    page.goto(server + lang)
    want = "slate" if page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == want
    assert axe_violations(page) == [], "home page"

    page.goto(server + lang + Q6)
    typeset(page)
    assert axe_violations(page) == [], "math-heavy question page"

    page.goto(server + lang + "questions/18-numpy-mnist-mlp/")
    typeset(page)
    assert axe_violations(page) == [], "question page with code"

    page.set_viewport_size({"width": 412, "height": 823})  # a phone: tables wider than the screen
    page.goto(server + lang + "questions/05-activation-functions/")
    typeset(page)
    assert axe_violations(page) == [], "question page with a wide table, on a phone"
    page.set_viewport_size({"width": 1280, "height": 900})

    search(page, "overfitting" if lang else "오버피팅")
    assert axe_violations(page) == [], "search results"
    assert not page.foreign


@pytest.mark.browser
def test_every_question_page_on_a_phone(page, server, site):
    # wide tables and formulas scroll sideways on a narrow screen; long pages skip
    # rendering off screen (extra.css): neither may hide a violation
    page.set_viewport_size({"width": 412, "height": 823})
    bad = {}
    for path in sorted(site.glob("questions/*/index.html")):
        page.goto(server + path.parent.relative_to(site).as_posix() + "/")
        violations = axe_violations(page)
        if violations:
            bad[path.parent.name] = violations
    assert not bad, bad
    assert not page.foreign


# --- every built page is valid HTML ------------------------------------------------

def test_every_page_parses_without_errors(site):
    bad = {}
    for path in sorted(site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(path.read_bytes())
        if parser.errors:
            bad[str(path.relative_to(site))] = parser.errors[:3]
    assert not bad, bad


# --- external links ---------------------------------------------------------------

def test_external_links_are_well_formed_https():
    r = subprocess.run([sys.executable, "scripts/content/external_links.py", "--check"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"\d+ external links? on \d+ hosts?", r.stdout)


def test_no_control_characters_in_pages():
    """A tab or form feed in a page is a TeX command whose backslash was read as an
    escape somewhere (`\\times` became a tab and "imes"): MathJax then draws the
    letters. Found on two Korean pages by the search index's formula check."""
    bad = []
    for page in sorted((ROOT / "docs").glob("*/**/*.md")):
        for n, line in enumerate(page.read_text(encoding="utf-8").split("\n"), 1):
            if re.search(r"[\x00-\x09\x0b-\x1f\x7f]", line.removesuffix("\r")):
                bad.append(f"{page.relative_to(ROOT)}:{n}: {line.strip()[:60]!r}")
    assert not bad, "\n".join(bad)
