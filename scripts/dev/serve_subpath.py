"""Serve a built site under /<repo-name>/ on 127.0.0.1, as GitHub Pages serves a
project site: the site's 404.html for a missing address, 404 outside the prefix,
text gzip-compressed for clients that accept it (so page-weight and Lighthouse
figures match what readers get).
Used by the tests and the benchmark scripts; built_site() builds the site first
when a script is given none."""
import gzip
import io
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PREFIX = "/dl-interview/"
ROOT = Path(__file__).resolve().parents[2]


class _Handler(SimpleHTTPRequestHandler):
    prefix = PREFIX

    def translate_path(self, path):
        p = urllib.parse.urlsplit(path).path
        if not p.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + p[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        # GitHub Pages answers a missing address of the site with its 404.html
        page = Path(self.directory, "404.html")
        if code != 404 or not urllib.parse.urlsplit(self.path).path.startswith(self.prefix) or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        path = self.translate_path(self.path)
        if urllib.parse.urlsplit(self.path).path.endswith("/") and Path(path, "index.html").is_file():
            path = str(Path(path, "index.html"))  # a page's address is its folder: gzip it too
        compressible = path.endswith((".html", ".css", ".js", ".json", ".svg", ".xml"))
        if not compressible or "gzip" not in self.headers.get("Accept-Encoding", "") or not Path(path).is_file():
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path, prefix: str = PREFIX):
    """Yield the base URL (http://127.0.0.1:PORT/dl-interview/) while serving site
    under `prefix` ("/" for a site at the domain's root)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()


@contextmanager
def built_site(site: Path | None):
    """Yield `site`, or, if it is None, a site built now into a temporary folder
    (removed afterwards). Exits with mkdocs' error if the build fails."""
    if site is not None:
        yield site
        return
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", tmp], cwd=ROOT,
                           capture_output=True, text=True)
        if r.returncode:
            sys.exit("mkdocs build failed:\n" + r.stderr[-4000:])
        yield Path(tmp)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", nargs="?", type=Path, help="a built site (default: build one now, into a temporary folder)")
    args = ap.parse_args()
    if args.site is not None and not args.site.is_dir():
        sys.exit(f"{args.site}: not a folder (a built site, from `mkdocs build`)")
    with built_site(args.site) as site, serve(site) as base:
        print(f"serving {site} at {base} (Ctrl-C to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
