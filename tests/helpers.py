"""Small helpers shared by the real-browser tests."""
Q6 = "questions/06-overfitting/"
Q12 = "questions/12-relu-vs-sigmoid/"


def typeset(page):
    """Wait until MathJax has rendered every formula on the page; return how many."""
    page.wait_for_function("""() => {
        const all = document.querySelectorAll('.arithmatex');
        return all.length > 0 && [...all].every(el => el.querySelector('mjx-container'));
    }""", timeout=20000)
    assert page.locator("mjx-merror").count() == 0
    return page.locator(".arithmatex mjx-container").count()


def search(page, query):
    """Type a query into Material's search box; return the result links' hrefs."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    # Material reads the query on keyup (fill() sends none), and a query read
    # before the search worker has its index is not run again: press a key
    # until results show.
    for _ in range(15):
        box.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1000, state="attached")
            break
        except Exception:
            continue
    page.wait_for_selector(".md-search-result__item", timeout=5000, state="attached")
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item:not([hidden]) > .md-search-result__link").all()]
