"""The built site, read as HTML and fetched from a server under /<repo-name>/."""
import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from seed import number, questions, site_questions, subs, toc

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[가-힣]")


class Page(HTMLParser):
    """Collects what the checks need from one HTML page."""

    def __init__(self, html: str):
        super().__init__()
        self.ids, self.links, self.resources, self.h1 = set(), [], [], ""
        self.lang = None
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("img", "script") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon", "preload", "manifest"):
            self.resources.append(a["href"])
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def question_pages(site: Path, lang: str) -> dict[int, Path]:
    base = site / "en" / "questions" if lang == "en" else site / "questions"
    return {number(p): p / "index.html" for p in sorted(base.iterdir()) if p.is_dir()}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_one_page_per_question_with_every_anchor(site, lang):
    pages = question_pages(site, lang)
    # every page in docs/ko/questions is built, in both languages; the seed's questions are among them
    assert sorted(pages) == site_questions(), f"built {sorted(pages)}, pages in docs/ko/questions {site_questions()}"
    assert set(questions()) <= set(pages)
    for n, path in pages.items():
        page = Page(path.read_text(encoding="utf-8"))
        assert page.lang == lang
        for anchor in subs(n):
            assert anchor in page.ids, f"{path}: no #{anchor}"
        h1 = page.h1.replace("¶", "").strip()
        if lang == "ko" and str(n) in toc():
            assert h1 == toc()[str(n)]  # the seed's title, as imported
        elif lang == "ko":
            assert HANGUL.search(h1), f"{path}: Korean H1 expected, got {h1!r}"
        else:
            assert h1 and not HANGUL.search(h1), f"{path}: English H1 expected, got {h1!r}"


def test_same_slugs_in_both_languages(site):
    ko = {p.parent.name for p in question_pages(site, "ko").values()}
    en = {p.parent.name for p in question_pages(site, "en").values()}
    assert ko == en


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_page_links_every_question_and_sub_question(site, lang):
    home = site / ("en" if lang == "en" else "") / "index.html"
    page = Page(home.read_text(encoding="utf-8"))
    links = set(page.links)
    slugs = {n: p.parent.name for n, p in question_pages(site, lang).items()}
    for anchor in toc():
        n = int(anchor.split("-")[0])
        want = f"questions/{slugs[n]}/" + (f"#{anchor}" if "-" in anchor else "")
        assert want in links, f"{home}: no link to {want}"


def test_untranslated_english_pages_say_so(site):
    """An English page never shows Korean text without a visible notice."""
    for n, path in question_pages(site, "en").items():
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        text = re.sub(r"<[^>]+>", " ", article)
        if HANGUL.search(text):
            assert "Not translated yet" in text, f"{path}: Korean text without a notice"


