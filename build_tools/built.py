"""What a build made (the record pipeline.build returns), and what each MkDocs build's hook takes
from it (for_mkdocs, kept in the stamp)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import ReportError
from .model import Report
from .notices import Warned
from .timings import Timings
from .translations.stage import Layer


@dataclass(frozen=True)
class Built:
    reports: dict[str, list[Report]]  # lang -> reports, in home-page order
    files: dict[str, str]  # docs-relative path -> Markdown
    navs: dict[str, list[Any]]  # lang -> MkDocs nav
    changed: tuple[str, ...]
    failed: tuple[ReportError, ...] = ()  # bad reports skipped (only with keep_going)
    open_risky: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # slug -> lang -> review counts
    timings: Timings = field(default_factory=Timings)  # seconds per stage (`convert --timings`)
    english: Layer | None = None  # the reports with a catalogue, in English (translations/stage.py)
    warnings: tuple[Warned, ...] = ()  # where the converter was unsure (notices.py)
    site: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> the site's texts (site.yml)
    feeds: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # lang -> Atom entries (library.py)


def for_mkdocs(built: Built) -> dict[str, Any]:
    """The nav of each variant, the URLs of the zh-HK and English pages, the site's texts and feed
    entries per variant and the errors of the reports left out (keep_going)."""
    site = {"navs": built.navs, "hk_pages": page_urls(built, "zh-HK"), "en_pages": page_urls(built, "en")}
    return {**site, "site": built.site, "feeds": built.feeds, "errors": [str(err) for err in built.failed]}


def page_urls(built: Built, lang: str) -> list[str]:
    """The URLs (as MkDocs' page.url, directory URLs) of a variant's generated pages."""
    urls = []
    for rel in sorted(built.files):
        head, _, page = rel.partition("/")
        if head == lang and page.endswith(".md"):
            stem = page.removesuffix(".md").removesuffix("index")
            urls.append(stem if not stem or stem.endswith("/") else stem + "/")
    return urls
