"""The built site: glossary pages, term links with tooltip data, cited-documents pages."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import SEED, build_project

from build_tools.annotation import annotate
from build_tools.conversion import convert_file
from build_tools.converter import converter
from build_tools.glossary import load_glossary

SLUG = "zhenhai-2024-law-based-government"
VARIANTS = ("", "zh-Hant/", "zh-HK/")  # the zh-Hans site is at the root, the others below it
LANG = {"": "zh-Hans", "zh-Hant/": "zh-Hant", "zh-HK/": "zh-HK"}  # the seed switches zh-HK on
IDS = {e.id for e in load_glossary(SEED.parent / "glossary.yml").entries}


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The built file and anchor a relative link on `page` points to."""
    url = urljoin("/" + str(page.relative_to(site).parent) + "/", href)
    parts = urlsplit(url)
    return site / parts.path.lstrip("/") / "index.html", parts.fragment


def ids_in(path: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))


def report_pages(site: Path, variant: str) -> list[Path]:
    return [*sorted((site / variant / SLUG).glob("*/index.html")), site / variant / SLUG / "index.html"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_glossary_page_has_every_entry_with_english_and_explanation(built_site: Path, variant: str):
    page = (built_site / variant / "glossary" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<h3 id="([a-z0-9-]+)"', page)
    assert len(entries) >= 40 and set(entries) == IDS
    assert page.count('class="gloss-english" lang="en"') == len(entries)
    assert page.count('class="gloss-explain"') == 2 * len(entries)  # Chinese and English


@pytest.mark.parametrize("variant", VARIANTS)
def test_report_pages_link_at_least_40_terms_to_existing_entries(built_site: Path, variant: str):
    links = 0
    for page in report_pages(built_site, variant):
        for href, attrs in re.findall(r'<a class="term" href="([^"]+)"([^>]*)>', page.read_text(encoding="utf-8")):
            target, anchor = resolve(built_site, page, href)
            assert target == built_site / variant / "glossary" / "index.html"
            assert anchor in IDS and anchor in ids_in(target)
            assert all(f'{name}="' in attrs for name in ("data-term", "data-en", "data-gloss"))
            links += 1
    assert links >= 40


@pytest.mark.parametrize("variant", VARIANTS)
def test_glossary_back_links_reach_paragraphs(built_site: Path, variant: str):
    page = built_site / variant / "glossary" / "index.html"
    hrefs = re.findall(r'<a href="([^"#]*#[^"]+)"', page.read_text(encoding="utf-8"))
    backs = [h for h in hrefs if SLUG in h]
    assert len(backs) >= 100
    for href in backs:
        target, anchor = resolve(built_site, page, href)
        assert anchor in ids_in(target), href


def test_linked_paragraphs_keep_their_text():
    variants = annotate(convert_file(SEED), load_glossary(SEED.parent / "glossary.yml"))
    for report in variants.values():
        for block in (b for s in report.sections for c in s.children for b in c.blocks):
            assert any(r.linked for r in block.terms)  # every paragraph of part one has a link


@pytest.mark.parametrize("variant", VARIANTS)
def test_built_paragraph_text_is_the_report_text(built_site: Path, variant: str):
    report = annotate(convert_file(SEED), load_glossary(SEED.parent / "glossary.yml"))[LANG[variant]]
    texts = {b.id: b.text for s in report.sections for c in (s, *s.children) for b in c.blocks}
    page = (built_site / variant / SLUG / "part-1" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<p id="([^"]+)" class="para">(.*?)</p>', page)
    assert len(found) == 15
    for pid, inner in found:
        assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == texts[pid]


@pytest.mark.parametrize("variant", VARIANTS)
def test_documents_page_lists_all_40_titles_with_back_links(built_site: Path, variant: str):
    page = built_site / variant / SLUG / "documents" / "index.html"
    text = page.read_text(encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", text, re.S)
    items = [i for i in items if "《" in i]
    assert len(items) == 41  # 40 titles in 《》 and one in 〈〉 inside a title
    report = annotate(convert_file(SEED), load_glossary(SEED.parent / "glossary.yml"))[LANG[variant]]
    for item, citation in zip(items, report.citations, strict=True):
        assert f"《{citation.title}》" in html.unescape(re.sub(r"<[^>]+>", "", item))
        links = re.findall(r'href="([^"]+)"', item)
        assert len(links) == len(citation.cited_in)
        for href, block_id in zip(links, citation.cited_in, strict=True):
            target, anchor = resolve(built_site, page, href)
            assert anchor == block_id and anchor in ids_in(target)


def test_zh_hk_glossary_is_in_hong_kong_forms(built_site: Path):
    """s2hk with the shared dictionary: 平台 and 這裏 in Hong Kong, 平臺 and 這裡 in Taiwan."""
    hk = (built_site / "zh-HK" / "glossary" / "index.html").read_text(encoding="utf-8")
    tw = (built_site / "zh-Hant" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert hk.count("數字平台") == tw.count("數字平臺") >= 1 and "平臺" not in hk
    assert "這裏" in hk and "這裡" not in hk and "這裡" in tw


def test_glossary_and_documents_pages_are_in_the_nav(built_site: Path):
    for variant in VARIANTS:
        home = (built_site / variant / "index.html").read_text(encoding="utf-8")
        report = (built_site / variant / SLUG / "index.html").read_text(encoding="utf-8")
        assert 'href="glossary/"' in home and 'href="documents/"' in report  # the nav is pruned per report


HOSTILE_TITLE = "<b>办法</b>*第1条*[x](javascript:alert(4)) | 表"
HOSTILE = f"""某区关于工作的报告

一、总体情况

依据《{HOSTILE_TITLE}》办理，另见《<script>alert(5)</script>》。
"""


def test_cited_titles_render_literally(tmp_path: Path):
    site = build_project(tmp_path, {"hostile.txt": HOSTILE})
    assert not (site / "zh-HK" / "hostile").exists()  # no settings: no zh-HK variant
    for variant in VARIANTS[:2]:
        page = (site / variant / "hostile" / "documents" / "index.html").read_text(encoding="utf-8")
        article = page[page.find("<article") : page.find("</article>")]
        assert "<b>" not in article and "<script>alert" not in article and 'href="javascript:' not in article
        text = html.unescape(re.sub(r"<[^>]+>", "", article))
        title = converter("s2tw")(HOSTILE_TITLE) if variant else HOSTILE_TITLE
        assert f"《{title}》" in text
        assert "《<script>alert(5)</script>》" in text
