"""The command line: outline as JSON, and bad input as `path:line: message`, exit 1, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=cwd, capture_output=True, text=True)


def test_outline_json_is_the_document_model() -> None:
    result = run("outline", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"title", "metadata", "date", "source", "removed", "preamble", "sections"} <= set(data)
    assert data["metadata"]["索引号"] == "734247248/2025-225175"
    assert [s["number"] for s in data["sections"]] == ["一、", "二、", "三、"]
    assert data["sections"][0]["children"][1] == {
        **data["sections"][0]["children"][1],
        "id": "part-1-2",
        "number": "(二)",
        "title": "坚持规范管理,全面加强依法行政决策能力",
    }
    assert data["removed"][0] == {"line": 8, "text": "字号:", "rule": "font-size-control"}


def test_outline_text_shows_the_tree() -> None:
    result = run("outline", str(SEED))
    assert result.returncode == 0
    assert "(一)紧扣发展大局,统筹推进法治政府建设。  #part-3-1" in result.stdout


BAD = {
    "empty.txt": (b"", "empty.txt:1: the report is empty"),
    "blank.txt": (b"\n  \n\t\n", "blank.txt:1: the report is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary.txt:3: binary data"),
    "truncated.txt": ("标题\n正文".encode()[:-1], "truncated.txt:2: not valid utf-8"),
    "title-only.txt": ("某某报告\n".encode(), "title-only.txt:2: no body text"),
    "no-title.txt": ("各位代表：\n\n现在我作报告。".encode(), "no-title.txt:1: no title found"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_location_hint_and_exit_1(tmp_path: Path, name: str) -> None:
    data, expected = BAD[name]
    (tmp_path / name).write_bytes(data)
    result = run("outline", name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {expected}"), result.stderr
    assert "hint:" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_directory(tmp_path: Path) -> None:
    for target in ("nothing.txt", "."):
        result = run("outline", target, cwd=tmp_path)
        assert result.returncode == 1 and "not a readable file" in result.stderr and "Traceback" not in result.stderr


def test_convert_stops_on_a_bad_report_before_writing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"")
    result = run("convert", "--root", str(tmp_path))
    assert result.returncode == 1 and "bad.txt:1: the report is empty" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_convert_writes_both_variants_and_rewrites_nothing_the_second_time(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    first = run("convert", "--root", str(tmp_path))
    # per variant: home, glossary, and the report's index, 3 parts and cited documents; the zh-HK
    # site has only its home and glossary pages (no settings, so no `zh_hk: true`), the English one
    # its home page (no catalogue); every Chinese site has the library's pages: all reports, one
    # year, kind and publisher, and the filter's data
    assert first.returncode == 0 and "32 file(s) changed" in first.stdout
    assert not (tmp_path / "docs" / "zh-HK" / "good").exists()
    assert (tmp_path / "docs" / "zh-Hant" / "good" / "part-1.md").is_file()
    second = run("convert", "--root", str(tmp_path))
    assert "0 file(s) changed" in second.stdout


def test_removed_report_pages_are_deleted_hand_written_files_kept(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for name in ("one.txt", "two.txt"):
        (tmp_path / "seeds" / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("convert", "--root", str(tmp_path)).returncode == 0
    (tmp_path / "docs" / "zh-Hans" / "notes.md").write_text("hand-written", encoding="utf-8")
    (tmp_path / "seeds" / "two.txt").unlink()
    assert run("convert", "--root", str(tmp_path)).returncode == 0
    assert not (tmp_path / "docs" / "zh-Hans" / "two").exists()
    assert (tmp_path / "docs" / "zh-Hans" / "one" / "index.md").is_file()
    assert (tmp_path / "docs" / "zh-Hans" / "notes.md").read_text(encoding="utf-8") == "hand-written"


def test_bad_settings_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "r.yml").write_text("slug: r\nhant_config: s2twp\n", encoding="utf-8")
    result = run("outline", "r.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("error: r.yml:2: hant_config 's2twp' is not allowed")


def test_outside_the_project_environment_it_says_how_to_run_it() -> None:
    """A Python without the project's packages (-S: no site-packages) gets the command, not a traceback."""
    result = subprocess.run(
        [sys.executable, "-S", "-m", "build_tools", "outline", "seeds/x.txt"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "this is not the project's Python" in result.stderr
    assert result.stderr.rstrip().endswith(".venv/bin/python -m build_tools outline seeds/x.txt")


def test_with_no_report_yet_the_site_has_its_home_and_glossary(tmp_path: Path) -> None:
    """The demo removed and nothing added yet: a site of two pages per variant, and a note."""
    (tmp_path / "seeds").mkdir()
    result = run("convert", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "note: seeds/ holds no report" in result.stdout
    home = (tmp_path / "docs" / "zh-Hant" / "index.md").read_text(encoding="utf-8")
    assert "<p>尚未收錄報告。</p>" in home and (tmp_path / "docs" / "zh-Hans" / "glossary.md").is_file()


def test_keep_going_lists_the_bad_reports_in_a_file_for_make(tmp_path: Path) -> None:
    """`make site KEEP_GOING=1` repeats the bad reports at its end from --failed-list."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"")
    listing = tmp_path / "build" / "bad-reports.txt"
    result = run("convert", "--root", str(tmp_path), "--keep-going", "--failed-list", str(listing))
    assert result.returncode == 1 and (tmp_path / "docs" / "zh-Hans" / "good" / "index.md").is_file()
    assert listing.read_text(encoding="utf-8").startswith("error: seeds/bad.txt:1: the report is empty")


def test_output_cut_short_by_the_reader_is_no_error() -> None:
    """`outline FILE | head`: the pipe closes early; no traceback."""
    outline = subprocess.Popen(
        [sys.executable, "-m", "build_tools", "outline", str(SEED)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    outline.stdout.close()  # before it writes (it is still starting): as `head` does once it has enough
    assert outline.wait(timeout=60) == 0 and b"Traceback" not in outline.stderr.read()
