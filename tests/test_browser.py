"""The site driven in real Chromium (Debian's), served under /<repo-name>/.

Without /usr/bin/chromium these tests skip on a developer's machine and fail in
CI (CI=true): a missing browser must never pass silently there.
"""
import re
from urllib.parse import urlsplit

import pytest

from helpers import GLYPHS_DRAWN, Q6, Q12, search, typeset

pytestmark = pytest.mark.browser


def rendered(page):
    """Formulas typeset in the browser drawn with MathJax's fonts, i.e. its stylesheet applied."""
    return page.evaluate("""() => {
        const c = document.querySelector('.arithmatex mjx-c');
        return c !== null && getComputedStyle(c).fontFamily.startsWith('MJXZERO');
    }""")


def drawn(page):
    """Formulas typeset at build time drawn: every glyph's outline found, no web font
    needed, and each formula as large as the text around it (SVG sizes in ex of the
    page's font; a stylesheet left out or overridden collapses a wide formula)."""
    return page.evaluate(GLYPHS_DRAWN, page.locator("article").element_handle()) and page.evaluate("""() => {
        const shown = [...document.querySelectorAll('.arithmatex > mjx-container > svg')];
        return shown.length > 0 && shown.every(s => {
            const r = s.getBoundingClientRect();
            return r.height > 4 && r.width > 4;
        });
    }""")


def test_math_is_typeset_at_build_time(page, server):
    page.goto(server + Q6)
    assert typeset(page) >= 6 and drawn(page)
    assert page.locator(".arithmatex:not([data-prerendered])").count() == 0
    page.wait_for_load_state("networkidle")
    assert not any("tex-chtml.js" in u for u in page.requested)  # no MathJax in the browser
    assert not any("/fonts/" in u for u in page.requested)  # nor its fonts
    assert not page.foreign


def test_math_drawn_after_instant_navigation_from_a_page_without_math(page, server):
    page.goto(server + "tags/")  # no formulas; Material keeps its <head> and the start of its <body>
    page.locator(f'article a[href$="{Q6}"]').first.click()
    page.wait_for_url(re.compile(re.escape(Q6) + "$"))
    assert typeset(page) >= 6 and drawn(page)
    # and from one page with formulas to another: each page's glyphs come with its content
    page.locator('article a[href$="/16-batch-normalization/"]').first.click()
    page.wait_for_url(re.compile(r"/16-batch-normalization/$"))
    assert typeset(page) >= 6 and drawn(page)
    assert not page.foreign


def test_browser_typesets_what_was_not_prerendered(page, raw_math_server):
    # a build without Node (the README's first command): MathJax runs in the browser
    start = raw_math_server + "tags/"  # the topic index: no math (the home page's short answers have some)
    page.goto(start)
    page.wait_for_load_state("networkidle")
    assert not any("tex-chtml.js" in u for u in page.requested)  # no math, no MathJax
    page.locator(f'article a[href$="{Q6}"]').first.click()
    page.wait_for_url(re.compile(re.escape(Q6) + "$"))
    assert typeset(page) >= 6 and rendered(page)
    assert any("tex-chtml.js" in u for u in page.requested)
    # and again after navigating away and back, still without a reload
    page.go_back()
    page.wait_for_url(start)
    page.locator(f'article a[href$="{Q6}"]').first.click()
    assert typeset(page) >= 6
    assert not page.foreign


def switch_language(page, lang):
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()


def test_language_switch_lands_on_the_same_question(page, server):
    page.goto(server)
    # reach the question by instant navigation: the header (and its language menu)
    # is the one of the home page, which is where the switch used to go wrong
    page.locator(f'article a[href$="{Q6}"]').first.click()
    page.wait_for_url(re.compile(re.escape(Q6) + "$"))
    switch_language(page, "en")
    page.wait_for_url(server + "en/" + Q6)
    assert page.locator("html").get_attribute("lang") == "en"
    assert "overfitting" in page.locator("h1").first.inner_text().lower()
    switch_language(page, "ko")
    page.wait_for_url(server + Q6)
    assert page.locator("html").get_attribute("lang") == "ko"
    assert not page.foreign


def test_language_switch_keeps_the_sub_question_anchor(page, server):
    page.goto(server + Q12 + "#12-1")
    switch_language(page, "en")
    page.wait_for_url(server + "en/" + Q12 + "#12-1")
    assert page.locator("[id='12-1']").is_visible()
    assert not page.foreign




def test_offscreen_blocks_skip_rendering_until_scrolled_to(page, server):
    # extra.css: content-visibility on the blocks of long answers; the first screen renders at once
    page.goto(server + Q6)
    shown = "(sel) => document.querySelector(sel).checkVisibility({contentVisibilityAuto: true})"
    last = ".md-content__inner > div.arithmatex:nth-child(n+20) svg"  # a display formula far down
    assert page.evaluate(shown, ".md-content__inner > h1")
    assert page.evaluate(shown, ".md-content__inner > .admonition > p")  # the short answer
    assert not page.evaluate(shown, last)
    page.locator(last).first.scroll_into_view_if_needed()
    page.wait_for_function(f"({shown})('{last}')")
    assert not page.foreign


