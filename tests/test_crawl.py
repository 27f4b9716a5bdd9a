"""Crawl the built site: every internal link, asset and #anchor resolves (pages, sitemaps, search index)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from build_tools.foldmap import TARGET as FOLD_MAP
from build_tools.searchindex import FOLDER

ROOT_URL = "https://example.github.io/gov-reports/"  # mkdocs.yml's placeholder SITE_URL


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag != "meta" else ():
            if a.get(key):
                self.ids.add(a[key] or "")
        if tag in ("a", "link") and a.get("href"):
            self.refs.append(a["href"] or "")
        if tag in ("script", "img", "source") and a.get("src"):
            self.refs.append(a["src"] or "")


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _local(url: str, site: Path) -> Path | None:
    """The file an URL of this site points to, or None for other sites."""
    if not url.startswith(ROOT_URL):
        return None
    path = unquote(urlsplit(url).path.removeprefix(urlsplit(ROOT_URL).path))
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def _broken(site: Path, sources: dict[str, list[str]]) -> list[str]:
    """sources: page URL -> references found on it; returns what does not resolve."""
    cache: dict[Path, set[str]] = {}
    broken = []
    for page, refs in sources.items():
        for ref in refs:
            if ref.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            url, fragment = urldefrag(urljoin(page, ref))
            target = _local(url.split("?", 1)[0], site)
            if target is None:
                continue  # another site (the report's source page)
            if not target.is_file():
                broken.append(f"{page}: {ref} -> missing {target.relative_to(site)}")
                continue
            if fragment and target.suffix == ".html":
                ids = cache.setdefault(target, _parse(target).ids)
                if unquote(fragment) not in ids:
                    broken.append(f"{page}: {ref} -> no #{fragment} in {target.relative_to(site)}")
    return broken


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    sources = {}
    for page in sorted(built_site.rglob("*.html")):
        rel = page.relative_to(built_site).as_posix()
        url = ROOT_URL + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        sources[url] = _parse(page).refs
    assert len(sources) >= 12
    assert sum(len(r) for r in sources.values()) > 300
    assert _broken(built_site, sources) == []


def test_sitemaps_and_search_indexes_point_at_real_pages_and_anchors(built_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sources: dict[str, list[str]] = {}
    for variant in ("", "zh-Hant/", "zh-HK/"):  # the seed switches zh-HK on
        root, base = built_site / variant, ROOT_URL + variant
        tree = ET.parse(root / "sitemap.xml").getroot()
        refs = [u.find("s:loc", ns).text for u in tree.findall("s:url", ns)]
        refs += [x.get("href") for x in tree.iter("{http://www.w3.org/1999/xhtml}link")]
        sources[base + "sitemap.xml"] = refs
        # the chunked search index: the manifest names its shards and chunks, the chunks the units
        manifest = json.loads((root / FOLDER / "manifest.json").read_text(encoding="utf-8"))
        files = [f"shard-{i}.json" for i in range(manifest["shards"])]
        files += [f"chunk-{i}.json" for i in range(len(manifest["chunks"]))]
        sources[base + FOLDER + "/manifest.json"] = files
        chunks = [json.loads((root / FOLDER / name).read_text(encoding="utf-8")) for name in files if "chunk" in name]
        sources[base] = [row[0] for chunk in chunks for row in chunk["rows"]]
        assert len(sources[base]) == manifest["units"]
        sources[base] += ["search/search_index.json"]
    # one copy of the assets, the zh-Hans site's, for every variant (build_tools/sharedassets.py)
    sources[ROOT_URL] += ["assets/javascripts/workers/search.js", FOLD_MAP]
    assert all(len(refs) >= 10 for url, refs in sources.items() if not url.endswith("manifest.json"))
    assert _broken(built_site, sources) == []


def test_the_crawler_finds_broken_links(built_site: Path) -> None:
    page = ROOT_URL + "zhenhai-2024-law-based-government/"
    refs = ["part-1/#part-1-2", "part-1/#no-such-anchor", "part-9/", "../assets/none.css", "https://other.example/x"]
    assert _broken(built_site, {page: refs}) == [
        f"{page}: part-1/#no-such-anchor -> no #no-such-anchor in zhenhai-2024-law-based-government/part-1/index.html",
        f"{page}: part-9/ -> missing zhenhai-2024-law-based-government/part-9/index.html",
        f"{page}: ../assets/none.css -> missing assets/none.css",
    ]
