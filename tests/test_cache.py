"""A report is converted again only when its content, settings, the package or OpenCC change;
what the cache gives is what a fresh conversion gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED

from build_tools import cache, conversion, pipeline, review_files

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths conversion.parse_text is called for: every report converted, not taken from the cache."""
    calls: list[str] = []
    real = conversion.parse_text

    def counting(text: str, path: str, settings: object) -> object:
        calls.append(path)
        return real(text, path, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(conversion, "parse_text", counting)
    return calls


def project(tmp_path: Path, names: tuple[str, ...] = ("a", "b", "c")) -> Path:
    (tmp_path / "seeds").mkdir(parents=True)
    for name in names:
        (tmp_path / "seeds" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_unchanged_reports_are_not_converted_again(tmp_path: Path, conversions: list[str]) -> None:
    root = project(tmp_path)
    first = pipeline.build(root)
    assert sorted(conversions) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]
    conversions.clear()
    second = pipeline.build(root)
    assert conversions == [] and second.changed == () and second.files == first.files


def test_an_edited_report_alone_is_converted_and_matches_a_fresh_build(tmp_path: Path, conversions: list[str]) -> None:
    root = project(tmp_path)
    pipeline.build(root)
    conversions.clear()
    (root / "seeds" / "b.txt").write_text(TEXT.replace("镇海区", "北仑区"), encoding="utf-8")
    cached = pipeline.build(root)
    assert conversions == ["seeds/b.txt"]
    entries = sorted(p.name.split(".", 1)[1] for p in (root / cache.CACHE).glob("*.pickle"))
    assert entries == ["pickle"] * 3 + ["review.pickle"] * 3  # the old b.txt entries are gone
    shutil.copytree(root / "seeds", tmp_path / "fresh" / "seeds")
    fresh = pipeline.build(tmp_path / "fresh", write=False)
    assert cached.files == fresh.files and "北仑区" in cached.files["zh-Hans/b/index.md"]


def test_settings_and_package_changes_convert_again(
    tmp_path: Path, conversions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    pipeline.build(root)
    conversions.clear()
    (root / "seeds" / "a.yml").write_text("hant_config: s2hk\n", encoding="utf-8")
    pipeline.build(root)
    assert conversions == ["seeds/a.txt"]
    conversions.clear()
    monkeypatch.setattr(cache, "fingerprint", lambda: "another version of the converter")
    pipeline.build(root)
    assert len(conversions) == 3


def test_a_damaged_cache_entry_is_converted_again(tmp_path: Path, conversions: list[str]) -> None:
    root = project(tmp_path, ("a",))
    first = pipeline.build(root)
    for entry in (root / cache.CACHE).glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    conversions.clear()
    again = pipeline.build(root)
    assert conversions == ["seeds/a.txt"] and again.files == first.files


def test_fingerprint_covers_code_and_data() -> None:
    files = {p.name for p in cache.PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert {"blocks.py", "numbering.yml", "chrome.yml", "cache.py"} <= files
    assert len(cache.fingerprint()) == 64


def test_review_lists_are_made_again_only_for_an_edited_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = review_files.review_lists

    def counting(variants: dict) -> dict:
        made.append(next(iter(variants.values())).slug)
        return real(variants)

    monkeypatch.setattr(review_files, "review_lists", counting)
    root = project(tmp_path)
    pipeline.build(root)
    assert sorted(made) == ["a", "b", "c"]
    made.clear()
    (root / "seeds" / "b.txt").write_text(TEXT.replace("发布", "公布"), encoding="utf-8")
    pipeline.build(root)
    assert made == ["b"]
    shutil.copytree(root / "seeds", tmp_path / "fresh" / "seeds")
    pipeline.build(tmp_path / "fresh")
    for name in ("a.zh-Hant.json", "b.zh-Hant.json", "b.zh-Hant.md"):
        cached = (root / "build" / "review" / name).read_text(encoding="utf-8")
        assert cached == (tmp_path / "fresh" / "build" / "review" / name).read_text(encoding="utf-8"), name
    assert "公布" in (root / "build" / "review" / "b.zh-Hant.md").read_text(encoding="utf-8")
