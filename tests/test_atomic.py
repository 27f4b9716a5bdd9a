"""Atomic output: a build that fails or is interrupted while writing leaves the previous docs/
exactly as it was; nothing half-written, no temporary files left behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED

from build_tools import pipeline, sitefiles

TEXT = SEED.read_text(encoding="utf-8")


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def folders(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_dir()}


def fail_after(monkeypatch: pytest.MonkeyPatch, calls: int, error: BaseException) -> None:
    """Make the (calls+1)-th temporary-file write fail, as a full disk or Ctrl-C would."""
    real = sitefiles._temp_file
    count = {"n": 0}

    def flaky(target: Path, data: bytes) -> Path:
        count["n"] += 1
        if count["n"] > calls:
            raise error
        return real(target, data)

    monkeypatch.setattr(sitefiles, "_temp_file", flaky)


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_tree_leaves_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error) -> None:
    old = {"a/index.md": "old a", "b/index.md": "old b", "c/index.md": "old c"}
    sitefiles.write_tree(tmp_path, old)
    (tmp_path / "a" / "notes.md").write_text("hand-written", encoding="utf-8")
    before, dirs = snapshot(tmp_path), folders(tmp_path)
    new = {"a/index.md": "new a", "b/index.md": "new b", "c/index.md": "new c", "d/e/index.md": "new d"}
    fail_after(monkeypatch, 3, error)  # a, b, c written to temporary files; d fails
    with pytest.raises(type(error)):
        sitefiles.write_tree(tmp_path, new)
    assert snapshot(tmp_path) == before
    assert folders(tmp_path) == dirs  # no folder left for the new report


def test_interrupted_build_keeps_previous_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text(TEXT, encoding="utf-8")
    pipeline.build(tmp_path)
    before = snapshot(tmp_path / "docs")
    # an edited report and a new one: many files would change, then the writing stops midway
    (tmp_path / "seeds" / "one.txt").write_text(TEXT.replace("镇海区", "北仑区"), encoding="utf-8")
    (tmp_path / "seeds" / "two.txt").write_text(TEXT, encoding="utf-8")
    fail_after(monkeypatch, 5, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(tmp_path)
    assert snapshot(tmp_path / "docs") == before
    monkeypatch.undo()
    built = pipeline.build(tmp_path)  # the next build completes the job
    assert len(built.changed) > 5
    manifest = json.loads((tmp_path / "docs" / ".generated.json").read_text(encoding="utf-8"))
    assert "zh-Hans/two/index.md" in manifest and "北仑区" in (tmp_path / "docs/zh-Hans/one/index.md").read_text(
        encoding="utf-8"
    )


def test_stale_files_are_removed_before_the_manifest_forgets_them(tmp_path: Path) -> None:
    sitefiles.write_tree(tmp_path, {"a/index.md": "a", "b/index.md": "b"})
    changed = sitefiles.write_tree(tmp_path, {"a/index.md": "a"})
    assert changed == ["b/index.md"] and not (tmp_path / "b").exists()
    assert json.loads((tmp_path / ".generated.json").read_text(encoding="utf-8")) == ["a/index.md"]
