"""The English site (site/en/), built from a partial catalogue (tests/english.py): pages, markers,
status lines, language links, alternates, sitemaps, search, review list; the fuzzy round trip of a
source edit; the English PDF; and the seed's own catalogue, when it is there."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from conftest import DEMO, DEMO_TRANSLATIONS, ROOT, SEED, project
from english import ENGLISH, OTHER, SLUG, UNTRANSLATED
from test_crawl import ROOT_URL, _broken, _parse
from test_site import _search
from test_zh_hk import _switch

from build_tools import annotation, conversion
from build_tools.translations import catalogue, terms
from build_tools.translations.status import status
from build_tools.translations.units import units


def _html(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def _element(html: str, element_id: str) -> str:
    """The start tag and text of the element with this id."""
    match = re.search(rf'<(\w+) id="{element_id}"[^>]*>.*?</\1>', html, re.S)
    assert match, element_id
    return match[0]


def test_english_pages_exist_for_the_report_with_a_catalogue_only(english_site: Path) -> None:
    en = english_site / "en"
    for page in ("", "part-1/", "part-2/", "part-3/"):
        assert (en / SLUG / page / "index.html").is_file(), page
    assert not (en / OTHER).exists() and not (en / SLUG / "documents").exists()
    html = _html(en, SLUG, "part-1")
    assert '<html lang="en"' in html
    assert 'placeholder="Search"' in html  # Material's English interface
    home = _html(en)
    assert f'href="{SLUG}/"' in home and f'href="{OTHER}/"' not in home


def test_units_show_english_or_marked_chinese(english_site: Path) -> None:
    html = _html(english_site, "en", SLUG, "part-1")
    translated = _element(html, "part-1-1-p1")
    assert ENGLISH["part-1-1-p1"] in translated and 'lang="zh-Hans"' not in translated
    assert 'class="item" id="part-1-1-p1-i1"' in translated  # the 一是 anchor is kept
    fuzzy = _element(html, "part-1-1-p2")
    assert "tr-fuzzy" in fuzzy and "needs review" in fuzzy and ENGLISH["part-1-1-p2"] in fuzzy
    untranslated = _element(html, UNTRANSLATED)
    assert re.match(rf'<p id="{UNTRANSLATED}" class="para tr-untranslated" lang="zh-Hans">', untranslated)
    assert "not yet translated" in untranslated and "三是" in untranslated
    assert '<span class="tr-flag" lang="en"' in untranslated  # the marker itself is English
    heading = re.search(r'<h2 [^>]*id="part-1-2"[^>]*>', html)[0]
    assert 'lang="zh-Hans"' in heading and "tr-untranslated" in heading
    assert 'href="../../glossary/' not in html  # no glossary on the English site: no term links
    ids = set(re.findall(r' id="([^"]+)"', _html(english_site, SLUG, "part-1")))
    paragraph_ids = {i for i in ids if re.fullmatch(r"part-[\d-]+(-p\d+(-i\d+)?)?", i)}
    assert paragraph_ids <= set(re.findall(r' id="([^"]+)"', html))  # every anchor of the Chinese page


def test_index_pages_show_the_english_status_in_every_variant(english_site: Path) -> None:
    po = polib.pofile(catalogue.text_of(polib.pofile(_partial())))
    expected = status(units(conversion.convert_file(SEED)["zh-Hans"]), catalogue.entries(po))
    n, total = expected.units["translated"], expected.total
    assert n == len(ENGLISH) - 1 + 2 and total > 40  # and the two units that are codes or dates
    lines = {
        "": f"已译 {n}/{total} 项，1 项待复核",
        "zh-Hant": f"已譯 {n}/{total} 項，1 項待覆核",
        "zh-HK": f"已譯 {n}/{total} 項，1 項待覆核",
        "en": f"English translation: {n} of {total} passages translated; 1 awaiting review",
    }
    for variant, words in lines.items():
        html = _html(english_site / variant, SLUG)
        assert words in html, variant
        if variant != "en":
            link = re.search(r'class="translation-status"[^>]*>.*?<a href="([^"]+)"', html)[1]
            assert (english_site / variant / SLUG / link / "index.html").resolve().is_file()
            if variant != "zh-HK":  # the copy has no zh-HK variant
                assert "translation-status" not in _html(english_site / variant, OTHER)


def test_language_switch_and_alternates_offer_english_only_where_it_exists(english_site: Path) -> None:
    for variant in ("", "zh-Hant"):
        page = english_site / variant / SLUG / "part-3" / "index.html"
        assert (page.parent / _switch(page)["en"]).resolve() == (english_site / "en" / SLUG / "part-3").resolve()
        html = page.read_text(encoding="utf-8")
        assert f'hreflang="en" href="{ROOT_URL}en/{SLUG}/part-3/"' in html
        other = english_site / variant / OTHER / "part-3" / "index.html"
        assert "en" not in _switch(other) and 'hreflang="en"' not in other.read_text(encoding="utf-8")
    page = english_site / "en" / SLUG / "part-3" / "index.html"
    assert set(_switch(page)) == {"zh-Hans", "zh-Hant", "zh-HK", "en"}
    assert (page.parent / _switch(page)["zh-Hans"]).resolve() == (english_site / SLUG / "part-3").resolve()
    html = page.read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ROOT_URL}en/{SLUG}/part-3/">' in html
    assert f'hreflang="x-default" href="{ROOT_URL}{SLUG}/part-3/"' in html
    assert '<meta property="og:locale" content="en_GB">' in html


def test_sitemaps_list_english_alternates_where_they_exist(english_site: Path) -> None:
    zh = (english_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="en" href="{ROOT_URL}en/{SLUG}/part-1/"' in zh
    assert f'hreflang="en" href="{ROOT_URL}en/{OTHER}/' not in zh
    en = (english_site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ROOT_URL}en/{SLUG}/part-1/</loc>" in en and OTHER not in en


def test_no_link_of_the_site_with_english_leads_to_a_missing_page(english_site: Path) -> None:
    sources = {}
    for page in sorted(english_site.rglob("*.html")):
        rel = page.relative_to(english_site).as_posix()
        sources[ROOT_URL + rel.removesuffix("index.html")] = [r for r in _parse(page).refs if not r.endswith(".pdf")]
    assert sum(1 for url in sources if "/en/" in url) >= 5
    assert _broken(english_site, sources) == []


def test_english_search_finds_english_words_and_a_chinese_phrase(english_site: Path) -> None:
    en = english_site / "en"
    assert _search(en, "deployment")[0] == f"{SLUG}/part-1/#part-1-1"
    assert _search(en, "Law-based Government")  # a phrase, any case
    assert _search(en, "述职述法")[0] == f"{SLUG}/part-1/#part-1-1"  # translated: found by its original
    assert _search(en, "行政复议")  # untranslated sections too
    assert not any(hit.startswith(f"{OTHER}/") for hit in _search(en, "行政复议"))


def test_citation_facts_name_the_english_and_the_original(english_site: Path) -> None:
    html = _html(english_site, "en", SLUG, "part-1")
    facts = json.loads(re.search(r'<script id="cite-data" type="application/json">(.*?)</script>', html)[1])
    assert facts["report"] == ENGLISH["title"] and facts["original"].startswith("宁波市镇海区人民政府关于")
    assert facts["sections"]["part-1-1"] == ENGLISH["part-1-1"]
    index = _html(english_site, "en", SLUG)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', index)[1])
    assert data["inLanguage"] == "en" and data["translationOfWork"]["inLanguage"] == "zh-Hans"
    assert data["identifier"]["value"] == "734247248/2025-225175"


def test_the_review_list_names_fuzzy_untranslated_units_and_term_misses(english_site: Path) -> None:
    review = english_site.parent / "build" / "review" / f"{SLUG}.en.json"
    data = json.loads(review.read_text(encoding="utf-8"))
    assert data["fuzzy"] == ["part-1-1-p2"] and UNTRANSLATED in data["untranslated"]
    # the partial English of part-1-1 leaves out 全面依法治区委员会, 第一责任人 …: each one listed
    missed = {(m["unit"], m["term"]) for m in data["term_misses"]}
    assert ("part-1-1-p1", "第一责任人") in missed and all(m["line"] > 0 for m in data["term_misses"])
    text = review.with_suffix(".md").read_text(encoding="utf-8")
    assert f"translations/en/{SLUG}.po:" in text and "is not named in the English" in text
    assert not (review.parent / f"{OTHER}.en.json").exists()


def _partial() -> str:
    from english import partial_catalogue

    return partial_catalogue()


def _project(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "seeds")
    (tmp_path / "docs").mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _translate_all(root: Path) -> Path:
    """The demo's catalogue made and every unit given a stand-in English: a complete translation."""
    _cli(root, "translations", "update", SLUG)
    path = root / "translations" / "en" / f"{SLUG}.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgstr or f"English of {entry.msgctxt}."
    po.save(str(path))
    return path


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", *args, "--root", str(root)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    return run


