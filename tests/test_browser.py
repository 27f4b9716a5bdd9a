"""The built site in a real browser (Debian's chromium through Playwright), served under /gov-reports/."""

from __future__ import annotations

import re

import pytest
from browser import DESKTOP, PHONE
from conftest import SEED

from build_tools.conversion import convert_file
from build_tools.model import Paragraph

SLUG = "zhenhai-2024-law-based-government"
PAGES = ["", f"{SLUG}/", f"{SLUG}/part-1/"]  # home, a report index, a report part
VARIANTS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "zh-HK": "zh-HK/"}  # the seed switches zh-HK on
REPORTS = convert_file(SEED)  # what the pipeline makes of the seed, per variant


def _switch(page, lang: str, expected: str) -> None:
    """Choose `lang` in the header's language menu; it must lead to the address `expected`."""
    page.click(".md-header .md-select > button")
    page.click(f"a.md-select__link[hreflang='{lang}']")
    page.wait_for_url(lambda url: url == expected)


def _paragraph(lang: str, pid: str) -> Paragraph:
    def walk(sections):
        for section in sections:
            yield from (b for b in section.blocks if isinstance(b, Paragraph))
            yield from walk(section.children)

    return next(p for p in walk(REPORTS[lang].sections) if p.id == pid)


def _as_on_page(lang: str, word: str, pid: str = "part-1-2-p3") -> str:
    """`word` as the pipeline renders it in `lang`: the same stretch of the same paragraph."""
    hans, other = _paragraph("zh-Hans", pid).text, _paragraph(lang, pid).text
    assert len(hans) == len(other)  # s2tw and s2hk keep lengths, so offsets carry over
    at = hans.index(word)
    return other[at : at + len(word)]


HANT_QUERY = _as_on_page("zh-Hant", "行政复议")  # 行政複議 with plain s2tw; 行政復議 once corrected
HK_QUERY = _as_on_page("zh-HK", "行政复议")  # what the zh-HK page says (s2hk and the project dictionary)
ON_PAGE = {"zh-Hans": "行政复议", "zh-Hant": HANT_QUERY, "zh-HK": HK_QUERY}


def _url(site_url: str, lang: str, page: str) -> str:
    return site_url + VARIANTS[lang] + page


