"""Every page of both languages on a phone (320 and 360 px wide, touch), with
formulas typeset at build time: the page never scrolls sideways, and what is
wider than the column (display formulas, tables, code) scrolls inside its own
box, which says so and which a keyboard can reach."""
import pytest

pytestmark = pytest.mark.browser

WIDTHS = (320, 360)


def all_pages(site):
    """Every page's address relative to the site root ('' is the home page)."""
    found = (p.parent.relative_to(site).as_posix() for p in site.glob("**/index.html"))
    return sorted("" if p == "." else p + "/" for p in found if not p.startswith("assets"))


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def phone(browser, request):
    ctx = browser.new_context(viewport={"width": request.param, "height": 740},
                              is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()


def test_no_page_scrolls_sideways(phone, site, server):
    wide = {}
    for path in all_pages(site):
        phone.goto(server + path)
        # against the width asked for: a phone zooms out to show a page wider than the screen
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > phone.viewport_size["width"]:
            wide[path] = width
    assert len(all_pages(site)) >= 40 and not wide, f"page wider than the screen: {wide}"


# Each box that scrolls sideways, checked as a reader finds it: scrolled to its
# start, the edge where content is cut fades (extra.css: --cut-end, a
# scroll-driven animation); it takes keyboard focus, and a formula's has a name;
# scrolled to its end, the whole formula has come into view and the fade is gone.
# A display formula that does not scroll fits its box. (Blocks off screen skip
# rendering until scrolled to, extra.css: here they are all rendered at once,
# as if the reader had scrolled through the page.)
BOXES = """async () => {
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const style = document.createElement('style');
    style.textContent = '.md-content__inner > * { content-visibility: visible !important; }';
    document.head.append(style);
    await frame();
    const name = b => b.className || b.tagName.toLowerCase();
    const px = (b, p) => parseFloat(getComputedStyle(b).getPropertyValue(p)) || 0;
    // a formula's drawing: one <svg>, or several when drawn in pieces that wrap
    const ink = b => b.matches('div.arithmatex') && Math.max(...[...b.querySelectorAll(
        ':scope > mjx-container > svg, mjx-piece > svg')].map(s => s.getBoundingClientRect().right));
    const bad = [];
    const boxes = [...document.querySelectorAll(
        '.md-typeset div.arithmatex, .md-typeset__scrollwrap, .md-typeset pre > code')];
    const scrolling = boxes.filter(b => b.scrollWidth > b.clientWidth + 1);
    for (const b of boxes.filter(b => !scrolling.includes(b) && ink(b))) {
        if (ink(b) > b.getBoundingClientRect().right + 0.5)
            bad.push(`formula cut off, not scrollable: ${b.textContent.slice(0, 40)}`);
    }
    for (const b of scrolling) {
        if (px(b, '--cut-end') < 10 || getComputedStyle(b).maskImage === 'none')
            bad.push(`${name(b)}: no fade at the cut edge`);
        if (b.getAttribute('tabindex') !== '0') bad.push(`${name(b)}: takes no keyboard focus`);
        if (ink(b) && !b.getAttribute('aria-label')) bad.push(`${name(b)}: focusable formula without a name`);
        b.scrollLeft = b.scrollWidth;
    }
    await frame();
    for (const b of scrolling) {
        if (px(b, '--cut-end') !== 0) bad.push(`${name(b)}: still fades when scrolled to its end`);
        if (ink(b) && ink(b) > b.getBoundingClientRect().right + 0.5)
            bad.push(`formula out of reach at the end of its box: ${b.textContent.slice(0, 40)}`);
    }
    return {scrolling: scrolling.length, bad};
}"""


def test_wide_formulas_tables_and_code_scroll_in_their_own_box(phone, site, server):
    bad, scrolling = {}, 0
    for path in all_pages(site):
        phone.goto(server + path)
        found = phone.evaluate(BOXES)
        scrolling += found["scrolling"]
        if found["bad"]:
            bad[path] = found["bad"]
    # a phone's column is narrower than many formulas, tables and code lines
    assert scrolling > 100 and not bad, bad


@pytest.mark.parametrize("path", ["questions/16-batch-normalization/", "en/questions/16-batch-normalization/"])
def test_a_long_formula_wraps_into_lines_on_a_phone_only(browser, server, path):
    # batch normalization's four equations: one line on a desktop, as written;
    # on a phone, lines under one another, none cut off
    lines = {}
    for width in (1280, 360):
        ctx = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 500,
                                  has_touch=width < 500)
        page = ctx.new_page()
        page.goto(server + path)
        lines[width] = page.evaluate("""() => {
            const box = document.querySelector('div.arithmatex');
            // a piece starts a line when it is wholly below the pieces before it
            let lines = 0, bottom = -Infinity;
            for (const s of box.querySelectorAll('mjx-container > svg, mjx-piece > svg')) {
                const r = s.getBoundingClientRect();
                if (r.top >= bottom - 1) lines++;
                bottom = Math.max(bottom, r.bottom);
            }
            return {lines, scrolls: box.scrollWidth > box.clientWidth};
        }""")
        ctx.close()
    assert lines[1280]["lines"] == 1 and not lines[1280]["scrolls"], lines
    assert lines[360]["lines"] >= 3 and not lines[360]["scrolls"], lines
