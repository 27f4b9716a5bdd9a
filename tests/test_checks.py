"""The publication's checks (`make check`, build_tools/checks/): they pass on a good build and each
one finds what it is for on a damaged one; review items and converter warnings are shown, not
failed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEED, project

from build_tools import checks
from build_tools.checks.base import Context
from build_tools.model import Notice

SLUG = SEED.stem


@pytest.fixture(scope="module")
def damaged(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built project with one fault for each check."""
    root = tmp_path_factory.mktemp("damaged") / "project"
    shutil.copytree(built_site.parent, root, symlinks=True)
    site = root / "site"
    shutil.rmtree(site / SLUG / "part-2")  # links (and alternates): a page gone
    page = site / "zh-Hant" / SLUG / "part-3" / "index.html"  # fidelity: a sentence gone
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace(html[html.index('<p id="part-3-1-p1"') :].split("</p>", 1)[0], "<p>"))
    sitemap = site / "zh-HK" / "sitemap.xml"  # alternates: a page missing from a sitemap
    xml = sitemap.read_text(encoding="utf-8")
    sitemap.write_text(re.sub(r"<url>(?:(?!</url>).)*glossary/</loc>.*?</url>", "", xml, count=1, flags=re.S))
    home = site / "index.html"  # axe: an image without a text alternative
    home.write_text(home.read_text(encoding="utf-8").replace("</article>", '<img src="x.png"></article>'))
    (root / "seeds" / SEED.name).write_text(SEED.read_text(encoding="utf-8") + "\n补充一句。\n")  # site: stale
    return root


def test_every_check_passes_on_a_good_build(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = built_site.parent
    assert checks.run(root) == 0
    out = capsys.readouterr().out
    assert [line.split()[:2] for line in out.splitlines() if line.startswith("  ") and line[2] != " "] == [
        ["ok", name] for name in checks.CHECKS
    ]
    assert "https://example.github.io/gov-reports/" in out and out.rstrip().endswith("the site can be published.")
    report = (root / checks.REPORT).read_text(encoding="utf-8")
    assert report.count("| ✅ |") == len(checks.CHECKS)


@pytest.mark.parametrize(
    ("check", "found"),
    [
        ("site", "site/ is not the build of the current files"),
        ("links", f"{SLUG}/part-2/index.html"),
        ("fidelity", "not on its pages"),
        ("alternates", "zh-HK/sitemap.xml"),
        ("axe", "image-alt (critical)"),
    ],
)
def test_each_check_finds_its_fault(damaged: Path, capsys: pytest.CaptureFixture[str], check: str, found: str) -> None:
    assert checks.run(damaged, [check]) == 1
    out = capsys.readouterr().out
    assert f"  fail  {check}" in out and found in out, out
    assert "FAILED" in out


def test_open_review_items_are_a_warning_with_their_risk(built_site: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build" / "review"
    folder.mkdir(parents=True)
    items = [{"status": "open", "risky": True}, {"status": "open", "risky": False}, {"status": "entry"}]
    data = {"report": "r", "target": "zh-Hant", "items": items}
    (folder / "r.zh-Hant.json").write_text(json.dumps(data), encoding="utf-8")
    english = {"slug": "r", "catalogue": "translations/en/r.po", "units": {"untranslated": 3, "fuzzy": 1}}
    (folder / "r.en.json").write_text(json.dumps({**english, "term_misses": []}), encoding="utf-8")
    (folder / ".generated.json").write_text("[]", encoding="utf-8")
    result = checks.review.check(Context(tmp_path, "https://x.example/"))
    assert result.status == "warn"
    assert result.summary == "2 conversion choice(s) still open, 1 of them risky; 1 English translation(s) not complete"
    assert result.details == (
        "r → en (translations/en/r.po): 3 untranslated, 1 needing review"
        " (see: .venv/bin/python -m build_tools translations status --terms)",
        "r → zh-Hant: 2 open, 1 risky (see: .venv/bin/python -m build_tools review r --target zh-Hant --open)",
    )


def test_converter_warnings_are_shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Warned:
        path = "seeds/r.txt"
        warnings = (Notice(10, "title chosen from line 10", "check it"),)

    monkeypatch.setattr(Context, "reports", lambda self, lang: [Warned()])
    result = checks.review.warnings(Context(tmp_path, "https://x.example/"))
    assert result.status == "warn" and result.details == (
        "seeds/r.txt:10: warning: title chosen from line 10 — hint: check it",
    )


def test_an_unknown_check_or_an_unbuilt_site_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(checks.ReportError, match="no check named nosuch"):
        checks.run(tmp_path, ["nosuch"])
    with pytest.raises(checks.ReportError, match="the site is not built"):
        checks.run(project(tmp_path))
