"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation.

No logic here: pipeline.mkdocs_site() does the work (a conversion, unless `convert` has just
made docs/ for the same inputs); errors become PluginError (no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools import feeds, pipeline, render, sharedassets, sitefiles, webmeta
from build_tools.errors import ReportError
from build_tools.searchsite import Collector

_search = Collector()
_command: list[str] = []  # "build" or "serve" (on_startup)


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


@event_priority(100)
def on_config(config: Any) -> Any:
    _search.units.clear()  # `mkdocs serve` rebuilds: start each build afresh
    root = Path(config.config_file_path).resolve().parent
    try:
        site = pipeline.mkdocs_site(root)  # the stamp's, when `convert` has just run
    except ReportError as err:
        raise PluginError(str(err)) from None
    variant = config.extra["variant"]
    config.nav = site["navs"][variant]
    config.extra["nav_page_indexes"] = render.nav_page_indexes(config.nav)  # the sidebar's own pages
    # SITE_URL (mkdocs.yml extra.site_root) is where the site is published, e.g. a Pages subpath
    try:
        links = {alt["lang"]: alt["link"] for alt in config.extra["alternate"]}
        urls = webmeta.site_urls(config.extra["site_root"], config.extra["site_path"], links)
    except ValueError as err:
        raise PluginError(str(err)) from None
    config.site_url = urls[variant]
    config.extra["variant_urls"] = urls  # for hreflang links and the sitemap
    config.extra["reader"] = pipeline.ui(variant)["reader"]  # words of reader.js
    # zh-HK has only the reports that switch it on: links and alternates go only to its pages
    # a set: every page (and the sitemap, for every page) asks whether its URL is in it
    config.extra["hk_pages"] = set(site["hk_pages"])
    config.extra["feed_entries"] = site["feeds"].get(variant, [])  # written into feed.xml after the build
    config.extra["feed"] = feeds.FEED
    # the zh-Hant and zh-HK sites load the zh-Hans site's assets (one copy, not three)
    shared = _command == ["build"] and sharedassets.can_share(Path(config.site_dir), config.extra["site_path"])
    config.extra["shared_assets"] = sharedassets.up(config.extra["site_path"]) if shared else ""
    return config


@event_priority(100)  # before Material's search plugin: the page joins our index, not Material's
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    _search.add(page.content, page.url, str(page.meta.get("title", page.title)), page.meta)
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    if not config.extra["shared_assets"]:
        return output
    return sharedassets.rewrite(output, config.extra["site_path"], config.site_url)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The theme's own pages (404.html) link the assets too."""
    if not template_name.endswith(".html"):
        return output_content
    return on_post_page(output_content, None, config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """`mkdocs serve`: the conversion in on_config writes the pages into docs_dir, which MkDocs
    watches, so every seed edit was built twice. Watch only the files there that the converter
    did not write; seeds/ and build_tools/ are watched through mkdocs.yml's `watch:`."""
    docs_dir = Path(config.docs_dir)
    server.unwatch(str(docs_dir))
    for path in sitefiles.unlisted_files(docs_dir.parent, docs_dir):
        server.watch(str(path), recursive=False)
    return server


def on_post_build(config: Any) -> None:
    _search.write(Path(config.site_dir))  # the chunked search index, site/<variant>/search/index/
    feed = feeds.atom(config.extra["feed_entries"], config.site_url, config.site_name, config.extra["variant"])
    sitefiles.write_if_changed(Path(config.site_dir) / feeds.FEED, feed)
    if config.extra["shared_assets"]:
        try:
            sharedassets.remove_copy(Path(config.site_dir), config.extra["site_path"])
        except ReportError as err:
            raise PluginError(str(err)) from None
