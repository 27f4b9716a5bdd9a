"""The built site (mkdocs build --strict, both variants): text, ids, language switch, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SEED
from htmltext import main_text

from build_tools import dictionary
from build_tools.conversion import convert_file
from build_tools.converter import converter
from build_tools.fidelity import body_texts
from build_tools.foldmap import search_fold_map
from build_tools.pages import ui
from build_tools.parse.text import squash
from build_tools.searchindex import FOLDER, Hit
from build_tools.searchindex import query as query_index
from build_tools.settings import load_settings

SLUG = "zhenhai-2024-law-based-government"


def _sentences(texts: list[str]) -> list[str]:
    return [s for t in texts for s in re.split(r"(?<=[。；])", t) if squash(s)]


def _site_text(root: Path) -> str:
    return squash("".join(main_text(p) for p in sorted((root / SLUG).rglob("index.html"))))


def test_every_sentence_of_the_source_is_on_the_zh_hans_site(built_site: Path) -> None:
    """Straight from the seed file: every line but the header and the recorded chrome."""
    report = convert_file(SEED)["zh-Hans"]
    skipped = {r.line for r in report.removed} | set(report.header_lines)
    lines = [t for n, t in enumerate(SEED.read_text(encoding="utf-8").split("\n"), 1) if n not in skipped]
    text = _site_text(built_site)
    sentences = _sentences(lines)
    assert len(sentences) > 100
    missing = [s for s in sentences if squash(s) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-HK"])
def test_every_sentence_of_the_variant_is_on_its_traditional_site(built_site: Path, lang: str) -> None:
    report = convert_file(SEED)[lang]
    text = _site_text(built_site / lang)
    missing = [s for s in _sentences(list(body_texts(report))) if squash(s) not in text]
    assert missing == []


def test_every_page_exists_in_every_variant_with_its_lang(built_site: Path) -> None:
    """zh-HK too: the seed, the only report, switches it on."""
    hans = {
        p.relative_to(built_site)
        for p in built_site.rglob("index.html")
        if not {"zh-Hant", "zh-HK", "en"} & set(p.relative_to(built_site).parts)
    }
    for lang in ("zh-Hant", "zh-HK"):
        assert {p.relative_to(built_site / lang) for p in (built_site / lang).rglob("index.html")} == hans
    assert len(hans) >= 5
    for rel in hans:
        assert '<html lang="zh-Hans"' in (built_site / rel).read_text(encoding="utf-8")
        assert '<html lang="zh-Hant"' in (built_site / "zh-Hant" / rel).read_text(encoding="utf-8")
        assert '<html lang="zh-HK"' in (built_site / "zh-HK" / rel).read_text(encoding="utf-8")
    english = {p.relative_to(built_site / "en") for p in (built_site / "en").rglob("index.html")}
    assert Path("index.html") in english and english <= hans  # the seed's pages once it has a catalogue
    assert all('<html lang="en"' in (built_site / "en" / rel).read_text(encoding="utf-8") for rel in english)


def test_language_switch_leads_to_the_same_page(built_site: Path) -> None:
    page = built_site / SLUG / "part-3" / "index.html"
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(zh-Han[st])"', page.read_text(encoding="utf-8")))
    target = {lang: href for href, lang in links.items()}["zh-Hant"]
    assert (page.parent / target).resolve() == (built_site / "zh-Hant" / SLUG / "part-3").resolve()
    back = built_site / "zh-Hant" / SLUG / "part-3" / "index.html"
    links = {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(zh-Han[st])"', back.read_text())}
    assert (back.parent / links["zh-Hans"]).resolve() == (built_site / SLUG / "part-3").resolve()


def test_sections_and_paragraphs_keep_their_ids_in_every_variant(built_site: Path) -> None:
    for root in (built_site, built_site / "zh-Hant", built_site / "zh-HK"):
        html = (root / SLUG / "part-1" / "index.html").read_text(encoding="utf-8")
        for anchor in ("part-1", "part-1-2", "part-1-2-p3", "part-1-2-p3-i1"):
            assert f'id="{anchor}"' in html, (root, anchor)


def _hits(root: Path, query: str) -> list[Hit]:
    """What the site's search worker answers (searchindex.query is it in Python), groups flattened."""
    read = lambda path: (root / FOLDER / path).read_text(encoding="utf-8")  # noqa: E731
    return [hit for group in query_index(query, read, search_fold_map()) for hit in group]


