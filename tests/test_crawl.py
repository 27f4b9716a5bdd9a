"""Crawl the built site: every internal link, asset and #anchor resolves (pages, sitemaps, search
index), with the publication check's crawler (build_tools/checks/links.py)."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.checks.links import broken, index_refs, page_refs
from build_tools.checks.pages import parse as _parse  # noqa: F401  (other tests' name for it)
from build_tools.searchindex import FOLDER

ROOT_URL = "https://example.github.io/gov-reports/"  # the tests' SITE_URL (conftest.build_in)
SLUG = "zhenhai-2024-law-based-government"


def _broken(site: Path, sources: dict[str, list[str]]) -> list[str]:
    """The references of `sources` (page URL -> refs) that do not resolve in a site built for ROOT_URL."""
    return broken(site, ROOT_URL, sources)


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    sources = page_refs(built_site, ROOT_URL)
    assert len(sources) >= 12
    assert sum(len(r) for r in sources.values()) > 300
    assert broken(built_site, ROOT_URL, sources) == []


def test_sitemaps_and_search_indexes_point_at_real_pages_and_anchors(built_site: Path) -> None:
    sources: dict[str, list[str]] = {}
    for variant in ("", "zh-Hant/", "zh-HK/", "en/"):  # the demo has zh-HK switched on and its English
        found = index_refs(built_site / variant, ROOT_URL + variant, ROOT_URL)
        files = found[ROOT_URL + variant + FOLDER + "/manifest.json"]
        assert any(name.startswith("chunk-") for name in files) and any(n.startswith("shard-") for n in files)
        manifest = json.loads((built_site / variant / FOLDER / "manifest.json").read_text(encoding="utf-8"))
        assert len(found[ROOT_URL + variant]) == manifest["units"] + 1 + 2 * (variant == "")  # units, the
        # empty Material index, and (one copy for every variant, build_tools/sharedassets.py) the worker's files
        for page, refs in found.items():
            sources.setdefault(page, []).extend(refs)
    assert all(len(refs) >= 10 for url, refs in sources.items() if not url.endswith("manifest.json"))
    assert broken(built_site, ROOT_URL, sources) == []


def test_the_crawler_finds_broken_links(built_site: Path) -> None:
    page = ROOT_URL + f"{SLUG}/"
    refs = ["part-1/#part-1-2", "part-1/#no-such-anchor", "part-9/", "../assets/none.css", "https://other.example/x"]
    assert broken(built_site, ROOT_URL, {page: refs}) == [
        f"{page}: part-1/#no-such-anchor -> no #no-such-anchor in {SLUG}/part-1/index.html",
        f"{page}: part-9/ -> missing {SLUG}/part-9/index.html",
        f"{page}: ../assets/none.css -> missing assets/none.css",
    ]
