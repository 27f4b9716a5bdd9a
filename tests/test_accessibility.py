"""axe-core in the browser: no serious or critical violation on any page type, in both variants."""

from __future__ import annotations

import json

import pytest
from browser import DESKTOP, PHONE
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json, `npm ci` by make test
SLUG = "zhenhai-2024-law-based-government"
PAGES = {"home": "", "report": f"{SLUG}/", "part": f"{SLUG}/part-1/", "not-found": "no-such-page/"}


def _violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `make test` (it runs npm ci) or `npm ci`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["", "zh-Hant/", "zh-HK/"], ids=["zh-Hans", "zh-Hant", "zh-HK"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_axe_violations(site_url, new_page, kind, lang, viewport) -> None:
    page = new_page(viewport)
    page.goto(site_url + lang + PAGES[kind])
    if kind == "part":
        page.click("#part-1-2-p3 .para-cite")  # with a citation box open
    assert _violations(page) == []


# The library's pages, on the twelve-report library (tests/library_fixture.py): r00 is the report
# published in zh-HK too; the kind of r03 (an information disclosure report) has no zh-HK report.
LIBRARY_PAGES = {
    "home": "",
    "all-reports": "library/",
    "year": "library/year-2024/",
    "kind": "library/kind-information-disclosure-report/",
    "publisher": "library/publisher-yin-zhou-qu-zheng-fu-ban-gong-shi/",
    "glossary": "glossary/",
    "documents": "r00/documents/",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["", "zh-Hant/", "zh-HK/"], ids=["zh-Hans", "zh-Hant", "zh-HK"])
@pytest.mark.parametrize("kind", list(LIBRARY_PAGES))
def test_no_serious_axe_violations_in_a_library(library_served, new_page, kind, lang, viewport) -> None:
    page = new_page(viewport)
    response = page.goto(library_served[1] + lang + LIBRARY_PAGES[kind])
    assert response is not None and response.status == 200, LIBRARY_PAGES[kind]
    if kind == "home":  # with the instant filter's results shown: the kind of the newest report
        newest = json.loads((library_served[0] / lang / "library" / "library.json").read_text(encoding="utf-8"))
        page.select_option("form.library-filter select[name=kind]", newest["reports"][0][3])
        page.wait_for_selector(".library-results li")
    assert _violations(page) == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_serious_axe_violations_with_search_results_open(site_url, new_page, viewport) -> None:
    from test_browser import _search

    page = new_page(viewport)
    page.goto(site_url + "zh-Hant/")
    assert _search(page, "行政复议")
    assert _violations(page) == []


def test_axe_finds_a_serious_violation(site_url, new_page) -> None:
    """The check can fail: an image without a text alternative is a critical violation."""
    page = new_page()
    page.goto(site_url)
    page.evaluate(
        "document.querySelector('article').append(Object.assign(document.createElement('img'), {src: 'x.png'}))"
    )
    assert any(v.startswith("image-alt") for v in _violations(page))
