"""Shared fixtures: the site built once with --strict, served under a sub-path
the way GitHub Pages serves a project site (/<repo-name>/)."""
import subprocess
import sys
import threading
import urllib.parse
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/dl-interview/"  # stands for /<repo-name>/


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, f"mkdocs build --strict failed:\n{r.stderr[-4000:]}"
    return out


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX; everything else is a 404, as on Pages."""

    def translate_path(self, path):
        p = urllib.parse.urlsplit(path).path
        if not p.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + p[len(PREFIX):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site, e.g. http://127.0.0.1:PORT/dl-interview/."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SubPathHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()
