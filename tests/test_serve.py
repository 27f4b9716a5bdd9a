"""`make serve`: MkDocs watches the files a publisher writes, not the pages the converter writes
(a seed edit is then built once, not twice: the conversion's own writes are no change to watch);
a build error shows in the browser's page, not only in the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from conftest import SEED, project

from build_tools import mkdocs_hooks
from build_tools.preview import free_port


class Server:
    """The two methods of MkDocs' LiveReloadServer the hook calls, recording what it is told."""

    def __init__(self) -> None:
        self.watched: list[tuple[str, bool]] = []
        self.unwatched: list[str] = []

    def watch(self, path: str, recursive: bool = True) -> None:
        self.watched.append((path, recursive))

    def unwatch(self, path: str) -> None:
        self.unwatched.append(path)


def test_serve_watches_the_hand_written_files_of_the_variant_only(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generated = ["zh-Hans/index.md", "zh-Hans/report/part-1.md", "zh-Hant/index.md"]
    for rel in [*generated, "zh-Hans/about.md", "zh-Hans/report/note.md", "zh-Hant/about.md"]:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# x\n", encoding="utf-8")
    (docs / ".generated.json").write_text(json.dumps(generated), encoding="utf-8")
    (tmp_path / "site.yml").write_text("name: 某某文库\n", encoding="utf-8")  # the site's name, colours …
    server = Server()
    config = SimpleNamespace(docs_dir=str(docs / "zh-Hans"), config_file_path=str(tmp_path / "mkdocs.yml"))
    assert mkdocs_hooks.on_serve(server, config, builder=None) is server
    assert server.unwatched == [str(docs / "zh-Hans")]
    assert server.watched == [
        (str(docs / "zh-Hans" / "about.md"), False),
        (str(docs / "zh-Hans" / "report" / "note.md"), False),
        (str(tmp_path / "site.yml"), False),
    ]


def _served_home(root: Path) -> str:
    """The home page `mkdocs serve` shows for the project in root (as `make serve` runs it)."""
    port = free_port()
    (root / "docs" / "zh-Hans").mkdir(parents=True, exist_ok=True)  # as `make serve` does
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                if server.poll() is not None:
                    raise AssertionError(f"mkdocs serve stopped:\n{server.stdout.read()}") from None
                time.sleep(0.5)
        raise AssertionError("mkdocs serve did not answer in 120 s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_under_serve_a_bad_report_is_shown_on_the_page_and_the_others_are_built(tmp_path: Path) -> None:
    root = project(tmp_path, {"good.txt": SEED.read_text(encoding="utf-8"), "bad.txt": "某某报告\n"})
    home = _served_home(root)
    banner = home[home.index('<div class="build-errors"') :]
    assert "seeds/bad.txt:2: no body text" in banner[: banner.index("</div>")]
    assert 'href="good/"' in home  # the good report is on the site


def test_under_serve_an_error_that_stops_the_build_is_the_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "seeds" / "glossary.yml").write_text("terms: [\n", encoding="utf-8")
    home = _served_home(root)
    assert "<h1" in home and "构建出错" in home
    assert "seeds/glossary.yml:" in home and "not valid YAML" in home