def _search(root: Path, query: str) -> list[str]:
    return [hit.location for hit in _hits(root, query)]


def test_search_finds_administrative_reconsideration_in_zh_hans(built_site: Path) -> None:
    hits = _search(built_site, "行政复议")
    assert hits and hits[0] == f"{SLUG}/part-1/#part-1-2"


def test_search_finds_administrative_reconsideration_in_zh_hant(built_site: Path) -> None:
    query = converter("s2tw", dictionary.pairs("s2tw", load_settings(SEED)))("行政复议")  # what the pages say
    assert query == "行政復議"  # as a reader in Taipei types it (the project dictionary's form)
    hits = _search(built_site / "zh-Hant", query)
    assert hits and hits[0] == f"{SLUG}/part-1/#part-1-2"


def test_search_finds_administrative_reconsideration_in_zh_hk(built_site: Path) -> None:
    query = converter("s2hk", dictionary.pairs("s2hk", load_settings(SEED)))("行政复议")  # what the pages say
    assert query == "行政復議"  # as a reader in Hong Kong types it
    hits = _search(built_site / "zh-HK", query)
    assert hits and hits[0] == f"{SLUG}/part-1/#part-1-2"


def test_materials_own_index_is_empty_and_ours_is_built_for_every_variant(built_site: Path) -> None:
    """Material's main thread downloads search_index.json before the first query: it must stay tiny."""
    for root in (built_site, built_site / "zh-Hant", built_site / "zh-HK"):
        material = root / "search" / "search_index.json"
        assert json.loads(material.read_text(encoding="utf-8"))["docs"] == [] and material.stat().st_size < 1000
        assert json.loads((root / FOLDER / "manifest.json").read_text(encoding="utf-8"))["units"] > 50


def _unit_texts(root: Path) -> list[tuple[str, str, str]]:
    folder = root / FOLDER
    chunks = sorted(folder.glob("chunk-*.json"))
    return [tuple(row[:3]) for c in chunks for row in json.loads(c.read_text(encoding="utf-8"))["rows"]]


@pytest.mark.parametrize("lang", ["", "zh-Hant", "zh-HK"])
def test_interface_text_is_not_in_the_search_index(built_site: Path, lang: str) -> None:
    """The site's own words (the variant note, the PDF link, the contents list, the glossary's
    labels, the home page) are not report text: a search must not find them."""
    words = ui(lang or "zh-Hans")
    units = _unit_texts(built_site / lang)
    assert units and all(location != "" for location, _, _ in units)  # the home page is not indexed
    text = "\n".join(f"{title} {body}" for _, title, body in units)
    for key in ("converted_from", "converted_to", "pdf", "metadata", "occurs_in", "glossary_intro"):
        shown = words[key].split("{")[0][:8]  # the fixed start of the words
        assert shown not in text, (lang, key, shown)
    assert all(not location.endswith("#contents") for location, _, _ in units)


def test_the_report_index_has_its_contents_once_and_no_empty_panel(built_site: Path) -> None:
    html = (built_site / SLUG / "index.html").read_text(encoding="utf-8")
    assert html.count('<nav class="report-contents"') == 1 and "<h2>目录</h2>" in html
    secondary = re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>', html)[0]
    assert "hidden" in secondary  # Material's contents panel: nothing to list beside the contents
    assert re.findall(r'<a href="(part-\d/)">', html) == ["part-1/", "part-2/", "part-3/"]