def test_a_source_edit_makes_exactly_one_unit_fuzzy_and_its_page_shows_it(tmp_path: Path) -> None:
    """Fully translated, the report gets an English PDF; one sentence of the source edited, `translations
    update` makes exactly that unit fuzzy, the English page marks it and the PDF link goes."""
    root = _project(tmp_path)
    path = _translate_all(root)
    _cli(root, "convert")
    index = root / "docs" / "en" / SLUG / "index.md"
    assert f"{SLUG}.en.pdf" in index.read_text(encoding="utf-8")
    part = root / "docs" / "en" / SLUG / "part-1.md"
    assert "needs review" not in part.read_text(encoding="utf-8")

    seed = root / "seeds" / SEED.name
    old = "全区共700余名区管领导干部完成上一年度述职述法。"
    seed.write_text(seed.read_text(encoding="utf-8").replace(old, old.replace("700", "800")), encoding="utf-8")
    assert "1 fuzzy" in _cli(root, "translations", "update").stdout
    assert [e.msgctxt for e in polib.pofile(str(path)) if "fuzzy" in e.flags] == ["part-1-1-p1"]
    _cli(root, "convert")
    text = part.read_text(encoding="utf-8")
    assert text.count("needs review") == 1
    assert re.search(r'<p id="part-1-1-p1" class="para tr-fuzzy">.*needs review.*English of part-1-1-p1\.', text)
    assert f"{SLUG}.en.pdf" not in index.read_text(encoding="utf-8")  # no longer complete


