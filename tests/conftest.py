"""Shared fixtures: the site built once with --strict, served under a sub-path
the way GitHub Pages serves a project site (/<repo-name>/)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The scripts import one another by module name: every role folder on the path.
ROLES = ("content", "hooks", "bench", "dev")
sys.path[:0] = [str(ROOT / "scripts" / role) for role in ROLES]
from serve_subpath import PREFIX, serve  # noqa: E402  (PREFIX stands for /<repo-name>/)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, f"mkdocs build --strict failed:\n{r.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def raw_math_site(tmp_path_factory) -> Path:
    """The site as built without Node: formulas left for MathJax in the browser."""
    out = tmp_path_factory.mktemp("raw-math-site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=ROOT,
                       capture_output=True, text=True, env={**os.environ, "MATH_PRERENDER": "0"})
    assert r.returncode == 0, r.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def raw_math_server(raw_math_site):
    with serve(raw_math_site) as base:
        yield base


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site, e.g. http://127.0.0.1:PORT/dl-interview/; outside
    that prefix everything is a 404, as on GitHub Pages."""
    with serve(site) as base:
        assert base.endswith(PREFIX)
        yield base


# --- Real Chromium (Debian's): skipped on a developer's machine without it, a failure in CI ---

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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
def page(browser, server, request):
    """A fresh page; every request is recorded, and any to another host is refused.
    Parametrize indirectly with "dark" for the dark colour scheme."""
    scheme = getattr(request, "param", "light")
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    # the test servers all run on this host (their ports differ); any other host is foreign
    host = "{0.scheme}://{0.hostname}:".format(urlsplit(server))
    page = ctx.new_page()
    page.requested, page.foreign = [], []

    def route(r):
        url = r.request.url
        page.requested.append(url)
        if url.startswith(host) or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            page.foreign.append(url)
            r.abort()

    ctx.route("**/*", route)
    yield page
    ctx.close()


@pytest.fixture
def docs(tmp_path):
    """A copy of both languages' pages in tmp_path/docs, for the scripts that edit or
    read them (run with cwd=tmp_path and `--docs docs`)."""
    shutil.copytree(ROOT / "docs" / "ko", tmp_path / "docs" / "ko")
    shutil.copytree(ROOT / "docs" / "en", tmp_path / "docs" / "en")
    return tmp_path / "docs"
