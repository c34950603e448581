"""Serve a built site under /<repo-name>/ on 127.0.0.1, as GitHub Pages serves a
project site (used by the benchmark scripts; the tests have the same in conftest)."""
import threading
import urllib.parse
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PREFIX = "/dl-interview/"


class _Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path):
        p = urllib.parse.urlsplit(path).path
        if not p.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + p[len(PREFIX):])

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path):
    """Yield the base URL (http://127.0.0.1:PORT/dl-interview/) while serving site."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    finally:
        httpd.shutdown()
