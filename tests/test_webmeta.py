"""What search engines read: descriptions, canonical and hreflang URLs, Open Graph, JSON-LD, sitemaps."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import OTHER_ROOT

from build_tools.webmeta import first_sentence, iso_date, site_urls

SLUG = "zhenhai-2024-law-based-government"
ROOT_URL = "https://example.github.io/gov-reports/"  # mkdocs.yml's placeholder SITE_URL
URLS = {"zh-Hans": ROOT_URL, "zh-Hant": ROOT_URL + "zh-Hant/", "zh-HK": ROOT_URL + "zh-HK/", "en": ROOT_URL + "en/"}
# the seed switches zh-HK on; English: its home page, and the seed's pages once it has a catalogue
FOLDERS = {"zh-Hans": "", "zh-Hant": "zh-Hant", "zh-HK": "zh-HK", "en": "en"}
LOCALES = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "zh-HK": "zh_HK", "en": "en_GB"}
CHINESE = ("zh-Hans", "zh-Hant", "zh-HK")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.metas: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(a)
        elif tag == "meta" and ("name" in a or "property" in a):
            self.metas[a.get("name") or a["property"]] = a.get("content", "")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag: str) -> None:
        self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[tuple[str, str]]:
    """(lang, page URL path) of every page of every variant, 404 aside."""
    out = []
    for lang, folder in FOLDERS.items():
        root = site / folder
        for page in sorted(root.rglob("index.html")):
            rel = page.parent.relative_to(root).as_posix()
            if lang == "zh-Hans" and rel.split("/")[0] in ("zh-Hant", "zh-HK", "en"):
                continue
            out.append((lang, "" if rel == "." else rel + "/"))
    return out


def test_first_sentence_and_dates() -> None:
    assert first_sentence("一是全面加大统筹部署力度。加强党委领导。") == "一是全面加大统筹部署力度。"
    assert first_sentence("没有句号的一句话") == "没有句号的一句话"
    long = first_sentence("长" * 300 + "。")
    assert len(long) == 160 and long.endswith("…")
    assert iso_date("2025年3月1日") == "2025-03-01" and iso_date("2025-3-11") == "2025-03-11"
    assert iso_date("2025年3月") is None and iso_date(None) is None


def test_site_urls_keep_the_repository_subpath() -> None:
    links = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
    assert site_urls("https://o.github.io/repo", "", links) == {
        "zh-Hans": "https://o.github.io/repo/",
        "zh-Hant": "https://o.github.io/repo/zh-Hant/",
    }
    back = {"zh-Hans": "../", "zh-Hant": ""}  # as the zh-Hant site links the other variant
    assert site_urls("https://o.github.io/repo/", "zh-Hant/", back) == site_urls("https://o.github.io/repo", "", links)
    with pytest.raises(ValueError, match="SITE_URL"):
        site_urls("o.github.io/repo", "", links)


def _alternates(rel: str, hk: set[str], en: set[str]) -> dict[str, str]:
    """The hreflang links a page should have: zh-HK and en only where their sites have the page."""
    langs = ["zh-Hans", "zh-Hant", *(["zh-HK"] if rel in hk else []), *(["en"] if rel in en else [])]
    return {**{lang: URLS[lang] + rel for lang in langs}, "x-default": URLS["zh-Hans"] + rel}


def test_every_page_has_canonical_hreflang_description_and_open_graph(built_site: Path) -> None:
    pages = _pages(built_site)
    hk = {rel for lang, rel in pages if lang == "zh-HK"}
    en = {rel for lang, rel in pages if lang == "en"}
    assert hk == {rel for lang, rel in pages if lang == "zh-Hans"}  # the seed is the only report
    assert "" in en and en <= hk
    assert len(pages) >= 15
    for lang, rel in pages:
        file = built_site / FOLDERS[lang] / rel / "index.html"
        head = _head(file)
        canonical = [x["href"] for x in head.links if x.get("rel") == "canonical"]
        assert canonical == [URLS[lang] + rel], file
        alternates = {x["hreflang"]: x["href"] for x in head.links if x.get("rel") == "alternate" and "hreflang" in x}
        assert alternates == _alternates(rel, hk, en), file
        assert len(head.metas.get("description", "")) >= 10, file
        assert head.metas["og:url"] == URLS[lang] + rel and head.metas["og:title"], file
        assert head.metas["og:description"] == head.metas["description"]
        assert head.metas["og:locale"] == LOCALES[lang]


def test_pages_of_a_report_without_zh_hk_have_no_zh_hk_alternate(other_site: Path) -> None:
    """other_site's only report has no settings (no zh_hk): its pages name two variants, the
    home, glossary and library pages, which every site has, three; the sitemaps agree."""
    hk = {rel for lang, rel in _pages(other_site) if lang == "zh-HK"}
    assert {"", "glossary/", "library/"} <= hk and all(rel.startswith("library/") for rel in hk - {"", "glossary/"})
    report_pages = [(lang, rel) for lang, rel in _pages(other_site) if rel not in hk]
    assert len(report_pages) >= 10 and all(lang != "zh-HK" for lang, _ in report_pages)
    for lang, rel in _pages(other_site):
        head = _head(other_site / FOLDERS[lang] / rel / "index.html")
        alternates = {x["hreflang"] for x in head.links if x.get("rel") == "alternate" and "hreflang" in x}
        assert ("zh-HK" in alternates) == (rel in hk), (lang, rel)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for folder in FOLDERS.values():
        for url in ET.parse(other_site / folder / "sitemap.xml").getroot().findall("s:url", ns):
            langs = {x.get("hreflang") for x in url.findall("x:link", ns)}
            rel = url.find("s:loc", ns).text.removeprefix(OTHER_ROOT).removeprefix(folder + "/" if folder else "")
            assert ("zh-HK" in langs) == (rel in hk), rel


def test_description_is_the_page_first_sentence(built_site: Path) -> None:
    head = _head(built_site / SLUG / "part-1" / "index.html")
    assert head.metas["description"] == "一是全面加大统筹部署力度。"
    head = _head(built_site / "zh-Hant" / SLUG / "part-2" / "index.html")
    text = (built_site / "zh-Hant" / SLUG / "part-2" / "index.html").read_text(encoding="utf-8")
    para = re.search(r'<p id="part-2-p1" class="para">(.*?)</p>', text)
    assert para
    plain = re.sub("<[^>]+>", "", para[1])  # without the term links
    assert head.metas["description"] == plain[: plain.index("。") + 1]


@pytest.mark.parametrize("lang", CHINESE)
def test_report_index_has_json_ld_report(built_site: Path, lang: str) -> None:
    root = built_site / FOLDERS[lang]
    head = _head(root / SLUG / "index.html")
    assert len(head.jsonld) == 1
    data = json.loads(head.jsonld[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert data["inLanguage"] == lang and data["datePublished"] == "2025-03-11"
    assert data["url"] == URLS[lang] + f"{SLUG}/"
    assert data["identifier"]["value"] == "734247248/2025-225175"
    hans = lang == "zh-Hans"
    assert data["identifier"]["propertyID"] == ("索引号" if hans else "索引號")
    assert data["publisher"] == {
        "@type": "GovernmentOrganization",
        "name": "镇海区政府办公室" if hans else "鎮海區政府辦公室",
    }
    assert data["name"].endswith("情况报告" if hans else "情況報告")
    # part pages are parts of the report, not reports of their own
    assert _head(root / SLUG / "part-1" / "index.html").jsonld == []


def test_json_ld_cannot_be_broken_out_of_by_report_text(other_site: Path) -> None:
    """A title with </script> stays inside the JSON-LD (tojson escapes <, >, &)."""
    page = other_site / "hostile" / "index.html"  # the report's index page
    assert "<script>alert(1)" not in page.read_text(encoding="utf-8")
    data = json.loads(_head(page).jsonld[0])
    assert data["name"] == "关于</script><script>alert(1)</script>的报告"


def test_site_url_comes_from_the_environment(other_site: Path) -> None:
    """SITE_URL (as the Pages workflow sets it) reaches canonical URLs, alternates and the 404 page,
    whose asset paths must carry the repository subpath."""
    page = next(other_site.glob("*/part-1/index.html"))
    rel = page.parent.relative_to(other_site).as_posix() + "/"
    head = _head(page)
    assert [x["href"] for x in head.links if x.get("rel") == "canonical"] == [OTHER_ROOT + rel]
    hant = {x["hreflang"]: x["href"] for x in head.links if x.get("hreflang")}["zh-Hant"]
    assert hant == OTHER_ROOT + "zh-Hant/" + rel
    for root in (other_site, other_site / "zh-Hant"):  # every variant loads the one shared copy
        not_found = (root / "404.html").read_text(encoding="utf-8")
        assets = re.findall(r'(?:href|src)="([^"]*assets/[^"]*)"', not_found)
        assert assets and all(a.startswith("/my-repo/assets/") for a in assets), assets[:3]


@pytest.mark.parametrize("lang", list(URLS))
def test_sitemap_lists_every_page_with_its_alternates(built_site: Path, lang: str) -> None:
    root = built_site / FOLDERS[lang]
    tree = ET.parse(root / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.getroot().findall("s:url", ns)
    expected = [rel for lg, rel in _pages(built_site) if lg == lang]
    hk = {rel for lg, rel in _pages(built_site) if lg == "zh-HK"}
    en = {rel for lg, rel in _pages(built_site) if lg == "en"}
    assert sorted(u.find("s:loc", ns).text for u in urls) == sorted(URLS[lang] + rel for rel in expected)
    for url in urls:
        rel = url.find("s:loc", ns).text.removeprefix(URLS[lang])
        alternates = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", ns)}
        assert alternates == _alternates(rel, hk, en)