@pytest.mark.parametrize("width", [360, 390, 414])
def test_no_horizontal_scrolling_on_phones(site_url, new_page, width) -> None:
    page = new_page({"width": width, "height": 800})
    for lang in VARIANTS:
        for path in PAGES:
            page.goto(_url(site_url, lang, path))
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{lang}/{path} is {wide}px wide at {width}px"
            # what sticks out of the viewport, even when a parent hides the overflow
            out = page.evaluate(
                """w => [...document.querySelectorAll('.md-content *')]
                    .filter(e => e.closest('.table-wrap') === null && e.getBoundingClientRect().right > w + 1)
                    .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
                width,
            )
            assert out == [], f"{lang}/{path} at {width}px: {out}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_language_switch_keeps_the_page_and_the_paragraph(site_url, new_page, viewport) -> None:
    page = new_page(viewport)
    page.goto(_url(site_url, "zh-Hans", f"{SLUG}/part-1/#part-1-2-p3"))
    _switch(page, "zh-Hant", _url(site_url, "zh-Hant", f"{SLUG}/part-1/#part-1-2-p3"))
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    top = page.evaluate("document.getElementById('part-1-2-p3').getBoundingClientRect().top")
    assert 0 <= top < viewport["height"] / 2, "the paragraph is not scrolled into view"
    # and back, from a paragraph reached by its permalink on the zh-Hant page
    page.click("#part-1-3-p1 .para-link")
    _switch(page, "zh-Hans", _url(site_url, "zh-Hans", f"{SLUG}/part-1/#part-1-3-p1"))


def test_language_switch_reaches_zh_hk_and_back_with_the_paragraph(site_url, new_page) -> None:
    page = new_page(PHONE)
    page.goto(_url(site_url, "zh-Hant", f"{SLUG}/part-3/#part-3-2-p1"))
    page.click(".md-header .md-select > button")
    names = page.eval_on_selector_all("a.md-select__link", "l => l.map(a => a.hreflang)")
    assert names == ["zh-Hans", "zh-Hant", "zh-HK", "en"]  # the demo has its English (tests/fixtures/translations)
    page.click("a.md-select__link[hreflang='zh-HK']")
    page.wait_for_url("**/zh-HK/**")
    assert page.url == _url(site_url, "zh-HK", f"{SLUG}/part-3/#part-3-2-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-HK"
    assert page.locator("#part-3-2-p1").is_visible()
    _switch(page, "zh-Hans", _url(site_url, "zh-Hans", f"{SLUG}/part-3/#part-3-2-p1"))


def test_language_switch_keeps_the_paragraph_being_read(site_url, new_page) -> None:
    """No #paragraph in the address: the switch takes the paragraph at the top of the screen."""
    page = new_page(PHONE)
    page.goto(_url(site_url, "zh-Hant", f"{SLUG}/part-1/"))
    # scrolled until the paragraph stays just under the header (the page may still be laying out)
    page.wait_for_function(
        """() => { const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
                   const off = document.getElementById('part-1-3-p2').getBoundingClientRect().top - h - 10;
                   if (Math.abs(off) < 2) return true;
                   scrollBy(0, off); return false; }"""
    )
    _switch(page, "zh-Hans", _url(site_url, "zh-Hans", f"{SLUG}/part-1/#part-1-3-p2"))


def _search(page, query: str) -> list[str]:
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # phones: the search field opens from a button
        opener.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.type(query)
    box.press("End")  # Playwright types Chinese without keyup; Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # let Material finish rendering the result list
    links = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "l => l.map(a => a.href)")
    return [re.sub(r"\?h=[^#]*", "", link) for link in links if "#" in link]  # sections, not whole pages


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("zh-Hans", "行政复议"),
        ("zh-Hant", HANT_QUERY),  # what the zh-Hant pages say
        ("zh-Hans", "行政復議"),  # across scripts: Traditional query, Simplified site
        ("zh-Hant", "行政复议"),  # Simplified query, Traditional site
        ("zh-Hant", "行政復議"),  # the Taiwan form, whichever form the zh-Hant page uses
        ("zh-HK", HK_QUERY),  # what the zh-HK pages say: a Hong Kong reader's query
        ("zh-HK", "行政复议"),  # Simplified query, Hong Kong site
    ],
)
def test_search_puts_the_right_section_first(site_url, new_page, lang, query) -> None:
    page = new_page()
    page.goto(_url(site_url, lang, ""))
    links = _search(page, query)
    assert links[0] == _url(site_url, lang, f"{SLUG}/part-1/#part-1-2"), links
    # shown in the page's own script, the query's words highlighted
    marked = page.eval_on_selector_all(".md-search-result mark", "l => l.map(m => m.textContent)")
    assert marked and set(marked) == {ON_PAGE[lang]}, marked


def test_print_hides_the_site_chrome(site_url, new_page) -> None:
    page = new_page()
    page.goto(_url(site_url, "zh-Hans", f"{SLUG}/part-1/"))
    page.emulate_media(media="print")
    display = "s => [...document.querySelectorAll(s)].map(e => getComputedStyle(e).display)"
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".para-tools"):
        shown = page.eval_on_selector_all(chrome, "l => l.map(e => getComputedStyle(e).display)")
        assert shown and set(shown) == {"none"}, (chrome, shown)
    assert page.evaluate(f"({display})('p.para')")[0] != "none"
    assert page.is_visible("#part-1-2-p3")


