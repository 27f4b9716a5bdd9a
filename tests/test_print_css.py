"""Printing a site page (print.css): the report's text on paper, none of the web chrome.

Prints built pages with headless Chromium (Debian's `chromium`, never a downloaded browser) and
reads the result with pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import ARGS
from conftest import SEED

from build_tools.conversion import convert_file
from build_tools.model import Report, Section
from build_tools.pages import ui
from build_tools.parse.text import squash

SLUG = "zhenhai-2024-law-based-government"
CHROMIUM = shutil.which("chromium") or shutil.which("google-chrome")
FLAGS = ["--headless", *ARGS, "--no-pdf-header-footer"]


def print_page(page: Path, out: Path) -> str:
    if not CHROMIUM:
        pytest.skip("no chromium or google-chrome on PATH (build_tools/system_deps.sh installs it on Debian)")
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--print-to-pdf={out}", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert out.is_file(), run.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True)
    return text.stdout


def _sentences(texts: list[str]) -> list[str]:
    return [squash(s) for t in texts for s in re.split(r"(?<=[。；])", t) if squash(s)]


def _chrome_words(lang: str) -> list[str]:
    """Text that only the header, navigation, search, buttons and folded notes carry."""
    words = ui(lang)
    search = {"zh-Hans": "搜索", "zh-Hant": "搜尋"}[lang]
    return [words["site_name"], search, "¶", words["pdf"], words["removed"].split("（")[0]]


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return convert_file(SEED)


def test_printed_part_page_has_its_text_and_no_chrome(built_site: Path, reports: dict[str, Report], tmp_path: Path):
    part: Section = reports["zh-Hans"].sections[0]
    text = print_page(built_site / SLUG / part.id / "index.html", tmp_path / "part.pdf")
    # pdftotext reads a margin id before the rest of a paragraph that goes on over a page break
    flat = squash(re.sub(r"part(-\d+)+-p\d+", "", text))
    expected = _sentences([b.text for s in [part, *part.children] for b in s.blocks])
    assert len(expected) > 20
    assert [s for s in expected if s not in flat] == []
    assert [w for w in _chrome_words("zh-Hans") if w in text] == []
    for p in [b for s in part.children for b in s.blocks]:
        assert p.id in text  # the paragraph ids are printed, in the margin


def test_printed_zh_hant_index_keeps_metadata_and_drops_chrome(
    built_site: Path, reports: dict[str, Report], tmp_path: Path
):
    report = reports["zh-Hant"]
    text = print_page(built_site / "zh-Hant" / SLUG / "index.html", tmp_path / "index.pdf")
    flat = squash(text)
    assert squash(report.title) in flat
    for field in report.metadata:
        assert squash(field.value) in flat
    assert [s for s in _sentences([b.text for b in report.preamble]) if s not in flat] == []
    assert [w for w in _chrome_words("zh-Hant") if w in text] == []
