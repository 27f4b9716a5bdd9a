"""A built site served over HTTP under a subpath (as GitHub Pages serves a project site), for browser tests."""

from __future__ import annotations

import functools
import gzip
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUBPATH = "/gov-reports/"  # the repository name under which GitHub Pages publishes the site
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")  # what GitHub Pages gzips


class _Handler(SimpleHTTPRequestHandler):
    """Files of site/ under SUBPATH; anything else, or a missing file, gets site/404.html with 404."""

    compress = False

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return self._not_found()
        self.path = "/" + self.path[len(SUBPATH) :]
        local = Path(self.translate_path(self.path))
        if not (local.is_file() or (local / "index.html").is_file()):
            return self._not_found()
        if local.is_dir() and self.path.endswith("/"):
            local = local / "index.html"
        if self.compress and local.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._gzipped(local)
        return super().send_head()

    def _gzipped(self, local: Path):
        body = gzip.compress(local.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def free_port() -> int:
    """A port free now, to build a site for before serving it there (its SITE_URL names the port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(site: Path, port: int = 0, compress: bool = False) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port by default); yield the site's URL (ending in SUBPATH)."""
    handler = functools.partial(type("Handler", (_Handler,), {"compress": compress}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