def test_permalink_copies_the_paragraph_address(site_url, new_page) -> None:
    page = new_page(PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(_url(site_url, "zh-Hans", f"{SLUG}/part-1/"))
    page.click("#part-1-2-p3 .para-link")
    assert page.url.endswith("#part-1-2-p3")
    canonical = page.get_attribute("link[rel=canonical]", "href")
    assert canonical == _url(site_url, "zh-Hans", f"{SLUG}/part-1/")
    assert page.evaluate("navigator.clipboard.readText()") == canonical + "#part-1-2-p3"
    assert page.inner_text(".reader-status") == "已复制"


@pytest.mark.parametrize("lang", list(VARIANTS))
def test_cite_gives_gbt_7714_and_apa_in_the_page_variant(site_url, new_page, lang) -> None:
    report = REPORTS[lang]
    page = new_page(PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(_url(site_url, lang, f"{SLUG}/part-1/"))
    page.click("#part-1-2-p3 .para-cite")
    rows = page.eval_on_selector_all("#cite-part-1-2-p3 .cite-row", "l => l.map(r => r.innerText)")
    assert len(rows) == 2 and rows[0].startswith("GB/T 7714") and rows[1].startswith("APA")
    permalink = page.get_attribute("link[rel=canonical]", "href") + "#part-1-2-p3"
    title, publisher = report.title, report.publisher
    section = report.sections[0].children[1].number + report.sections[0].children[1].title
    assert section.endswith(("全面加强依法行政决策能力", "全面加強依法行政決策能力"))
    for row in rows:
        for fact in (title, publisher, section, "第3段", permalink):
            assert fact in row, (fact, row)
    assert f"{title}: {section}，第3段[R/OL]. (2025-03-11)[" in rows[0]
    assert f"{publisher}. (2025年3月11日). {title}" in rows[1]
    page.click("#cite-part-1-2-p3 .cite-copy >> nth=0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{publisher}. {title}") and copied.endswith(permalink + ".")
    page.click("#part-1-2-p3 .para-cite")  # closes again
    assert page.locator("#cite-part-1-2-p3").count() == 0


def test_tap_targets_are_44px_on_phones(site_url, new_page) -> None:
    page = new_page(PHONE)
    page.goto(_url(site_url, "zh-Hans", f"{SLUG}/part-1/"))
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              '.md-header .md-header__button, .md-typeset .headerlink, .para-tools > *, .md-select__link, .md-top')]
            .map(e => [e.className, e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (Math.round(r.width) < 44 || Math.round(r.height) < 44))
            .map(([c, r]) => c + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""
    )
    counted = page.locator(".md-header .md-header__button:visible, .headerlink, .para-tools > *").count()
    assert counted > 20 and small == []
    page.click(".md-header .md-select > button")
    for link in page.locator("a.md-select__link").all():
        box = link.bounding_box()
        assert round(box["height"]) >= 44, box
    page.click("#part-1-2-p3 .para-cite")
    box = page.locator("#cite-part-1-2-p3 .cite-copy >> nth=0").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    _search(page, "行政复议")  # the search field's back and clear buttons
    for selector in (".md-search__icon[for='__search']", "button.md-search__icon[type='reset']"):
        box = page.locator(selector).first.bounding_box()
        assert box["y"] >= 0 and round(box["width"]) >= 44 and round(box["height"]) >= 44, (selector, box)


def test_font_size_persists_across_pages_and_variants(site_url, new_page) -> None:
    page = new_page(PHONE)
    page.goto(_url(site_url, "zh-Hans", f"{SLUG}/part-1/"))
    size = "parseFloat(getComputedStyle(document.querySelector('p.para')).fontSize)"
    normal = page.evaluate(size)
    page.click(".reader-font-size")
    larger = page.evaluate(size)
    assert larger > normal * 1.1
    page.goto(_url(site_url, "zh-Hant", f"{SLUG}/part-2/"))
    assert page.evaluate(size) == larger
    assert page.get_attribute(".reader-font-size", "aria-label") == "字級：大"
    page.goto(_url(site_url, "zh-HK", f"{SLUG}/part-2/"))
    assert page.evaluate(size) == larger
    assert page.get_attribute(".reader-font-size", "aria-label") == "字號：大"  # Hong Kong usage
    page.click(".reader-font-size")
    page.click(".reader-font-size")  # past the largest, back to the standard size
    page.reload()
    assert page.evaluate(size) == normal


def test_wide_tables_scroll_in_their_own_box_on_phones(other_site, browser) -> None:
    from served import serve

    with serve(other_site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(url + "hostile/part-2/")
        wrap = page.locator("div.table-wrap")
        assert wrap.count() == 1
        assert wrap.evaluate("w => getComputedStyle(w).overflowX") in ("auto", "scroll")
        sizes = wrap.evaluate("w => [w.scrollWidth, w.clientWidth, w.getBoundingClientRect().right]")
        assert sizes[0] > sizes[1] + 40, sizes  # the table is wider than its box ...
        assert sizes[2] <= 360  # ... the box fits the screen ...
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # ... and the page does not scroll
        context.close()


@pytest.mark.parametrize("lang", list(VARIANTS))
def test_pages_load_without_errors_or_failed_requests(site_url, new_page, lang) -> None:
    page = new_page(PHONE)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    for path in PAGES:
        page.goto(_url(site_url, lang, path))
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_glossary_is_found_by_its_english_rendering(site_url, new_page) -> None:
    """The glossary sits below the reports in results (search boost), but stays searchable."""
    page = new_page()
    page.goto(_url(site_url, "zh-Hans", ""))
    links = _search(page, "reconsideration")
    assert links and links[0].startswith(_url(site_url, "zh-Hans", "glossary/#")), links