@pytest.mark.parametrize("anchor", ["16-2", "17-3"])
def test_link_to_a_sub_question_lands_on_it(page, server, anchor):
    # the blocks above it are skipped and only estimated in height: the target must still be on screen
    slug = {"16": "questions/16-batch-normalization/", "17": "questions/17-optimizers/"}[anchor[:2]]
    page.goto(server + slug + "#" + anchor)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # let Material's scroll handlers settle
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 300, top
    assert not page.foreign


# Without build-time formulas MathJax typesets in the browser, after the jump to
# the anchor: the heights change under the reader's eyes.
Q18, Q19 = "en/questions/18-numpy-mnist-mlp/", "en/questions/19-framework-mnist/"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("path, anchor, device", [
    (Q18, "18-1", DESKTOP), (Q19, "19-3", DESKTOP), (Q18, "18-1", PHONE), (Q18[3:], "18-1", PHONE),
], ids=["18-1", "19-3", "18-1-phone", "ko-18-1-phone"])
def test_link_to_a_section_stays_put_after_formulas_are_typeset(browser, raw_math_server, path, anchor, device):
    ctx = browser.new_context(**device)
    page = ctx.new_page()
    page.goto(raw_math_server + path + "#" + anchor)
    # the formulas on screen are typeset (MathJax replaces their placeholders as they show)
    page.wait_for_function("""() => {
        const shown = [...document.querySelectorAll('.arithmatex')].filter(el => {
            const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
        // none on screen (the section starts with text and key points): MathJax loaded is enough
        return (shown.length > 0 || (window.MathJax && MathJax.startup && MathJax.startup.document)) &&
            shown.every(el => el.querySelector('mjx-container') && !el.querySelector('mjx-lazy'));
    }""", timeout=20000)
    page.wait_for_timeout(1500)  # navigation.tracking rewrites the address 250 ms after the page moves
    where = page.evaluate("""id => {
        const el = document.getElementById(id);
        return {hash: location.hash, top: el.getBoundingClientRect().top,
                margin: parseFloat(getComputedStyle(el).scrollMarginTop)};
    }""", anchor)
    ctx.close()
    assert where["hash"] == "#" + anchor, where
    assert abs(where["top"] - where["margin"]) <= 8, f"the section is not where the link put it: {where}"


# Holds MathJax back until Material has highlighted the search terms: the order
# in which the <mark>s land inside the formulas' TeX.
HOLD_MATHJAX = """(() => {
    const append = Node.prototype.appendChild;
    Node.prototype.appendChild = function (node) {
        if (node.tagName === 'SCRIPT' && /tex-chtml\\.js/.test(node.src)) {
            const go = () => document.querySelector('mark[data-md-highlight]') ? append.call(this, node) : setTimeout(go, 50);
            go();
            return node;
        }
        return append.call(this, node);
    };
})()"""


@pytest.mark.parametrize("terms", ["relu", "*"])
def test_formulas_are_typeset_whatever_is_highlighted(page, raw_math_server, terms):
    page.add_init_script(HOLD_MATHJAX)
    page.goto(raw_math_server + Q12 + "?h=" + terms)
    page.wait_for_function("() => window.MathJax && document.querySelector('.arithmatex mjx-container')", timeout=20000)
    if terms == "relu":  # the text is still highlighted
        assert page.locator("p mark[data-md-highlight]").count() > 0
    scrolled = page.evaluate("""async () => {
        for (let i = 0; i < 2000; i++) {
            const lazy = document.querySelector('.arithmatex mjx-lazy');
            if (!lazy) return true;
            lazy.scrollIntoView({block: 'center'});
            await new Promise(r => setTimeout(r, 30));
        }
        return false;
    }""")
    untypeset = page.evaluate("""() => [...document.querySelectorAll('.arithmatex')]
        .filter(el => !el.querySelector('mjx-container')).map(el => el.textContent.slice(0, 60))""")
    total = page.locator(".arithmatex").count()
    assert not untypeset, f"{len(untypeset)} of {total} formulas untypeset: {untypeset[:3]}"
    assert scrolled and total > 100
    assert page.locator("mjx-merror").count() == 0
    assert not page.foreign


def test_search_in_korean_finds_overfitting(page, server):
    page.goto(server)
    hrefs = search(page, "오버피팅")
    assert any(urlsplit(h).path.endswith("/dl-interview/" + Q6) for h in hrefs[:3]), hrefs
    assert not any("/dl-interview/en/" in h for h in hrefs), f"English pages in Korean results: {hrefs}"
    assert not page.foreign


def test_no_request_leaves_the_local_server(page, server):
    for path in ["", Q6, "en/", "en/" + Q6, Q12]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert page.requested and not page.foreign, page.foreign


def test_search_in_english_finds_the_right_questions(page, server):
    expected = {
        "overfitting": "questions/06-overfitting/",
        "early stopping": "questions/06-overfitting/",
        "activation function": "questions/05-activation-functions/",
        "normalization": "questions/04-data-normalization/",
    }
    for query, want in expected.items():
        page.goto(server + "en/")
        hrefs = search(page, query)
        paths = [urlsplit(h).path for h in hrefs]  # results carry ?h=<query> for highlighting
        assert any(p.endswith("/en/" + want) for p in paths[:3]), (query, hrefs[:5])
        assert all("/dl-interview/en/" in p for p in paths), f"Korean pages in English results: {paths}"
    assert not page.foreign
