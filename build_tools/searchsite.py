"""Writes a variant's search index (searchindex.py) into its site folder, from the pages MkDocs renders.

The MkDocs hook hands every rendered page here before Material's search plugin sees it, then marks
the page excluded from Material's own index: Material's search_index.json stays tiny (its search box
and its worker protocol are kept; our worker, overrides/assets/javascripts/workers/search.js,
answers from the chunked index instead).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .foldmap import search_fold_map
from .searchindex import FOLDER, Unit, build, page_units, report_facts
from .sitefiles import write_if_changed


def _with_also(unit: Unit, also: dict[str, str]) -> Unit:
    """A unit with the text a page gives its section for search only (front matter `search_also`,
    heading id -> text): an English page's Chinese original, so a Chinese phrase finds it too."""
    anchor = unit.location.partition("#")[2]
    return replace(unit, text=f"{unit.text} {also[anchor]}") if anchor in also else unit


class Collector:
    """The units of one build's pages, by page URL."""

    def __init__(self) -> None:
        self.units: dict[str, list[Unit]] = {}

    def add(self, content: str, url: str, title: str, meta: dict) -> None:
        search = meta.get("search") or {}
        if not search.get("exclude"):
            report = report_facts(meta.get("cite") or {})  # a report's pages: shown under their results
            units = page_units(content, url, title, float(search.get("boost", 1)), report)
            self.units[url] = [_with_also(u, meta.get("search_also") or {}) for u in units]

    def write(self, site_dir: Path) -> None:
        # pages in URL order, not render order: the same site gives the same bytes
        units = [unit for url in sorted(self.units) for unit in self.units[url]]
        files = build(units, search_fold_map())
        folder = site_dir / FOLDER
        if folder.is_dir():  # a smaller index than last build's: no stale shards or chunks
            for old in folder.iterdir():
                if old.name not in files:
                    old.unlink()
        for name, text in files.items():
            write_if_changed(folder / name, text)
