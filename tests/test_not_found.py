"""The 404 page, which GitHub Pages serves for every missing address of the site
(scripts/dev/serve_subpath.py does the same): links right for a project site and
for a site at a domain's root, and the language of the address the reader
mistyped: its text, navigation, search and language menu."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ready, result_links, search
from serve_subpath import serve

ROOT = Path(__file__).resolve().parent.parent
MISSING = "questions/99-no-such-question/"


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    """The site built for a domain's root (a user or organization site)."""
    out = tmp_path_factory.mktemp("root-site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT, capture_output=True,
                       text=True, env={**os.environ, "MATH_PRERENDER": "0", "SITE_URL": "https://example.github.io/"})
    assert r.returncode == 0, r.stderr[-4000:]
    return out


def links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]*)"', html)


@pytest.mark.parametrize("which", ["project", "root"])
def test_404_links_work_at_any_depth_of_a_project_or_root_site(site, root_site, which):
    built, base = (site, "/dl-interview/") if which == "project" else (root_site, "/")
    for page, home in (("404.html", base), ("en/404.html", base + "en/")):
        html = (built / page).read_text(encoding="utf-8")
        paths = [u for u in links(html) if not re.match(r"[a-z]+:", u)]
        assert paths and all(u.startswith(base) for u in paths), [u for u in paths if not u.startswith(base)][:5]
        assert not [u for u in paths if "//" in u], f"{page}: {[u for u in paths if '//' in u][:5]}"
        article = html.split("<article", 1)[1].split("</article>")[0]
        assert links(article) == [home], (page, links(article))
        # the language menu leads to each language's home, not to the last page built
        menu = re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', html)
        assert sorted(menu) == [(base, "ko"), (base + "en/", "en")], menu


def visit(page, url):
    """Open `url`; return the response status and the page's errors and warnings,
    except the browser's report of the 404 status itself."""
    problems = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: m.type in ("error", "warning") and not (
        "status of 404" in m.text and m.location.get("url") == url) and problems.append(m.text))
    status = page.goto(url).status
    page.wait_for_load_state("networkidle")
    return status, problems


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_404_speaks_the_language_of_the_address(page, server, lang):
    prefix, other = ("", "en/") if lang == "ko" else ("en/", "")
    status, problems = visit(page, server + prefix + MISSING)
    assert status == 404
    assert page.url == server + prefix + MISSING  # the address the reader typed stays
    assert page.locator("html").get_attribute("lang") == lang
    h1 = page.locator("article h1").inner_text()
    assert ("페이지를 찾을 수 없습니다" in h1) == (lang == "ko") and ("Page not found" in h1) == (lang == "en")
    # navigation in that language: its question titles, its home
    nav = page.locator(".md-nav--primary").inner_text()
    assert ("용어집" in nav) == (lang == "ko") and ("Glossary" in nav) == (lang == "en"), nav
    assert page.locator("article a").evaluate("a => a.href") == server + prefix
    # the language menu leads to the other language's home, never to the missing page
    menu = {a.get_attribute("hreflang"): a.evaluate("a => a.href") for a in page.locator(".md-select__link").all()}
    assert menu == {lang: server + prefix, "ko" if lang == "en" else "en": server + other}, menu
    # search in that language only
    hrefs = search(page, "dropout")
    assert hrefs and all(("/dl-interview/en/" in h) == (lang == "en") for h in hrefs), hrefs
    assert not problems, problems
    assert not page.foreign


@pytest.mark.browser
def test_404_of_a_site_at_the_domain_root(browser, root_site):
    with serve(root_site, "/") as base:
        ctx = browser.new_context()
        page = ctx.new_page()
        for prefix, lang in (("", "ko"), ("en/", "en")):
            status, problems = visit(page, base + prefix + MISSING)
            assert status == 404 and page.locator("html").get_attribute("lang") == lang
            page.locator("article a").click()  # to the home page of that language, on this host
            page.wait_for_url(base + prefix)
            assert page.locator("html").get_attribute("lang") == lang
            ready(page)
            assert result_links(page), "search does not answer on the home page"
            assert not problems, problems
        ctx.close()
