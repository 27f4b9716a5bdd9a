"""The conversion dictionary, locks and accepted files: schema errors name file:line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from build_tools import dictionary
from build_tools.errors import ReportError
from build_tools.model import Settings
from build_tools.settings import load_settings


def _table(tmp_path: Path, text: str) -> ReportError:
    path = tmp_path / "conversion.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        dictionary.load_table(path, "entry")
    return caught.value


def _locks(tmp_path: Path, text: str) -> ReportError:
    path = tmp_path / "locks.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        dictionary.load_locks(path)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("s2tw:\n  发布: 發布\ns2twp:\n  程序: 程式\n", 3, "unknown target config 's2twp'"),
        ("s2tw:\n  发布: 發布\n  发展: 發\n", 3, "changes the length"),
        ("s2tw:\n  发布: 發布\n  123: 四五六\n", 3, "is not a phrase"),
        ('s2tw:\n  发布: 發布\n  "发\\t布": "發\\t布"\n', 3, "tab, line break"),
        ("s2tw:\n  发布: 發布\n\n  发布: 發佈\n", 4, "appears twice"),
        ("s2tw:\n  会议: 会議\n", 2, "会 cannot become 会"),
        ("s2tw:\n  发布: 发佈\n", 2, "发 cannot become 发"),
        ("s2tw:\n  发布: 發怖\n", 2, "布 cannot become 怖"),
        ("s2tw:\n  - 发布\n", 1, "expected a mapping of phrase: form"),
        ("s2tw:\n  发布: 發布\n\t发展: 發展\n", 3, "not valid YAML"),
    ],
)
def test_bad_dictionary_entry_names_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    err = _table(tmp_path, text)
    assert err.line == line
    assert words in err.message
    assert str(err).startswith(f"{tmp_path / 'conversion.yml'}:{line}: ")
    assert "hint:" in str(err)


def test_a_word_whose_sense_depends_on_the_sentence_is_not_accepted_alone(tmp_path: Path) -> None:
    path = tmp_path / "accepted.yml"
    path.write_text("s2tw:\n  编制规划: 編製規劃\n  编制: 編制\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        dictionary.load_table(path, "accepted")
    assert caught.value.line == 3 and "depends on the sentence" in caught.value.message
    path.write_text("s2tw:\n  编制规划: 編製規劃\n", encoding="utf-8")
    assert [p.phrase for p in dictionary.load_table(path, "accepted")] == ["编制规划"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("locks:\n  - {zh-Hans: 镇海区, zh-Hant: 鎮海區}\n  - {zh-Hans: 宁波}\n", 3, "no zh-Hant form"),
        ("locks:\n  - {zh-Hans: 镇海区, zh-Hant: 鎮海區}\n  - {zh-Hans: 宁波, zh-TW: 寧波}\n", 3, "unknown variant"),
        ("locks:\n  - {zh-Hans: 镇海区, zh-Hant: 鎮海区}\n", 2, "区 cannot become 区"),
        ("locks:\n  - {zh-Hans: 镇海区, zh-Hant: 鎮海區, zh-HK: 鎮海}\n", 2, "changes the length"),
        ("locks:\n  - {zh-Hans: 台湾, zh-Hant: 臺灣}\n  - {zh-Hans: 台湾, zh-Hant: 台灣}\n", 3, "contradicts"),
    ],
)
def test_bad_lock_names_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "locks.yml"
    if words == "contradicts":  # two locks for one name are caught when the entries are merged
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ReportError) as caught:
            dictionary.merge([dictionary.load_locks(path)], "s2tw")
        err = caught.value
    else:
        err = _locks(tmp_path, text)
    assert err.line == line
    assert words in err.message


def test_report_entry_may_override_a_shared_entry_but_not_a_lock() -> None:
    shared = dictionary.read_table({"s2tw": {"发布": "發布"}}, "shared.yml", "entry", 1)
    mine = dictionary.read_table({"s2tw": {"发布": "發佈"}}, "seed.yml", "entry", 5)
    assert dictionary.merge([shared, mine], "s2tw")["发布"].form == "發佈"
    lock = dictionary.read_locks([{"zh-Hans": "发布", "zh-Hant": "發布"}], "locks.yml", 2)
    with pytest.raises(ReportError) as caught:
        dictionary.merge([lock, mine], "s2tw")
    assert str(caught.value).startswith("seed.yml:5: s2tw: 发布 -> 發佈 contradicts 发布 -> 發布 at locks.yml:2")


def test_shipped_data_files_load() -> None:
    assert len(dictionary.shared_phrases()) > 10
    assert len(dictionary.shared_accepted()) > 100
    assert dictionary.pairs("s2tw", Settings(slug="x"))  # sorted, hashable pairs for converter()
    assert dictionary.merge([dictionary.shared_phrases()], "tw2s")  # locks give the reverse entries


def test_bad_settings_entry_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("报告\n", encoding="utf-8")
    (tmp_path / "r.yml").write_text("slug: r\nconversion:\n  s2tw:\n    发布: 發佈佈\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_settings(tmp_path / "r.txt")
    assert caught.value.line == 4
    assert caught.value.path == str(tmp_path / "r.yml")


def test_cli_reports_a_bad_lock_without_traceback(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "r.txt").write_bytes(SEED.read_bytes())
    (seeds / "r.yml").write_text("locks:\n  - {zh-Hans: 镇海区}\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "review", "r", "--root", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"{seeds / 'r.yml'}:2: this lock has no zh-Hant form" in run.stderr


def test_seed_settings_load() -> None:
    settings = load_settings(SEED)
    assert any(p.kind == "lock" for p in settings.phrases)
    assert settings.accepted


def test_pairs_follow_an_edit_of_the_shared_file_and_the_reports_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pairs() is cached, keyed by the data files' stamps (`make serve` keeps one process across
    edits) and by the report's own entries."""
    for name in ("conversion.yml", "locks.yml", "accepted.yml"):
        (tmp_path / name).write_bytes((dictionary.DATA / name).read_bytes())
    monkeypatch.setattr(dictionary, "DATA", tmp_path)
    plain = Settings(slug="a")
    before = dict(dictionary.pairs("s2tw", plain))
    assert before["发布"] == "發布" and "发表" not in before
    table = tmp_path / "conversion.yml"
    table.write_text(table.read_text(encoding="utf-8").replace("  发布: 發布", "  发布: 發布\n  发表: 發表"), "utf-8")
    stamp = table.stat().st_mtime_ns + 1_000_000_000  # a later edit, whatever the file system's clock step
    os.utime(table, ns=(stamp, stamp))
    assert dict(dictionary.pairs("s2tw", plain))["发表"] == "發表"
    own = load_settings(SEED)  # the seed's settings add its locks and entries
    assert dict(dictionary.pairs("s2tw", own))["镇海区"] == "鎮海區"
    assert "镇海区" not in dict(dictionary.pairs("s2tw", plain))
