"""Any report under any file name: slugs made from the title, seeds/ read whole (.TXT, files not
read named), reports found by path or slug, warnings with file:line and `convert --strict`, and
settings that always win (title, date, source, publisher, body_from; a full-width colon refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, corpus_file
from test_cli import run

from build_tools.slugs import slug_from

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SLUG = "ningboshi-zhenhaiqu-renminzhengfu-2024-fazhi-zhengfu-jianshe"  # the seed's title in pinyin, shortened


def seeds(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_file_named_in_chinese_builds_with_a_readable_ascii_slug(tmp_path: Path) -> None:
    text = corpus_file("provincial-2026/beijing-2026-government-work-report.txt").read_text(encoding="utf-8")
    root = seeds(tmp_path, {"北京市2026年政府工作报告.txt": text})
    result = run("convert", "--root", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "docs/zh-Hans/2026-beijingshi-zhengfu-gongzuo-baogao/index.md").is_file()
    assert (root / "docs/zh-Hant/2026-beijingshi-zhengfu-gongzuo-baogao/part-3.md").is_file()
    # `outline` needs no slug and takes the file, or the report's slug
    shown = run("outline", "2026-beijingshi-zhengfu-gongzuo-baogao", "--root", ".", "--json", cwd=root)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["title"] == "2026年北京市政府工作报告"
    assert run("outline", "seeds/北京市2026年政府工作报告.txt", cwd=root).returncode == 0
    reviewed = run("review", "2026-beijingshi-zhengfu-gongzuo-baogao", "--root", ".", cwd=root)
    assert reviewed.returncode == 0 and "2026-beijingshi-zhengfu-gongzuo-baogao -> zh-Hant" in reviewed.stdout


@pytest.mark.parametrize("name", ["000_ac4bc95c8ff132ad.txt", "report_2024.txt", "宁波镇海.TXT"])
def test_the_seed_under_any_name_keeps_its_outline_and_ids(tmp_path: Path, name: str) -> None:
    root = seeds(tmp_path, {name: SEED_TEXT})
    result = run("convert", "--root", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "docs/zh-Hans" / SEED_SLUG / "part-3.md").is_file()
    renamed = json.loads(run("outline", f"seeds/{name}", "--json", cwd=root).stdout)
    seed = json.loads(run("outline", str(SEED), "--json").stdout)
    assert renamed["slug"] == SEED_SLUG and seed["slug"] == "zhenhai-2024-law-based-government"
    assert {**renamed, "slug": ""} == {**seed, "slug": ""}  # the same outline, ids and all


def test_slugs_from_titles() -> None:
    assert slug_from("2026年北京市政府工作报告", "2026-02-02", "北京日报") == "2026-beijingshi-zhengfu-gongzuo-baogao"
    # a title that names no more than its genre: the date and who published it tell reports apart
    assert slug_from("政府工作报告", "2026-01-31", "青海日报") == "2026-01-31-qinghai-ribao-zhengfu-gongzuo-baogao"
    assert slug_from("政府工作报告", None, None) == "zhengfu-gongzuo-baogao"
    assert slug_from("1954年政府工作報告", None, None) == "1954-zhengfu-gongzuo-baogao"  # Traditional characters


def test_two_reports_with_one_slug_stop_the_build_naming_both(tmp_path: Path) -> None:
    root = seeds(tmp_path, {"镇海报告.txt": SEED_TEXT, "镇海报告副本.txt": SEED_TEXT})
    result = run("convert", "--root", ".", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"seeds/镇海报告副本.txt: slug '{SEED_SLUG}' is already used by seeds/镇海报告.txt" in result.stderr
    assert not (root / "docs").exists()


def test_files_of_seeds_that_are_not_read_are_named(tmp_path: Path) -> None:
    root = seeds(
        tmp_path, {"r.txt": SEED_TEXT, "notes.docx": "x", "old.yml": "title: x\n", "r.glossary.yml": "terms: []\n"}
    )
    result = run("convert", "--root", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "seeds/notes.docx: warning: not read: only .txt files are reports" in result.stderr
    assert "seeds/old.yml: warning: settings for a report old.txt that is not in seeds/" in result.stderr
    assert "r.glossary.yml" not in result.stderr


def test_warnings_name_file_and_line_and_strict_makes_them_errors(tmp_path: Path) -> None:
    text = corpus_file("provincial-2026/anhui-2026-government-work-report.txt").read_text(encoding="utf-8")
    root = seeds(tmp_path, {"anhui.txt": text})
    shown = run("outline", "seeds/anhui.txt", cwd=root)
    warning = "seeds/anhui.txt:10: warning: title found on line 10; lines 1–9 above it removed as page chrome"
    assert shown.returncode == 0 and warning in shown.stderr
    strict = run("convert", "--root", ".", "--strict", cwd=root)
    assert strict.returncode == 1 and warning in strict.stderr
    assert "error: seeds/anhui.txt:10: title found on line 10" in strict.stderr
    assert "without --strict, warnings do not stop the build" in strict.stderr
    assert not (root / "docs").exists() and "Traceback" not in strict.stderr
    relaxed = run("convert", "--root", ".", cwd=root)
    assert relaxed.returncode == 0 and warning in relaxed.stderr
    assert run("convert", "--root", ".", "--strict", cwd=root).returncode == 1  # from the cache, the same


def test_the_seed_converts_strict() -> None:
    """The published seed raises no warning: its title, metadata and numbering are all plain."""
    result = run("outline", str(SEED))
    assert result.returncode == 0 and result.stderr == ""


def test_settings_always_win(tmp_path: Path) -> None:
    root = seeds(tmp_path, {"r.txt": SEED_TEXT})
    settings = (
        "title: 2024年镇海区法治政府建设情况报告\ndate: 2025-03-12\nsource: 镇海发布\npublisher: 宁波市镇海区人民政府\n"
    )
    (root / "seeds/r.yml").write_text(settings, encoding="utf-8")
    data = json.loads(run("outline", "seeds/r.txt", "--json", cwd=root).stdout)
    assert data["title"] == "2024年镇海区法治政府建设情况报告"
    assert data["front"] == [{"line": 5, "kind": "title", "text": "宁波市镇海区人民政府关于2024年法治政府建设情况报告"}]
    assert (data["date"], data["time"], data["source"], data["publisher"]) == (
        "2025-03-12",
        None,
        "镇海发布",
        "宁波市镇海区人民政府",
    )


def test_body_from_in_the_settings_must_be_a_line(tmp_path: Path) -> None:
    root = seeds(tmp_path, {"r.txt": SEED_TEXT})
    (root / "seeds/r.yml").write_text("body_from: 9999\n", encoding="utf-8")
    result = run("outline", "seeds/r.txt", cwd=root)
    assert result.returncode == 1 and "seeds/r.yml: body_from: 9999 is not a line of the report" in result.stderr
    (root / "seeds/r.yml").write_text("body_from: twelve\n", encoding="utf-8")
    result = run("outline", "seeds/r.txt", cwd=root)
    assert result.returncode == 1 and "seeds/r.yml:1: body_from must be a line number" in result.stderr


def test_a_full_width_colon_in_the_settings_is_pointed_at(tmp_path: Path) -> None:
    root = seeds(tmp_path, {"r.txt": SEED_TEXT})
    (root / "seeds/r.yml").write_text("zh_hk: true\nsource_url： https://example.org/r\n", encoding="utf-8")
    result = run("outline", "seeds/r.txt", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "error: seeds/r.yml:2: `source_url` is followed by a full-width colon ： (column 11)"
    )
    lines = result.stderr.splitlines()
    assert lines[1:3] == ["  source_url： https://example.org/r", "            ^"]  # under the ：
    assert "hint: type an ASCII colon and a space: `source_url: …`" in result.stderr


def test_a_date_setting_is_checked(tmp_path: Path) -> None:
    root = seeds(tmp_path, {"r.txt": SEED_TEXT})
    (root / "seeds/r.yml").write_text("date: 2025年3月\n", encoding="utf-8")
    result = run("outline", "seeds/r.txt", cwd=root)
    assert result.returncode == 1 and "seeds/r.yml:1: date '2025年3月' is not a date" in result.stderr
