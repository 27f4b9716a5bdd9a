"""A page does not grow with the library: its sidebar holds the site's own pages and its own
report, not every report (overrides/partials/nav.html)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser import DESKTOP, PHONE
from conftest import ROOT, build_project
from served import serve

from bench.synth import write_corpus

SMALL, LARGE = 3, 12  # both above extra.sidebar_reports_max (checked below)
PART = "r0000/part-1/index.html"  # the same report's same part page in both libraries


def _library(tmp: Path, n: int) -> Path:
    write_corpus(tmp / "corpus", n)
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp / "corpus" / "seeds").iterdir())}
    (tmp / "project").mkdir()
    return build_project(tmp / "project", seeds)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: _library(tmp_path_factory.mktemp(f"library-{n}"), n) for n in (SMALL, LARGE)}


def test_sizes_are_above_the_sidebar_limit() -> None:
    limit = re.search(r"\n  sidebar_reports_max: (\d+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert limit and int(limit[1]) < SMALL, "choose SMALL above extra.sidebar_reports_max"


@pytest.mark.parametrize("variant", ["", "zh-Hant/"])
def test_part_page_does_not_grow_with_the_library(sites: dict[int, Path], variant: str) -> None:
    small = (sites[SMALL] / variant / PART).read_text(encoding="utf-8")
    large = (sites[LARGE] / variant / PART).read_text(encoding="utf-8")
    # the only difference allowed: the number in the id of the report's sidebar entry
    assert len(_ids(large)) == len(_ids(small))
    assert _ids(large) == _ids(small), "the part page differs between a library of 3 and one of 12"


@pytest.mark.parametrize("page", [PART, "index.html", "glossary/index.html"])
def test_sidebar_links_only_to_own_pages_and_own_report(sites: dict[int, Path], page: str) -> None:
    html = (sites[LARGE] / page).read_text(encoding="utf-8")
    sidebar = html.split('<nav class="md-nav md-nav--primary"', 1)[1]
    nav = sidebar.split('<div class="md-sidebar md-sidebar--secondary"', 1)[0]
    paths = {_path(page, href) for href in re.findall(r'<a href="([^"#]*)"', nav)}
    assert {"/", "/glossary/"} <= paths  # the site's own pages stay
    links = {_report_of(page, href) for href in re.findall(r'<a href="([^"#]*)"', nav)}
    own = {"r0000"} if page == PART else set()
    assert links - {None} == own, f"{page}: the sidebar links to {sorted(links - {None})}"
    if page == "index.html":  # the home page leads to the page of all reports, which lists every one
        assert "/library/" in paths
        every = "library/index.html"
        article = (sites[LARGE] / every).read_text(encoding="utf-8").split("<article", 1)[1]
        listed = {_report_of(every, href) for href in re.findall(r'<a href="([^"#]*)"', article)}
        assert {f"r{k:04d}" for k in range(LARGE)} <= listed


def test_phone_drawer_and_desktop_sidebar_work_in_a_large_library(sites: dict[int, Path], new_page: object) -> None:
    with serve(sites[LARGE]) as url:
        page = new_page(PHONE)
        page.goto(url + "r0000/part-1/")
        page.click('label.md-header__button[for="__drawer"]')  # the drawer opens at the report's parts
        drawer = page.locator("nav.md-nav--primary")
        drawer.locator('a[href="../part-2/"]').wait_for(state="visible")
        drawer.locator('nav[data-md-level="1"] > label.md-nav__title').click()  # back: the site's own pages
        drawer.locator('a[href="../../glossary/"]').click()
        page.wait_for_url("**/glossary/")
        desktop = new_page(DESKTOP)
        desktop.goto(url + "r0000/part-1/")
        sidebar = desktop.locator(".md-sidebar--primary nav.md-nav--primary")
        for href in ("../..", "../../glossary/", "../", "../part-2/"):  # home, glossary, the report, a part
            sidebar.locator(f'a.md-nav__link[href="{href}"]').first.wait_for(state="visible")
        sidebar.locator('a[href="../part-2/"]').click()
        desktop.wait_for_url("**/r0000/part-2/")


def _ids(html: str) -> str:
    return re.sub(r"__nav_\d+", "__nav_N", html)


def _report_of(page: str, href: str) -> str | None:
    """r0003 for a link from `page` into report r0003, else None."""
    found = re.match(r"/(r\d{4})/", _path(page, href))
    return found[1] if found else None


def _path(page: str, href: str) -> str:
    """The site path a link on `page` goes to."""
    return urlsplit(urljoin(f"http://site/{page}", href)).path
