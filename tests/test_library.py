"""The library's home and browse pages, on a twelve-report library: the same pages in every
variant, grouped by year, kind and publisher, every report within three taps of the home page,
usable without JavaScript and filtered instantly with it; the Atom feeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from browser import PHONE
from library_fixture import COUNT, TITLES

from build_tools import library
from build_tools.model import MetaField, Report
from build_tools.pages import ui

VARIANTS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "zh-HK": "zh-HK/"}


def _pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / library.FOLDER).rglob("*") if p.is_file()}


def _data(site: Path, lang: str = "zh-Hans") -> list[list[str]]:
    return json.loads((site / VARIANTS[lang] / library.FOLDER / "library.json").read_text(encoding="utf-8"))["reports"]


def _links(page: Path) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"#:?]*/)"', page.read_text(encoding="utf-8"))


def test_every_variant_has_the_same_pages_at_the_same_paths(library_served) -> None:
    site, _ = library_served
    hans = _pages(site)
    assert {"library/index.html", "library/library.json"} <= hans
    assert any(p.startswith("library/year-") for p in hans) and any(p.startswith("library/kind-") for p in hans)
    assert any(p.startswith("library/publisher-") for p in hans)
    assert _pages(site / "zh-Hant") == hans and _pages(site / "zh-HK") == hans


def test_years_newest_first_and_each_year_page_lists_its_reports(library_served) -> None:
    site, _ = library_served
    rows = _data(site)
    assert len(rows) == COUNT
    years = [row[2] for row in rows]
    assert years == sorted(years, reverse=True) and len(set(years)) > 2  # newest first, several years
    home = (site / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="library/year-(\d{4})/"', home)
    assert linked == sorted(set(years), reverse=True)
    for year in set(years):
        page = site / library.FOLDER / f"year-{year}" / "index.html"
        listed = {href.split("/")[-2] for href in _links(page) if href.startswith("../../r")}
        assert listed == {row[1].rstrip("/") for row in rows if row[2] == year}, year


def test_kinds_from_titles_and_publishers_and_dates_shown(library_served) -> None:
    site, _ = library_served
    rows = _data(site)
    kinds = {row[0]: row[3] for row in rows}
    assert sorted(kinds.values()).count("law-based-government-report") == COUNT - len(TITLES)
    found = {kind for title, kind in kinds.items() if "法治政府建设" not in title}
    assert found == {"information-disclosure-report", "statistics-bulletin", "government-work-report"}
    year_page = (site / library.FOLDER / f"year-{rows[0][2]}" / "index.html").read_text(encoding="utf-8")
    for title, _, _, _, _, facts in [r for r in rows if r[2] == rows[0][2]]:
        publisher, kind, date = facts.split(" · ")
        assert title in year_page and facts in year_page
        assert publisher.endswith("办公室") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and kind


def test_kind_from_metadata_before_the_title() -> None:
    def report(title: str, **meta: str) -> Report:
        fields = tuple(MetaField(k, v, 1) for k, v in meta.items())
        return Report("s", "s.txt", "zh-Hans", "zh-Hans", title, fields, None, None, None, None, (), (), (), ())

    assert library.kind_of(report("某区2024年统计资料", 体裁分类="统计公报")) == "statistics-bulletin"
    assert library.kind_of(report("某区法治政府建设情况报告", 体裁分类="报告")) == "law-based-government-report"
    assert library.kind_of(report("关于某事的通知", 主题分类="政务公开")) == "other"


def test_every_report_within_three_taps_of_the_home_page(library_served) -> None:
    site, _ = library_served
    for lang, prefix in VARIANTS.items():
        root = (site / prefix).resolve()
        seen, frontier = {root / "index.html"}, [root / "index.html"]
        for _ in range(3):
            following = []
            for page in frontier:
                for href in _links(page):
                    target = (page.parent / href / "index.html").resolve()
                    if target.is_file() and target not in seen:
                        seen.add(target)
                        following.append(target)
            frontier = following
        expected = {row[1] for row in _data(site, lang)}
        own = [p for p in seen if p.parent != root and p.is_relative_to(root)]
        reached = {f"{p.parent.relative_to(root).as_posix()}/" for p in own}
        assert expected <= reached, (lang, expected - reached)


def test_the_home_page_stays_short_newest_first(library_served) -> None:
    site, _ = library_served
    home = (site / "index.html").read_text(encoding="utf-8")
    latest = home.split('id="latest"', 1)[1].split('class="library-all"', 1)[0]
    shown = re.findall(r'<a href="(r\d+)/">', latest)
    assert shown == [row[1].rstrip("/") for row in _data(site)][: library.HOME_LATEST]


def test_zh_hk_pages_without_its_reports_say_so(library_served) -> None:
    site, _ = library_served
    hk = _data(site, "zh-HK")
    assert len(hk) == 1  # only r00 switched zh-HK on
    empty = [p for p in (site / "zh-HK" / library.FOLDER).glob("kind-*/index.html") if "library-none" in p.read_text()]
    assert empty and all("香港繁體版暫無這類報告" in p.read_text(encoding="utf-8") for p in empty)


def test_without_javascript_the_filter_is_hidden_and_the_pages_are_links(library_served, new_page) -> None:
    site, url = library_served
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(url)
    assert not page.locator("form.library-filter").is_visible()
    page.click(f"a[href='library/year-{_data(site)[0][2]}/']")
    assert page.locator(".library-list a").count() == sum(1 for r in _data(site) if r[2] == _data(site)[0][2])


@pytest.mark.parametrize("lang", list(VARIANTS))
def test_instant_filter_by_year_kind_and_title(library_served, new_page, lang: str) -> None:
    site, url = library_served
    rows = _data(site, lang)
    page = new_page(PHONE)
    page.goto(url + VARIANTS[lang])
    form = page.locator("form.library-filter")
    assert form.is_visible()
    form.locator("select[name=year]").select_option(rows[0][2])
    page.wait_for_function("document.querySelector('.library-filter-status').textContent !== ''")
    assert form.locator(".library-results li").count() == sum(1 for r in rows if r[2] == rows[0][2])
    form.locator("select[name=year]").select_option("")
    form.locator("select[name=kind]").select_option(rows[0][3])
    page.wait_for_function(
        f"document.querySelectorAll('.library-results li').length === {sum(1 for r in rows if r[3] == rows[0][3])}"
    )
    links = form.locator(".library-results a")
    assert links.first.get_attribute("href").startswith(url + VARIANTS[lang] + rows[0][1].split("/")[0])


@pytest.mark.parametrize("lang", list(VARIANTS))
def test_atom_feed_parses_with_every_field(library_served, lang: str) -> None:
    site, url = library_served
    feed = feedparser.parse((site / VARIANTS[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.link == url + VARIANTS[lang] and feed.feed.id == url + VARIANTS[lang]
    rows = _data(site, lang)
    assert [e.link for e in feed.entries] == [url + VARIANTS[lang] + row[1] for row in rows][: library.FEED_SIZE]
    dates = [e.published_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry, row in zip(feed.entries, rows, strict=False):
        assert entry.title == row[0] and entry.author == row[5].split(" · ")[0]
        assert entry.summary and entry.summary[-1] in "。！？…" and "<" not in entry.summary


def test_feed_stays_valid_with_markup_in_a_title() -> None:
    from build_tools.feeds import atom

    entry = {
        "title": "关于<b>&amp;</b>的报告",
        "publisher": "A&B",
        "date": "2025-01-02",
        "summary": "x<y。",
        "path": "r/",
    }
    feed = feedparser.parse(atom([entry], "https://example.org/s/", "库 & 站", "zh-Hans"))
    assert not feed.bozo and feed.entries[0].title == "关于<b>&amp;</b>的报告"
    assert feed.feed.title == "库 & 站" and feed.entries[0].summary == "x<y。"


def test_every_page_announces_its_variants_feed(library_served) -> None:
    site, url = library_served
    for lang, prefix in {**VARIANTS, "en": "en/"}.items():  # English: its home, no report translated
        for page in (site / prefix).rglob("*.html") if prefix else site.glob("**/*.html"):
            rel = page.relative_to(site).as_posix()
            if prefix == "" and rel.startswith(("zh-Hant/", "zh-HK/", "en/")):
                continue
            head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
            found = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
            assert found == [url + prefix + "feed.xml"], (lang, rel)


def test_variants_share_one_copy_of_the_assets(library_served) -> None:
    site, _ = library_served
    assert (site / "assets" / "javascripts" / "library.js").is_file()
    for prefix in ("zh-Hant/", "zh-HK/"):
        assert not (site / prefix / "assets").exists()
        for page in (site / prefix / "library" / "index.html", site / prefix / "404.html"):
            html = page.read_text(encoding="utf-8")
            links = re.findall(r'(?:href|src)="([^"]*assets/[^"]*)"', html)
            assert links, page
            for link in links:
                path = link.split("/gov-reports/", 1)[1] if link.startswith("/") else link
                target = (site / path) if link.startswith("/") else (page.parent / path)
                assert target.resolve().is_relative_to((site / "assets").resolve()), link
                assert target.is_file(), link


def test_a_report_without_publisher_is_filed_under_unknown() -> None:
    report = Report("s", "s.txt", "zh-Hans", "zh-Hans", "某报告", (), "2025-01-01", None, None, None, (), (), (), ())
    built = library.build({"zh-Hans": [report], "zh-Hant": [], "zh-HK": []}, ui)
    home = built.files["zh-Hans/index.md"]
    assert 'href="library/publisher-unknown/">发布机构不详<' in home
    assert built.feeds["zh-Hans"][0]["publisher"] == ""  # the feed names no author it does not know
