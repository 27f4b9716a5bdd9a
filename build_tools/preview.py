"""The built site/ served over HTTP as GitHub Pages serves it: under the path of the address it was
built for (https://OWNER.github.io/REPO/ is served at http://localhost:PORT/REPO/), every
variant, the PDFs and the search index, site/404.html (status 404) for anything missing, a
folder without its trailing slash redirected to it, text files gzip'd when asked (as Pages does).

`make preview` (cli: `preview`) runs it in the foreground; the publication's checks and the tests
run it in a thread (serve()).
"""

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
from typing import Any
from urllib.parse import urlsplit

from . import identity
from .errors import ReportError

COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")  # what GitHub Pages gzips
BUILT_FOR = "build/site-url"  # written by convert: the address the site was built for


class Handler(SimpleHTTPRequestHandler):
    """Files of `directory` under `mount`; anything else, or a missing file, gets 404.html with 404."""

    mount = "/"
    compress = False

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the address is all a reader needs
        pass

    def send_head(self) -> Any:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path + "/" == self.mount:
            return self._redirect(self.mount)
        if not path.startswith(self.mount):
            return self._not_found()
        self.path = "/" + self.path[len(self.mount) :]
        local = Path(self.translate_path(self.path))
        if local.is_dir() and (local / "index.html").is_file() and not path.endswith("/"):
            return self._redirect(path + "/")
        if not local.is_file() and not (local / "index.html").is_file():
            return self._not_found()
        if local.is_dir():
            local = local / "index.html"
        if self.compress and local.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._gzipped(local)
        return super().send_head()

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _gzipped(self, local: Path) -> io.BytesIO:
        body = gzip.compress(local.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"404 Not Found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def free_port() -> int:
    """A port free now (to build a site for before serving it there: its address names the port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def mount_of(address: str) -> str:
    """The path a site built for `address` is served under: https://o.github.io/repo/ -> /repo/."""
    return _mount(urlsplit(address).path)


def _mount(path: str) -> str:
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _server(site: Path, mount: str, port: int, compress: bool, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    attributes = {"mount": _mount(mount), "compress": compress}
    handler = functools.partial(type("SiteHandler", (Handler,), attributes), directory=str(site))
    return ThreadingHTTPServer((host, port), handler)


@contextmanager
def serve(site: Path, mount: str = "/", port: int = 0, compress: bool = False) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port by default) in a thread; yield its URL (ending in mount)."""
    server = _server(site, mount, port, compress)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{_mount(mount)}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def run(root: Path, port: int, host: str = "127.0.0.1") -> int:
    """`make preview`: serve root/site/ in the foreground until Ctrl+C. host 0.0.0.0 lets other
    machines in (a container's host, a phone on the same network)."""
    site = root / "site"
    if not (site / "index.html").is_file():
        raise ReportError("site/", "the site is not built yet", "run `make site` first, then `make preview`")
    built_for = built_for_address(root)
    mount = mount_of(built_for)
    try:
        server = _server(site, mount, port, compress=True, host=host)
    except OSError as err:
        hint = f"stop what uses it, or choose another: make preview PORT={port + 1}"
        raise ReportError(f"port {port}", f"cannot serve there: {err.strerror}", hint) from None
    print(f"site/ at http://localhost:{port}{_mount(mount)} (Ctrl+C stops it)")
    print(f"built for {built_for}: the same paths as there; every variant, the PDFs and search work")
    if stale := _changed_since(root, site):
        print(f"note: {stale} changed after this build: run `make site` to see it")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.server_close()
    return 0


def built_for_address(root: Path) -> str:
    """The address the site in site/ was built for (convert writes it), ending in /."""
    try:
        return (root / BUILT_FOR).read_text(encoding="utf-8").strip() or identity.LOCAL_ROOT
    except OSError:
        return identity.LOCAL_ROOT


def _changed_since(root: Path, site: Path) -> str | None:
    """A file of seeds/ (or site.yml) newer than the built site, if any."""
    built = (site / "index.html").stat().st_mtime
    inputs = [*sorted((root / "seeds").glob("*")), root / identity.FILE]
    newer = [p for p in inputs if p.is_file() and p.stat().st_mtime > built]
    return str(newer[0].relative_to(root)) if newer else None
