"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation and the
site's identity (site.yml: name, description, address, colours, logo).

No logic here: pipeline.mkdocs_site() does the work (a conversion, unless `convert` has just
made docs/ for the same inputs); errors become PluginError (no traceback). Under `mkdocs serve`
a bad report does not stop the preview: the good ones are built and the page shows the errors
(serving.serve_site).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from build_tools import feeds, identity, pages, pipeline, render, serving, sharedassets, sitefiles, webmeta
from build_tools.errors import ReportError
from build_tools.searchsite import Collector

_search = Collector()
_serving = False  # `mkdocs serve` (on_startup): show build errors on the page instead of stopping
LOGO = "assets/site-logo"  # + the file's suffix, in each variant's site


def _keep_going() -> bool:
    """`make site KEEP_GOING=1`: build the good reports, as `convert --keep-going` did just before."""
    return os.environ.get("KEEP_GOING", "") not in ("", "0")


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config: Any) -> Any:
    _search.units.clear()  # `mkdocs serve` rebuilds: start each build afresh
    root = Path(config.config_file_path).resolve().parent
    variant = config.extra["variant"]
    try:
        # the stamp's, when `convert` has just run; under `mkdocs serve`, the good reports and the errors
        site = serving.serve_site(root) if _serving else pipeline.mkdocs_site(root, keep_going=_keep_going())
        address = _identity(config, root, variant, site["site"])
        links = {alt["lang"]: alt["link"] for alt in config.extra["alternate"]}
        urls = webmeta.site_urls(address, config.extra["site_path"], links)
    except (ReportError, ValueError) as err:
        raise PluginError(str(err)) from None
    errors = site.get("errors") if _serving else []  # shown at the top of every page (overrides/main.html)
    words = pages.ui(variant)
    config.extra["build_errors"] = {"title": words["build_error"], "note": words["build_error_note"], "errors": errors}
    config.nav = site["navs"][variant]
    config.extra["nav_page_indexes"] = render.nav_page_indexes(config.nav)  # the sidebar's own pages
    config.site_url = urls[variant]
    config.extra["variant_urls"] = urls  # for hreflang links and the sitemap
    texts = site["site"].get(variant) if site.get("site") else None  # none on the preview's error page
    config.extra["reader"] = identity.fill(words, texts)["reader"] if texts else words["reader"]  # reader.js
    # zh-HK has only the reports that switch it on: links and alternates go only to its pages
    # a set: every page (and the sitemap, for every page) asks whether its URL is in it
    config.extra["hk_pages"] = set(site["hk_pages"])
    # English has only the reports with a catalogue, the same way
    config.extra["partial_pages"] = {"zh-HK": config.extra["hk_pages"], "en": set(site["en_pages"])}
    config.extra["feed_entries"] = site["feeds"].get(variant, [])  # written into feed.xml after the build
    config.extra["feed"] = feeds.FEED
    # the zh-Hant and zh-HK sites load the zh-Hans site's assets (one copy, not three)
    shared = not _serving and sharedassets.can_share(Path(config.site_dir), config.extra["site_path"])
    config.extra["shared_assets"] = sharedassets.up(config.extra["site_path"]) if shared else ""
    return config


@event_priority(100)  # before Material's search plugin: the page joins our index, not Material's
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    _search.add(page.content, page.url, str(page.meta.get("title", page.title)), page.meta)
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


def _identity(config: Any, root: Path, variant: str, words: dict[str, dict[str, str]]) -> str:
    """The site's name and description in this variant, its colours and logo (site.yml); returns
    the site's address."""
    if not words:  # the preview's error page (serving.serve_site): site.yml itself may be wrong
        return identity.LOCAL_ROOT
    # escaped as nav titles are: the templates print both unescaped
    config.site_name = render.nav_title(words[variant]["name"])
    config.site_description = render.nav_title(words[variant]["description"])
    found = identity.load(root)
    if found.colors:
        config.theme["palette"] = {**(config.theme["palette"] or {}), **found.colors}
    if found.logo:
        config.theme["logo"] = LOGO + found.logo.suffix.lower()
        config.extra["logo_file"] = str(found.logo)
    return identity.site_root(root).url


def on_files(files: Any, config: Any) -> Any:
    """The logo (site.yml `logo:`) is copied from the project into each variant's site."""
    if config.extra.get("logo_file"):
        files.append(File.generated(config, config.theme["logo"], abs_src_path=config.extra["logo_file"]))
    return files


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
    own = Path(config.config_file_path).resolve().parent / identity.FILE  # the site's name, colours …
    if own.is_file():
        server.watch(str(own), recursive=False)
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