def test_the_english_pdf_is_made_for_a_complete_translation_and_says_it_is_unofficial(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _translate_all(root)
    for name in ("mkdocs.zh-Hant.yml", "mkdocs.zh-HK.yml"):
        shutil.copy(ROOT / name, root / name)
    written = _cli(root, "pdf").stdout
    pdf = root / "site" / "en" / SLUG / f"{SLUG}.en.pdf"
    assert str(pdf.relative_to(root)) in written
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert "English of part-3-5-p1." in text and "Unofficial translation" in pages[0]
    assert all("Unofficial translation by Government Reports Library" in page for page in pages[1:])
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "English of title." in info


SEED_CATALOGUE = DEMO_TRANSLATIONS / "en" / f"{SLUG}.po"


def test_the_demo_catalogue_is_complete_with_no_unjustified_term_miss(tmp_path) -> None:
    entries = catalogue.entries(catalogue.read(SEED_CATALOGUE, str(SEED_CATALOGUE.relative_to(ROOT))))
    s = status(units(conversion.convert_file(SEED)["zh-Hans"]), entries)
    assert s.complete, s.units
    root = project(tmp_path)
    misses = terms.misses(entries, annotation.report_glossary(root, root / "seeds" / SEED.name))
    assert [terms.miss_line("catalogue", m) for m in misses] == []
