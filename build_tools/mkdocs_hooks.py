"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation.

No logic here: pipeline.build() does the work; errors become PluginError (no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools import pipeline, webmeta
from build_tools.errors import ReportError
from build_tools.searchsite import Collector

_search = Collector()


@event_priority(100)
def on_config(config: Any) -> Any:
    _search.units.clear()  # `mkdocs serve` rebuilds: start each build afresh
    root = Path(config.config_file_path).resolve().parent
    try:
        built = pipeline.build(root)
    except ReportError as err:
        raise PluginError(str(err)) from None
    variant = config.extra["variant"]
    config.nav = built.navs[variant]
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
    config.extra["hk_pages"] = pipeline.page_urls(built, "zh-HK")
    return config


@event_priority(100)  # before Material's search plugin: the page joins our index, not Material's
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    _search.add(page.content, page.url, str(page.meta.get("title", page.title)), page.meta)
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


def on_post_build(config: Any) -> None:
    _search.write(Path(config.site_dir))  # the chunked search index, site/<variant>/search/index/
