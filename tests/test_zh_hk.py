"""The optional zh-HK variant (settings `zh_hk: true`): built, linked and searchable for the reports
that switch it on; absent, and never linked to, for the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED, build_project, demo_seeds
from test_crawl import ROOT_URL, _broken, _parse
from test_site import _hits, _search

from build_tools import annotation, configs, conversion, review_files
from build_tools.errors import ReportError
from build_tools.model import Settings
from build_tools.settings import load_settings

ON = SEED.stem  # the seed's settings say zh_hk: true
OFF = "plain-copy"  # the same text without settings: no zh-HK variant


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two reports, one with zh-HK and one without, built as `make site` builds (no PDFs)."""
    seeds = demo_seeds({f"{OFF}.txt": SEED.read_text(encoding="utf-8")})
    return build_project(tmp_path_factory.mktemp("hk"), seeds)


def _switch(page: Path) -> dict[str, str]:
    """The language switch's links: lang -> href."""
    found = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"', page.read_text())
    return {lang: href for href, lang in found}


def test_zh_hk_pages_exist_only_for_the_report_that_asks(mixed_site: Path) -> None:
    hk = mixed_site / "zh-HK"
    assert (hk / ON / "part-1" / "index.html").is_file() and (hk / ON / "documents" / "index.html").is_file()
    assert not (hk / OFF).exists()
    assert '<html lang="zh-HK"' in (hk / ON / "part-1" / "index.html").read_text(encoding="utf-8")
    home = (hk / "index.html").read_text(encoding="utf-8")
    assert f'href="{ON}/"' in home and f'href="{OFF}/"' not in home
    glossary = (hk / "glossary" / "index.html").read_text(encoding="utf-8")
    assert f"{ON}/part-1/#" in glossary and f"{OFF}/" not in glossary  # back-links only to zh-HK pages


def test_language_switch_offers_zh_hk_only_where_the_page_exists(mixed_site: Path) -> None:
    for variant in ("", "zh-Hant/"):
        on = mixed_site / variant / ON / "part-3" / "index.html"
        assert (on.parent / _switch(on)["zh-HK"]).resolve() == (mixed_site / "zh-HK" / ON / "part-3").resolve()
        off = mixed_site / variant / OFF / "part-3" / "index.html"
        assert set(_switch(off)) == {"zh-Hans", "zh-Hant"}
        assert "zh-HK" in _switch(mixed_site / variant / "glossary" / "index.html")  # every site has one
    back = mixed_site / "zh-HK" / ON / "part-3" / "index.html"
    assert (back.parent / _switch(back)["zh-Hant"]).resolve() == (mixed_site / "zh-Hant" / ON / "part-3").resolve()
    assert (back.parent / _switch(back)["zh-Hans"]).resolve() == (mixed_site / ON / "part-3").resolve()


def test_no_link_of_the_mixed_site_leads_to_a_missing_page(mixed_site: Path) -> None:
    """The crawl of test_crawl over every page: language links, hreflang alternates and all (but the
    PDF links: this site is built without PDFs; test_pdf follows them on the full build)."""
    sources = {}
    for page in sorted(mixed_site.rglob("*.html")):
        rel = page.relative_to(mixed_site).as_posix()
        sources[ROOT_URL + rel.removesuffix("index.html")] = [r for r in _parse(page).refs if not r.endswith(".pdf")]
    assert sum(1 for url in sources if f"/{OFF}/" in url) >= 10
    assert _broken(mixed_site, sources) == []


def test_zh_hk_search_finds_what_its_pages_say(mixed_site: Path) -> None:
    site = mixed_site / "zh-HK"
    assert _search(site, "行政復議")[0] == f"{ON}/part-1/#part-1-2"
    # found in any script, shown as the page says it: the Hong Kong form (Taiwan: 平臺), the seed's
    # own s2hk entry 编制 -> 編製
    for query, form in (("平臺", "平台"), ("编制", "編製")):
        terms = {term for hit in _hits(site, query) for term in hit.terms}
        assert terms == {form}, (query, terms)
    assert all(not hit.startswith(f"{OFF}/") for hit in _search(site, "行政復議"))


def test_zh_hk_text_uses_hong_kong_forms() -> None:
    report = conversion.convert_file(SEED)["zh-HK"]
    text = "".join(annotation.paragraph_texts(report))
    assert "平台" in text and "平臺" not in text  # Hong Kong 台; zh-Hant has 平臺
    assert "着力" in text and "負責人參加" in text  # 着, and no 人蔘 slip
    assert configs.config_for(report) == "s2hk" and report.lang == "zh-HK"
    hant = "".join(annotation.paragraph_texts(conversion.convert_file(SEED)["zh-Hant"]))
    assert "平臺" in hant


def test_a_report_without_the_setting_has_no_zh_hk_variant(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("报告\n", encoding="utf-8")
    assert load_settings(tmp_path / "r.txt").zh_hk is False
    variants = conversion.convert_text(SEED.read_text(encoding="utf-8"), "r.txt", Settings(slug="r"))
    assert set(variants) == {"zh-Hans", "zh-Hant"}
    assert set(review_files.review_lists(variants)) == {"zh-Hant"}


def test_zh_hk_needs_a_simplified_source() -> None:
    text = "關於發展的報告\n\n一、總體情況\n\n幹部瞭解情況。\n"
    with pytest.raises(ReportError) as caught:
        conversion.convert_text(text, "seeds/t.txt", Settings(slug="t", zh_hk=True))
    assert caught.value.path == "seeds/t.yml"


@pytest.mark.parametrize(
    "settings", ["slug: r\nzh_hk: yes please\n", "hant_config: s2hk\nzh_hk: true\n"], ids=["not-a-flag", "repeats"]
)
def test_bad_zh_hk_settings_name_their_line(tmp_path: Path, settings: str) -> None:
    (tmp_path / "r.txt").write_text("报告\n", encoding="utf-8")
    (tmp_path / "r.yml").write_text(settings, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_settings(tmp_path / "r.txt")
    assert caught.value.line == 2 and caught.value.path.endswith("r.yml")