def test_math_is_tex_for_mathjax_and_loaded_only_by_the_loader(site):
    pages = list(site.rglob("*.html"))
    with_math = [p for p in pages if 'class="arithmatex"' in p.read_text(encoding="utf-8")]
    assert any("06-overfitting" in str(p) for p in with_math)
    for p in pages:
        html = p.read_text(encoding="utf-8")
        # MathJax itself is fetched by javascripts/mathjax.js only where there is math
        assert "tex-chtml.js" not in html
        assert "render.githubusercontent.com" not in html
    assert (site / "assets" / "mathjax" / "tex-chtml.js").is_file()
    assert (site / "assets" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()


def test_no_resource_from_another_host(site):
    for p in site.rglob("*.html"):
        for url in Page(p.read_text(encoding="utf-8")).resources:
            assert not re.match(r"^(https?:)?//", url), f"{p}: loads {url}"


def fetch(url: str):
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.headers.get_content_type()
    except urllib.error.HTTPError as e:
        return e.code, "", ""


def test_every_internal_link_anchor_and_image_resolves_under_the_sub_path(site, server):
    """Crawl from the home page of each language as a reader on GitHub Pages would."""
    host = urlsplit(server).netloc
    todo, seen, pages, anchors, broken = [server, server + "en/"], set(), {}, [], []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, ctype = fetch(url)
        if status != 200:
            broken.append(url)
            continue
        if ctype != "text/html":
            continue
        page = Page(body)
        pages[url] = page
        for ref in page.links + page.resources:
            target = urljoin(url, ref)
            if urlsplit(target).netloc != host or urlsplit(target).scheme not in ("http", "https"):
                continue
            target, frag = urldefrag(target)
            if frag:
                anchors.append((url, target, frag))
            if target not in seen:
                todo.append(target)
    assert not broken, f"broken under the sub-path: {sorted(broken)[:10]}"
    for source, target, frag in anchors:
        if target in pages and frag not in pages[target].ids:
            broken.append(f"{source} -> {target}#{frag}")
    assert not broken, f"missing anchors: {broken[:10]}"
    # The crawl reached every question page of both languages.
    for lang_prefix in ("", "en/"):
        for page in question_pages(site, "en" if lang_prefix else "ko").values():
            assert f"{server}{lang_prefix}questions/{page.parent.name}/" in pages


def test_figures_have_alt_text_in_the_page_language(site):
    for lang in ("ko", "en"):
        for path in question_pages(site, lang).values():
            html = path.read_text(encoding="utf-8")
            for img in re.findall(r"<img [^>]*assets/figures/[^>]*>", html):
                alt = re.search(r'alt="([^"]*)"', img)
                assert alt and len(alt[1]) > 20, f"{path}: figure without alt text: {img}"
                if lang == "ko":
                    assert HANGUL.search(alt[1]), f"{path}: Korean alt text expected: {alt[1]}"
                elif "Not translated yet" not in html:
                    assert not HANGUL.search(alt[1]), f"{path}: English alt text expected: {alt[1]}"


def test_404_pages_link_home_from_any_depth(site, server):
    # 404.html (Korean) loads en/404.html at English addresses (tests/test_not_found.py)
    for name, text in (("404.html", "페이지를 찾을 수 없습니다"), ("en/404.html", "Page not found")):
        html = (site / name).read_text(encoding="utf-8")
        page = Page(html)
        assert text in html
        homes = [h for h in page.links if h.startswith("/") and h.rstrip("/").endswith(("/dl-interview", "/dl-interview/en"))]
        assert len(set(homes)) >= 2, page.links
        for href in homes:  # GitHub Pages serves 404.html at whatever address was missing
            status, body, _ = fetch(urljoin(server + "some/missing/deep/address/", href))
            assert status == 200 and "<h1" in body


def test_page_description_is_escaped_for_its_attribute():
    # templates print it inside content="..." as it is (no autoescape in MkDocs)
    import hook_descriptions
    text = hook_descriptions._text('<p>Say "no" to <code>&lt;script&gt;</code> &amp; more</p>')
    assert text == "Say &quot;no&quot; to &lt;script&gt; &amp; more"


def test_headings_never_skip_a_level(site):
    # screen readers navigate by heading level; an H3 straight under the H1 is
    # a skipped level (Lighthouse's heading-order audit)
    for html in sorted(site.glob("**/questions/*/index.html")):
        text = html.read_text(encoding="utf-8")
        article = text[text.index("<article"):text.index("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", article)]
        assert levels and levels[0] == 1, html
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{html.relative_to(site)}: h{a} followed by h{b}"


def test_formulas_are_typeset_at_build_time(site):
    if not (ROOT / "node_modules" / "mathjax-full").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/mathjax-full missing in CI: run `npm ci` before the tests")
        pytest.skip("no node_modules/mathjax-full (npm ci): the browser typesets instead")
    assert (site / "assets" / "mathjax" / "svg.css").is_file()
    for lang, top in [("ko", site), ("en", site / "en")]:
        page = (top / "questions" / "06-overfitting" / "index.html").read_text(encoding="utf-8")
        assert 'assets/mathjax/svg.css"' in page
        assert page.count("data-prerendered") >= 6
    for html in site.glob("**/*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'class="arithmatex">\\[(\[]', text), f"{html}: a formula left untypeset"
        assert 'data-mml-node="merror"' not in text, html


GLYPH_USE = re.compile(r'xlink:href="#(MJX-[^"]+)"')
GLYPH = re.compile(r'<path id="(MJX-[^"]+)"')


def test_every_glyph_a_formula_draws_is_on_its_page_or_card(site):
    """A formula's <use> draws a glyph outline held elsewhere in the document: one
    missing is a blank in the formula. Pages hold theirs; so does every practice card,
    shown on the practice page away from its page."""
    if not (ROOT / "node_modules" / "mathjax-full").is_dir():
        pytest.skip("no node_modules/mathjax-full (npm ci): the browser typesets instead")
    drawn = 0
    for html in site.glob("**/*.html"):
        text = html.read_text(encoding="utf-8")
        missing = set(GLYPH_USE.findall(text)) - set(GLYPH.findall(text))
        assert not missing, f"{html.relative_to(site)}: no outline for {sorted(missing)[:5]}"
        drawn += bool(GLYPH_USE.search(text))
    assert drawn >= 40
    cards = 0
    for answers in site.glob("assets/practice/*/*.json"):
        for cid, answer in json.loads(answers.read_text(encoding="utf-8"))["answers"].items():
            missing = set(GLYPH_USE.findall(answer)) - set(GLYPH.findall(answer))
            assert not missing, f"{answers.relative_to(site)}: card {cid}: no outline for {sorted(missing)[:5]}"
            cards += bool(GLYPH_USE.search(answer))
    assert cards >= 100


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_about_page_links_the_contributor_guide_on_the_repository(site, lang):
    about = site / ("en/about" if lang == "en" else "about") / "index.html"
    links = Page(about.read_text(encoding="utf-8")).links
    repo = os.environ.get("REPO_URL", "https://github.com/example/dl-interview").rstrip("/")
    assert f"{repo}/blob/main/CONTRIBUTING.md" in links
    assert (ROOT / "CONTRIBUTING.md").is_file()
    assert not any("repo:" in link for link in links)


def test_typeset_pages_carry_no_mathjax_loader(site, raw_math_site):
    """The build typesets every formula (or fails), so its pages need no loader for
    MathJax; a build without Node leaves the formulas, and the loader, to the browser."""
    loader = re.compile(r'<script src="[^"]*javascripts/mathjax\.js"')
    assert 'data-prerendered' in (site / "questions/13-gradient-descent/index.html").read_text(encoding="utf-8")
    for page in ("questions/13-gradient-descent/index.html", "en/questions/06-overfitting/index.html",
                 "en/tags/index.html"):
        assert not loader.search((site / page).read_text(encoding="utf-8")), page
        assert loader.search((raw_math_site / page).read_text(encoding="utf-8")), page
    q13 = (site / "questions/13-gradient-descent/index.html").read_text(encoding="utf-8")
    assert 'data-mml-node="mi"' not in q13 and 'data-mml-node="mtable"' in q13
