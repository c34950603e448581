"""The site driven in real Chromium (Debian's), served under /<repo-name>/.

Without /usr/bin/chromium these tests skip on a developer's machine and fail in
CI (CI=true): a missing browser must never pass silently there.
"""
import os
import re
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = pytest.mark.browser
Q6 = "questions/06-overfitting/"
Q12 = "questions/12-relu-vs-sigmoid/"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page; every request is recorded, and any to another host is refused."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
    page = ctx.new_page()
    page.requested, page.foreign = [], []

    def route(r):
        url = r.request.url
        page.requested.append(url)
        if url.startswith(origin) or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            page.foreign.append(url)
            r.abort()

    ctx.route("**/*", route)
    yield page
    ctx.close()


def typeset(page):
    """Wait until MathJax has rendered every formula on the page; return how many."""
    page.wait_for_function("""() => {
        const all = document.querySelectorAll('.arithmatex');
        return all.length > 0 && [...all].every(el => el.querySelector('mjx-container'));
    }""", timeout=20000)
    assert page.locator("mjx-merror").count() == 0
    return page.locator(".arithmatex mjx-container").count()


def test_math_typeset_on_direct_load(page, server):
    page.goto(server + Q6)
    assert typeset(page) >= 6
    assert not page.foreign


def test_math_typeset_after_clicking_through_from_home(page, server):
    page.goto(server)
    page.wait_for_load_state("networkidle")
    # the home page has no math: MathJax is not even downloaded there
    assert not any("tex-chtml.js" in u for u in page.requested)
    page.locator(f'article a[href$="{Q6}"]').first.click()
    page.wait_for_url(re.compile(re.escape(Q6) + "$"))
    assert typeset(page) >= 6
    assert any("tex-chtml.js" in u for u in page.requested)
    # and again after navigating away and back, still without a reload
    page.go_back()
    page.wait_for_url(server)
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


def search(page, query):
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]


def test_search_in_korean_finds_overfitting(page, server):
    page.goto(server)
    hrefs = search(page, "오버피팅")
    assert any(Q6 in h for h in hrefs[:3]), hrefs
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
        assert any(h.split("#")[0].endswith("en/" + want) for h in hrefs[:3]), (query, hrefs[:5])
    assert not page.foreign
