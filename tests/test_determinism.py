"""The same seeds give byte-identical docs/ and site/; a second build rewrites nothing in docs/."""

from __future__ import annotations

import gzip
import os
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import build_in, build_project

from build_tools.model import Report
from build_tools.reproducible import source_date_epoch

REPORT_DATE = "2025-03-11"  # the seed's date: the newest (only) report date


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_ino) for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second build of the same seeds (PDFs too), in another folder and another process."""
    return build_project(tmp_path_factory.mktemp("again"), pdf=True)


def test_two_builds_in_different_folders_are_byte_identical(built_site: Path, other: Path) -> None:
    for name in ("docs", "site"):
        first, second = tree(built_site.parent / name), tree(other.parent / name)
        assert sorted(first) == sorted(second)
        differ = [rel for rel in first if first[rel] != second[rel]]
        assert not differ, f"{name}/ differs in {differ[:5]}"
    assert "sitemap.xml.gz" in tree(other) and "zh-Hant/sitemap.xml.gz" in tree(other)


def test_sitemap_date_is_the_newest_report_date(built_site: Path) -> None:
    epoch = int(
        os.environ.get("SOURCE_DATE_EPOCH") or datetime.fromisoformat(REPORT_DATE).replace(tzinfo=UTC).timestamp()
    )
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    assert (built_site.parent / "build" / "source-date-epoch").read_text(encoding="utf-8") == f"{epoch}\n"
    for site in (built_site, built_site / "zh-Hant"):
        xml = (site / "sitemap.xml").read_text(encoding="utf-8")
        assert xml.count("<lastmod>") > 3 and xml.count(f"<lastmod>{day}</lastmod>") == xml.count("<lastmod>")
        packed = (site / "sitemap.xml.gz").read_bytes()
        assert gzip.decompress(packed).decode("utf-8") == xml
        assert struct.unpack("<I", packed[4:8])[0] == epoch  # the gzip header's mtime


def test_second_build_rewrites_nothing_in_docs(other: Path) -> None:
    work = other.parent
    docs_before, site_before = stamps(work / "docs"), tree(other)
    assert len(docs_before) > 10
    build_in(work, pdf=True)
    assert stamps(work / "docs") == docs_before
    assert tree(other) == site_before


def test_source_date_is_the_newest_valid_report_date() -> None:
    def report(date: str | None) -> Report:
        return Report("s", "s.txt", "zh-Hans", "zh-Hans", "T", (), date, None, None, None, (), (), (), ())

    day = int(datetime(2026, 2, 10, tzinfo=UTC).timestamp())
    assert source_date_epoch([report("2025-03-11"), report("2026年02月10日"), report(None)]) == day
    assert source_date_epoch([report("2025-02-30")]) == 0  # not a date: never a crash
    assert source_date_epoch([report(None)]) == 0
