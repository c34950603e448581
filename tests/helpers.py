"""Small helpers shared by the real-browser tests."""
from search_eval import ask, ready, result_links

Q6 = "questions/06-overfitting/"
Q12 = "questions/12-relu-vs-sigmoid/"


def typeset(page):
    """Wait until every formula on the page is rendered; return how many.

    Formulas typeset at build time are there at once (MathJax's SVG); MathJax in
    the browser typesets lazily (ui/lazy): a formula off screen holds a
    placeholder until it scrolls into view, so scroll each one into view, then
    check that none failed to compile."""
    page.wait_for_function("""() => {
        const all = document.querySelectorAll('.arithmatex');
        return all.length > 0 && [...all].every(el => el.querySelector('mjx-container'));
    }""", timeout=20000)
    done = page.evaluate("""async () => {
        for (let i = 0; i < 2000; i++) {
            const lazy = document.querySelector('.arithmatex mjx-lazy');
            if (!lazy) { window.scrollTo(0, 0); return true; }
            lazy.scrollIntoView({block: 'center'});
            await new Promise(r => setTimeout(r, 30));
        }
        return false;
    }""")
    assert done, "formulas still waiting to be typeset after scrolling through the page"
    assert page.locator("mjx-merror, [data-mml-node=merror]").count() == 0
    return page.locator(".arithmatex mjx-container > :is(mjx-math, svg)").count()


# Every glyph of the formulas under `root` drawn: a <use> whose outline is missing
# from the document (a formula away from the page that holds its glyphs) draws
# nothing. (Some outlines are empty on purpose: U+2061, function application.)
GLYPHS_DRAWN = """root => {
    const uses = [...root.querySelectorAll('.arithmatex svg use')];
    const blank = uses.filter(u => {
        const outline = document.getElementById((u.getAttribute('xlink:href') || '').slice(1));
        const b = u.getBBox();
        return !outline || (b.width === 0 && b.height === 0 && outline.getAttribute('d'));
    });
    return uses.length > 0 && blank.length === 0;
}"""


def search(page, query):
    """Type a query into Material's search box; return the result pages' links."""
    ready(page)
    ask(page, query)
    return result_links(page)
