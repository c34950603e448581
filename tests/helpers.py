"""Small helpers shared by the real-browser tests."""
from search_eval import ask, ready, result_links

Q6 = "questions/06-overfitting/"
Q12 = "questions/12-relu-vs-sigmoid/"


def typeset(page):
    """Wait until MathJax has rendered every formula on the page; return how many.

    MathJax typesets lazily (ui/lazy): a formula off screen holds a placeholder
    until it scrolls into view, so scroll each one into view, then check that
    none failed to compile."""
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
    assert page.locator("mjx-merror").count() == 0
    return page.locator(".arithmatex mjx-container mjx-math").count()


def search(page, query):
    """Type a query into Material's search box; return the result pages' links."""
    ready(page)
    ask(page, query)
    return result_links(page)
