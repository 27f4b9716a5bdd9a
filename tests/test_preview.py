"""`make preview`: the built site/ served as GitHub Pages serves it (build_tools/preview.py): under
the path of the address it was built for, every variant, the PDFs, 404.html for what is missing."""

from __future__ import annotations

import functools
import gzip
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from conftest import SEED, TEST_SITE_URL, project

from build_tools import preview

SLUG = SEED.stem


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_served_as_pages_serves_it(built_site: Path) -> None:
    with preview.serve(built_site, "/gov-reports/", compress=True) as url:
        assert url.endswith("/gov-reports/")
        status, _, page = _get(url + f"zh-Hant/{SLUG}/part-1/")
        assert status == 200 and b'lang="zh-Hant"' in page
        status, headers, _ = _get(url + f"{SLUG}/{SLUG}.zh-Hans.pdf")
        assert status == 200 and headers["Content-Type"] == "application/pdf"
        assert _get(url[:-1])[:2][0] == 301 and _get(url[:-1])[1]["Location"] == "/gov-reports/"
        status, headers, _ = _get(url + f"{SLUG}/part-1")
        assert status == 301 and headers["Location"] == f"/gov-reports/{SLUG}/part-1/"  # under the subpath
        status, _, page = _get(url + "no-such-page/")
        assert status == 404 and page == (built_site / "404.html").read_bytes()
        assert _get(url.replace("/gov-reports/", "/"))[0] == 404  # outside the subpath: nothing
        status, headers, body = _get(url + "search/index/manifest.json", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body).startswith(b"{")


def test_make_preview_prints_the_address_and_serves_the_built_path(built_site: Path) -> None:
    """The demo site was built for https://example.github.io/gov-reports/: served at /gov-reports/."""
    root = built_site.parent
    port = preview.free_port()
    command = [sys.executable, "-m", "build_tools", "preview", "--port", str(port), "--root", str(root)]
    # Ctrl+C as in a terminal, even when the tests run in the background (where SIGINT is ignored)
    interruptible = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=interruptible
    )
    try:
        first = server.stdout.readline()
        assert first == f"site/ at http://localhost:{port}/gov-reports/ (Ctrl+C stops it)\n"
        assert server.stdout.readline().startswith(f"built for {TEST_SITE_URL}:")
        status, _, page = _get(f"http://127.0.0.1:{port}/gov-reports/zh-HK/")
        assert status == 200 and b'lang="zh-HK"' in page
        server.send_signal(signal.SIGINT)  # Ctrl+C
        assert server.wait(timeout=10) == 0 and server.stdout.read() == "stopped\n"
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)


def test_preview_before_a_build_says_what_to_run(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "build_tools", "preview", "--root", str(project(tmp_path))]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: site/: the site is not built yet\n  hint: run `make site` first")


@pytest.mark.parametrize(
    ("built_for", "mount"),
    [("https://o.github.io/repo/", "/repo/"), ("https://x.gov.cn/", "/"), ("http://localhost:8080/", "/")],
)
def test_the_path_served_is_the_built_addresss(tmp_path: Path, built_for: str, mount: str) -> None:
    (tmp_path / "build").mkdir()
    (tmp_path / preview.BUILT_FOR).write_text(built_for + "\n", encoding="utf-8")
    assert preview.built_for_address(tmp_path) == built_for and preview.mount_of(built_for) == mount
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    with preview.serve(tmp_path / "site", preview.mount_of(built_for)) as url:
        assert url.endswith(mount) and _get(url)[2] == b"<p>home</p>"
