"""Every internal link, asset and #anchor of the built site resolves: the pages of every variant,
the sitemaps and the search indexes (the manifest names its shards and chunks, the chunks the
pages and sections a result leads to)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from ..foldmap import TARGET as FOLD_MAP
from ..searchindex import FOLDER
from .base import Context, Result
from .pages import parse

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
OTHER_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def check(ctx: Context) -> Result:
    sources = page_refs(ctx.site, ctx.url)
    pages = len(sources)
    unreadable = []
    for lang, folder in ctx.folders.items():
        try:
            sources.update(index_refs(folder, ctx.variant_url(lang), ctx.url))
        except (OSError, ValueError, ET.ParseError) as err:  # ValueError: JSON
            unreadable.append(f"{folder.relative_to(ctx.root)}: sitemap or search index unreadable: {err}")
    count = sum(len(refs) for refs in sources.values())
    problems = unreadable + broken(ctx.site, ctx.url, sources)
    if problems:
        return Result("fail", f"{len(problems)} broken of {count:,} links", tuple(problems))
    return Result("ok", f"{count:,} links, assets and anchors on {pages} pages, sitemaps and search indexes")


def page_refs(site: Path, url: str) -> dict[str, list[str]]:
    """Page URL -> the references on it, for every HTML file of the site (every variant)."""
    sources = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        sources[url + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)] = parse(page).refs
    return sources


def index_refs(folder: Path, base: str, site_url: str) -> dict[str, list[str]]:
    """The sitemap's pages and alternates, and what the search index of one variant points at
    (its worker and fold map are the zh-Hans site's, at site_url, when the variants share its
    assets: build_tools/sharedassets.py)."""
    tree = ET.parse(folder / "sitemap.xml").getroot()
    refs = [u.findtext("s:loc", "", SITEMAP) for u in tree.findall("s:url", SITEMAP)]
    refs += [x.get("href", "") for x in tree.iter(f"{{{SITEMAP['x']}}}link")]
    sources = {base + "sitemap.xml": refs}
    manifest = json.loads((folder / FOLDER / "manifest.json").read_text(encoding="utf-8"))
    files = [f"shard-{i}.json" for i in range(manifest["shards"])]
    files += [f"chunk-{i}.json" for i in range(len(manifest["chunks"]))]
    sources[base + FOLDER + "/manifest.json"] = files
    rows = []
    for name in files:
        if name.startswith("chunk-"):
            rows += [row[0] for row in json.loads((folder / FOLDER / name).read_text(encoding="utf-8"))["rows"]]
    sources[base] = [*rows, "search/search_index.json"]
    worker = ["assets/javascripts/workers/search.js", FOLD_MAP]
    assets = base if (folder / worker[0]).is_file() else site_url
    sources.setdefault(assets, []).extend(worker)
    return sources


def broken(site: Path, url: str, sources: dict[str, list[str]]) -> list[str]:
    """sources: page URL -> references found on it; returns those that do not resolve in `site`,
    the site published at `url`. Links to other sites are not followed."""
    problems = []
    for page, refs in sources.items():
        for ref in refs:
            if ref.startswith(OTHER_SCHEMES):
                continue
            target_url, fragment = urldefrag(urljoin(page, ref))
            target = _local(target_url.split("?", 1)[0], site, url)
            if target is None:
                continue  # another site (a report's source page)
            if not target.is_file():
                problems.append(f"{page}: {ref} -> missing {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                problems.append(f"{page}: {ref} -> no #{fragment} in {target.relative_to(site)}")
    return problems


def _local(target: str, site: Path, url: str) -> Path | None:
    """The file an URL of this site points to, or None for other sites."""
    if not target.startswith(url):
        return None
    path = unquote(urlsplit(target).path.removeprefix(urlsplit(url).path))
    found = site / path
    return found / "index.html" if path == "" or path.endswith("/") else found
