"""`make site` converts once: the MkDocs builds' hook takes the navigation from the stamp while
docs/ is current for the same inputs, and converts again after any edit (build_tools/stamp.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED

from build_tools import built, pipeline, stamp
from build_tools.errors import ReportError

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The roots pipeline.build is called for."""
    calls: list[Path] = []
    real = pipeline.build

    def counting(root: Path, *args: object, **kwargs: object) -> built.Built:
        calls.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build", counting)
    return calls


def converted(tmp_path: Path) -> Path:
    """A project whose seeds/ was just converted (as `make site`'s first step does)."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "a.txt")
    pipeline.build(tmp_path)
    return tmp_path


def test_hook_after_convert_takes_the_stamp(tmp_path: Path, builds: list[Path]) -> None:
    root = converted(tmp_path)
    fresh = built.for_mkdocs(pipeline.build(root, write=False))
    builds.clear()
    for _ in range(3):  # the three MkDocs builds of `make site`
        assert pipeline.mkdocs_site(root) == fresh
    assert builds == []


def test_an_edited_seed_is_converted_again(tmp_path: Path, builds: list[Path]) -> None:
    root = converted(tmp_path)
    builds.clear()
    (root / "seeds" / "a.txt").write_text(TEXT.replace("法治政府建设情况报告", "法治政府建设情况汇报", 1))
    site = pipeline.mkdocs_site(root)
    assert builds == [root]
    assert "法治政府建设情况汇报" in str(site["navs"]["zh-Hans"])
    assert "法治政府建设情况汇报" in (root / "docs" / "zh-Hans" / "index.md").read_text(encoding="utf-8")
    builds.clear()
    pipeline.mkdocs_site(root)  # converted by the hook: the next build takes the stamp
    assert builds == []


@pytest.mark.parametrize(
    "change", ["new seed file", "site.yml edited", "docs page edited", "docs page deleted", "sitemap date"]
)
def test_any_change_in_inputs_or_outputs_converts_again(tmp_path: Path, builds: list[Path], change: str) -> None:
    root = converted(tmp_path)
    page = root / "docs" / "zh-Hans" / "index.md"
    original = page.read_text(encoding="utf-8")
    builds.clear()
    if change == "new seed file":
        (root / "seeds" / "a.glossary.yml").write_text("terms: []\n", encoding="utf-8")
    elif change == "site.yml edited":  # the site's name, on every page
        (root / "site.yml").write_text("name: 另一个名字\n", encoding="utf-8")
    elif change == "docs page edited":
        page.write_text(original + "edited by hand\n", encoding="utf-8")
    elif change == "docs page deleted":
        page.unlink()
    else:
        (root / "build" / "source-date-epoch").write_text("0\n", encoding="utf-8")
    pipeline.mkdocs_site(root)
    assert builds == [root]
    if change == "site.yml edited":
        assert "# 另一个名字" in page.read_text(encoding="utf-8")  # the home page's title
    else:
        assert page.read_text(encoding="utf-8") == original  # the conversion's own page again


def test_a_damaged_or_missing_stamp_converts_again(tmp_path: Path, builds: list[Path]) -> None:
    root = converted(tmp_path)
    (root / stamp.STAMP).write_text("{not json", encoding="utf-8")
    builds.clear()
    pipeline.mkdocs_site(root)
    assert builds == [root]
    (root / stamp.STAMP).unlink()
    pipeline.mkdocs_site(root)
    assert builds == [root, root]


def test_a_stamp_with_bad_reports_left_out_serves_only_builds_that_keep_going(tmp_path: Path) -> None:
    """`make site KEEP_GOING=1`: the MkDocs builds take the good reports from the stamp; a plain
    build (the hook without KEEP_GOING) converts again and stops at the bad report."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "a.txt")
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"")
    built = pipeline.build(tmp_path, keep_going=True)
    assert built.failed and (tmp_path / stamp.STAMP).exists()
    site = pipeline.mkdocs_site(tmp_path, keep_going=True)
    assert [e.split(":")[0] for e in site["errors"]] == ["seeds/bad.txt"] and site["navs"]["zh-Hans"]
    with pytest.raises(ReportError, match="the report is empty"):
        pipeline.mkdocs_site(tmp_path)
