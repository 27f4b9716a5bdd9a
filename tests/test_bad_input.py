"""Bad reports in a build: `path[:line]: message` and a hint, exit 1, no traceback, nothing
written; --keep-going builds the good reports and lists the bad ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SEED
from test_cli import BAD, run

from build_tools import cli
from build_tools.decode import MAX_BYTES

GOOD = SEED.read_text(encoding="utf-8")


def big_file(path: Path) -> None:
    """A 50 MB file, sparse: made instantly, read never (the size is checked first)."""
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)


def project(tmp_path: Path, bad: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    if bad == "directory":
        (seeds / "folder.txt").mkdir()
    elif bad == "big":
        big_file(seeds / "big.txt")
    else:
        (seeds / bad).write_bytes(BAD[bad][0])
    return tmp_path


CASES = {
    **{name: f"seeds/{expected}" for name, (_, expected) in BAD.items()},
    "directory": "seeds/folder.txt: a directory, not a readable file",
    "big": f"seeds/big.txt: file too large: 52,428,800 bytes (the limit is {MAX_BYTES:,})",
}


@pytest.mark.parametrize("bad", sorted(CASES))
def test_one_bad_report_stops_the_build_before_anything_is_written(tmp_path: Path, bad: str) -> None:
    root = project(tmp_path, bad)
    result = run("convert", "--root", ".", cwd=root)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {CASES[bad]}"), result.stderr
    assert "\n  hint: " in result.stderr and "Traceback" not in result.stderr
    assert not (root / "docs").exists() and not (root / "build").exists()


@pytest.mark.parametrize("bad", ["big", "directory", "binary.txt"])
def test_keep_going_builds_the_good_and_lists_the_bad(tmp_path: Path, bad: str) -> None:
    root = project(tmp_path, bad)
    result = run("convert", "--root", ".", "--keep-going", cwd=root)
    assert result.returncode == 1
    assert "converted 1 report(s)" in result.stdout
    assert f"error: {CASES[bad]}" in result.stderr and "Traceback" not in result.stderr
    assert "1 bad report(s) skipped: seeds/" in result.stderr
    assert (root / "docs" / "zh-Hans" / "good" / "index.md").is_file()
    assert (root / "docs" / "zh-Hant" / "good" / "index.md").is_file()
    assert not list((root / "docs" / "zh-Hans").glob("big*")) + list((root / "docs" / "zh-Hans").glob("folder*"))


def test_keep_going_with_only_good_reports_exits_0(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("convert", "--root", ".", "--keep-going", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""


def test_keep_going_with_nothing_good_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    result = run("convert", "--root", ".", "--keep-going", cwd=tmp_path)
    assert result.returncode == 1 and "seeds/empty.txt:1: the report is empty" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_duplicate_slug_is_a_bad_report_under_keep_going(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "seeds" / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "seeds" / "b.yml").write_text("slug: a\n", encoding="utf-8")
    result = run("convert", "--root", ".", "--keep-going", cwd=tmp_path)
    assert result.returncode == 1 and "seeds/b.txt: slug 'a' is already used by seeds/a.txt" in result.stderr
    assert (tmp_path / "docs" / "zh-Hans" / "a" / "index.md").is_file()


def test_big_file_in_outline(tmp_path: Path) -> None:
    big_file(tmp_path / "big.txt")
    result = run("outline", "big.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("error: big.txt: file too large")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: make the read fail as a permission error would

        def denied(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", denied)
    else:
        path.chmod(0)
    assert cli.main(["outline", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: cannot be read: Permission denied\n  hint: "), err
