"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation.

No logic here: pipeline.mkdocs_site() does the work (a conversion, unless `convert` has just
made docs/ for the same inputs); errors become PluginError (no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools import pipeline, render, webmeta
from build_tools.errors import ReportError


@event_priority(100)  # before the search plugin reads the jieba dictionary this writes
def on_config(config: Any) -> Any:
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
    return config
