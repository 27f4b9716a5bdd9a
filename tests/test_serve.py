"""`make serve`: MkDocs watches the files a publisher writes, not the pages the converter writes
(a seed edit is then built once, not twice: the conversion's own writes are no change to watch)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from build_tools import mkdocs_hooks


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
    server = Server()
    config = SimpleNamespace(docs_dir=str(docs / "zh-Hans"))
    assert mkdocs_hooks.on_serve(server, config, builder=None) is server
    assert server.unwatched == [str(docs / "zh-Hans")]
    assert server.watched == [
        (str(docs / "zh-Hans" / "about.md"), False),
        (str(docs / "zh-Hans" / "report" / "note.md"), False),
    ]
