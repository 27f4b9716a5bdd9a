"""The English site in a real browser (Debian's chromium through Playwright), built from a partial
catalogue (tests/english.py) and served under /gov-reports/: the language switch to English and
back, the parallel view on phones and desktops, print, axe-core."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE
from english import ENGLISH, SLUG, UNTRANSLATED
from test_accessibility import _violations
from test_browser import _switch

PART = f"{SLUG}/part-1/"


def _overflow(page, width: int) -> list[str]:
    """What sticks out of the viewport, even when a parent hides the overflow (tables scroll in their box)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    return page.evaluate(
        """w => [...document.querySelectorAll('.md-content *')]
            .filter(e => e.closest('.table-wrap') === null && e.getBoundingClientRect().right > w + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
        width,
    )


def _parallel(page, label: str) -> None:
    page.locator(".parallel-control button", has_text=label).click()
    page.wait_for_selector(".md-typeset.parallel-on .parallel-text")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_language_switch_reaches_english_and_back_keeping_the_paragraph(english_url, new_page, viewport) -> None:
    page = new_page(viewport)
    page.goto(f"{english_url}zh-Hant/{PART}#part-1-1-p2")
    _switch(page, "en", f"{english_url}en/{PART}#part-1-1-p2")
    assert page.evaluate("document.documentElement.lang") == "en"
    top = page.evaluate("document.getElementById('part-1-1-p2').getBoundingClientRect().top")
    assert 0 <= top < viewport["height"] / 2, "the paragraph is not scrolled into view"
    page.click(".md-header .md-select > button")
    names = page.eval_on_selector_all("a.md-select__link", "l => l.map(a => a.hreflang)")
    assert names == ["zh-Hans", "zh-Hant", "zh-HK", "en"]
    page.keyboard.press("Escape")
    _switch(page, "zh-Hans", f"{english_url}{PART}#part-1-1-p2")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"


def test_an_untranslated_unit_carries_its_language(english_url, new_page) -> None:
    page = new_page(DESKTOP)
    page.goto(f"{english_url}en/{PART}")
    untranslated = page.locator(f"#{UNTRANSLATED}")
    assert untranslated.get_attribute("lang") == "zh-Hans"
    assert untranslated.locator(".tr-flag").inner_text() == "not yet translated"
    assert page.locator("#part-1-1-p1").evaluate("p => p.closest('[lang]').lang") == "en"
    assert page.locator("#part-1-1-p1").inner_text().startswith(ENGLISH["part-1-1-p1"])


@pytest.mark.parametrize("width", [390, 1280])
def test_parallel_view_pairs_each_unit_without_horizontal_overflow(english_url, new_page, width) -> None:
    page = new_page({"width": width, "height": 900})
    page.goto(f"{english_url}en/{PART}")
    _parallel(page, "简体中文")
    pair = page.evaluate(
        """() => { const p = document.getElementById('part-1-1-p1'), q = p.nextElementSibling;
            const a = p.getBoundingClientRect(), b = q.getBoundingClientRect();
            return {lang: q.lang, text: q.textContent, left: [a.left, b.left], top: [a.top, b.top],
                    bottom: a.bottom}; }"""
    )
    assert pair["lang"] == "zh-Hans" and pair["text"].startswith("一是全面加大统筹部署力度")
    if width >= 1280:  # side by side, on the same row
        assert pair["left"][1] > pair["left"][0] + 200 and abs(pair["top"][1] - pair["top"][0]) < 20
    else:  # one after the other
        assert abs(pair["left"][1] - pair["left"][0]) < 40 and pair["top"][1] >= pair["bottom"] - 1
    assert _overflow(page, width) == []
    # nothing is added beside a unit that is not translated (it is the Chinese already)
    assert (
        page.evaluate(
            f"document.getElementById('{UNTRANSLATED}').nextElementSibling.classList.contains('parallel-text')"
        )
        is False
    )
    # the reader's choice is remembered: the next page opens with the Traditional text beside it
    _parallel(page, "繁體中文")
    page.goto(f"{english_url}en/{SLUG}/")
    page.wait_for_selector("#preamble-p1 + .parallel-text[lang='zh-Hant']")
    assert page.locator(".parallel-control button[aria-pressed='true']").inner_text() == "繁體中文"


@pytest.mark.parametrize("width", [390, 1280])
def test_chinese_pages_show_the_english_beside(english_url, new_page, width) -> None:
    page = new_page({"width": width, "height": 900})
    page.goto(f"{english_url}{PART}")
    _parallel(page, "English")
    beside = page.locator("#part-1-1-p1 + .parallel-text")
    assert beside.get_attribute("lang") == "en" and beside.inner_text().startswith(ENGLISH["part-1-1-p1"])
    assert page.locator(f"#{UNTRANSLATED} + .parallel-text").count() == 0
    assert _overflow(page, width) == []
    page.goto(f"{english_url}plain-copy/part-1/")  # a report without English has no control
    assert page.locator(".parallel-control").count() == 0


def test_parallel_view_prints_as_parallel_text(english_url, new_page) -> None:
    page = new_page(DESKTOP)
    page.goto(f"{english_url}en/{PART}")
    _parallel(page, "简体中文")
    page.emulate_media(media="print")
    boxes = page.evaluate(
        """() => { const p = document.getElementById('part-1-1-p1'), q = p.nextElementSibling;
            const a = p.getBoundingClientRect(), b = q.getBoundingClientRect();
            const control = document.querySelector('.parallel-control');
            return [a.left, a.top, b.left, b.top, getComputedStyle(control).display]; }"""
    )
    assert boxes[2] > boxes[0] + 100 and abs(boxes[3] - boxes[1]) < 20 and boxes[4] == "none"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["", f"{SLUG}/", PART])
def test_no_serious_axe_violations_on_english_pages(english_url, new_page, path, viewport) -> None:
    page = new_page(viewport)
    page.goto(f"{english_url}en/{path}")
    if path == PART:
        page.click("#part-1-1-p1 .para-cite")  # with a citation box open
        _parallel(page, "简体中文")  # and the parallel view on
    assert _violations(page) == []


@pytest.mark.parametrize("variant", ["", "zh-Hant/"])
def test_no_serious_axe_violations_on_a_chinese_index_page_with_its_english_status(english_url, new_page, variant):
    page = new_page(PHONE)
    page.goto(f"{english_url}{variant}{SLUG}/")
    assert page.locator(".translation-status a[hreflang='en']").count() == 1
    assert _violations(page) == []


def test_english_citations_name_the_translation_and_the_original(english_url, new_page) -> None:
    page = new_page(DESKTOP)
    page.goto(f"{english_url}en/{PART}")
    page.click("#part-1-1-p1 .para-cite")
    rows = page.locator("#cite-part-1-1-p1 .cite-text").all_inner_texts()
    assert len(rows) == 2
    translation, original = rows
    assert translation.startswith("Zhenhai District Government Office. (2025, March 11). " + ENGLISH["title"])
    assert "para. 1" in translation and "unofficial translation of 宁波市镇海区人民政府关于" in translation
    assert translation.endswith(f"/en/{PART}#part-1-1-p1")
    assert original.startswith("Zhenhai District Government Office. (2025, March 11). 宁波市镇海区人民政府关于")
    assert original.endswith(f"/{PART}#part-1-1-p1") and "/en/" not in original
