"""`mkdocs serve` (`make serve`): a preview that keeps going. A bad report is left out and its
error shown at the top of every page; an error that stops the whole build (a broken glossary or
site.yml) gives a site of one page that shows it, until the file is fixed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import render
from .errors import ReportError
from .pages import ui
from .pipeline import mkdocs_site
from .render import ALL_SITES
from .sitefiles import write_tree


def serve_site(root: Path) -> dict[str, Any]:
    """As pipeline.mkdocs_site, with the errors of the reports left out under `errors`."""
    try:
        return mkdocs_site(root, keep_going=True)
    except ReportError as err:
        files = {f"{lang}/index.md": render.error_page([str(err)], ui(lang)) for lang in ALL_SITES}
        write_tree(root / "docs", files)
        navs = {lang: [{render.nav_title(ui(lang)["build_error"]): "index.md"}] for lang in ALL_SITES}
        empty = {"hk_pages": [""], "en_pages": [""], "site": {}, "feeds": {}, "errors": []}
        return {"navs": navs, **empty}  # the page itself shows the error
