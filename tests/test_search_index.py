"""The search index: one per language, fetched only when the reader starts to
search, its formulas readable in result snippets (scripts/hooks/hook_search_index.py,
overrides/main.html, overrides/assets/javascripts/workers/search-lazy.js)."""
import json
import re

import pytest

from tex_text import tex_to_text
from search_eval import ask, open_search

TEX = re.compile(r"\\[(\[\])]|\\(?:frac|mathrm|text|sigma|mu|hat)\b")


def load(site, lang):
    return json.loads((site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_and_nothing_else(site):
    assert not (site / "search" / "search_index.json").exists()
    ko, en = load(site, "ko"), load(site, "en")
    assert ko["docs"] and all(not d["location"].startswith("en/") for d in ko["docs"])
    assert en["docs"] and all(d["location"].startswith("en/") for d in en["docs"])
    assert {"questions/16-batch-normalization/#16-1", "questions/20-gpus/"} <= {d["location"] for d in ko["docs"]}
    assert "en/questions/16-batch-normalization/#16-1" in {d["location"] for d in en["docs"]}
    assert ko["config"]["fields"]["tags"]["boost"] == 1 and ko["config"]["fields"] == en["config"]["fields"]


def test_the_index_holds_formulas_as_text_not_tex(site):
    for lang in ("ko", "en"):
        docs = load(site, lang)["docs"]
        bad = [(d["location"], m.group(0)) for d in docs for m in TEX.finditer(d["title"] + d["text"])]
        assert not bad, bad[:5]
    bn = next(d for d in load(site, "ko")["docs"] if d["location"] == "questions/16-batch-normalization/")
    assert "γ" in bn["text"] and "β" in bn["text"]  # the short answer's scale and shift


@pytest.mark.parametrize("tex, text", [
    (r"\mu_B", "μ_B"),
    (r"\frac{1}{m}\sum_{i=1}^{m} x_i", "1/m ∑_(i=1)^m xᵢ"),
    (r"n_{\text{in}} + g_t + \mu_B", "nᵢₙ + gₜ + μ_B"),
    (r"\hat{y}=\sigma(w^\top x+b)", "ŷ=σ(wᵀ x+b)"),
    (r"\mathrm{Var}_{\text{train}}[x]", "Var_train[x]"),
    (r"x^2+e^{-z}", "x²+e^(-z)"),
    (r"\left(\frac{a+b}{2}\right)", "((a+b)/2)"),
    (r"\begin{aligned} a &= b \\ c &= d \end{aligned}", "a = b ; c = d"),
    (r"\mathbb{R}^{d}", "ℝ^d"),
    (r"\sqrt{\hat{v}_t}+\epsilon", "√(v̂ₜ)+ϵ"),
    (r"\theta \leftarrow \theta - \eta \nabla_\theta L", "θ ← θ - η ∇_θ L"),
    ("\\", ""),            # broken input gives some text, never an error
    (r"\frac{1", "1/()"),
    (r"\unknowncommand{x}", "unknowncommandx"),
])
def test_tex_reads_as_plain_text(tex, text):
    assert tex_to_text(tex) == text


def index_requests(page):
    return [u for u in page.requested if "/search/search_index" in u]


def material_worker(page):
    return [u for u in page.requested if re.search(r"/workers/search\.[0-9a-f]+\.min\.js", u)]


@pytest.mark.browser
@pytest.mark.parametrize("lang, path", [("ko", "questions/16-batch-normalization/"),
                                        ("en", "en/questions/20-gpus/")])
def test_the_index_is_fetched_only_once_the_reader_starts_to_search(page, server, lang, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not index_requests(page) and not material_worker(page), page.requested
    page.keyboard.press("/")  # Material's shortcut: opens search and focuses the box
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.wait_for_timeout(200)
    assert [u.rsplit("/", 1)[1] for u in index_requests(page)] == [f"search_index.{lang}.json"]
    ask(page, "batch normalization")
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "16-batch-normalization" in first
    assert len(index_requests(page)) == 1 and len(material_worker(page)) == 1


@pytest.mark.browser
def test_the_search_button_on_a_phone_fetches_the_index(browser, server):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(server + "questions/06-overfitting/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in seen if "search_index" in u]
    page.locator("label.md-header__button[for=__search]").tap()
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.locator(".md-search__input").type("과적합")
    page.wait_for_selector(".md-search-result__item")
    assert [u for u in seen if "search_index" in u][0].endswith("/search/search_index.ko.json")
    ctx.close()


@pytest.mark.browser
def test_a_link_that_asks_for_highlighting_still_highlights(page, server):
    page.goto(server + "questions/16-batch-normalization/?h=dropout")
    page.wait_for_selector("mark[data-md-highlight]", state="attached", timeout=10000)
    assert index_requests(page)


@pytest.mark.browser
def test_result_snippets_show_formulas_as_text(page, server):
    open_search(page, server, "ko")
    ask(page, "미니배치 평균 분산 정규화")
    text = page.locator(".md-search-result").inner_text()
    assert "μ" in text and "\\(" not in text and "\\frac" not in text, text[:1000]
    # highlighting marks words, and never a piece of a formula's markup
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert marks and all("\\" not in m for m in marks)
