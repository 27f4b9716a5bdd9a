"""What a page tells search engines and citing readers: description, JSON-LD, citation data.

Pure: Report (and the site's words) in, plain values out, for render.py's front matter. Values
are raw text here; render.py escapes what reaches HTML unescaped.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from .labels import section_label
from .model import Paragraph, Report, Section

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_DATE = re.compile(r"(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?")
MAX_DESCRIPTION = 160  # search engines cut snippets well before this; keep the head tag short


def first_sentence(text: str) -> str:
    """The first sentence (up to 。！？), shortened with … when longer than MAX_DESCRIPTION."""
    text = " ".join(text.split())
    sentence = next((s for s in _SENTENCE_END.split(text) if s.strip()), "")
    return sentence if len(sentence) <= MAX_DESCRIPTION else sentence[: MAX_DESCRIPTION - 1] + "…"


def iso_date(date: str | None) -> str | None:
    """2025-3-11 or 2025年3月11日 -> 2025-03-11; None when the date is not a full date."""
    match = _DATE.fullmatch(date or "")
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None


def section_description(report: Report, section: Section) -> str:
    paragraph = _first_paragraph(section)
    return first_sentence(paragraph.text if paragraph else section_label(section))


def index_description(report: Report) -> str:
    paragraph = next((b for b in report.preamble if isinstance(b, Paragraph)), None)
    if paragraph is None:
        paragraph = next((p for s in report.sections if (p := _first_paragraph(s))), None)
    return first_sentence(paragraph.text if paragraph else report.title)


def _first_paragraph(section: Section) -> Paragraph | None:
    for block in section.blocks:
        if isinstance(block, Paragraph):
            return block
    return next((p for child in section.children if (p := _first_paragraph(child))), None)


def identifier(report: Report, ui: dict[str, Any]) -> str | None:
    """The 索引号 (index number of the government information catalogue), when the header has one."""
    return next((f.value for f in report.metadata if f.label.replace(" ", "") == ui["identifier_label"]), None)


def report_jsonld(report: Report, ui: dict[str, Any]) -> dict[str, Any]:
    """schema.org Report: a document a government body publishes about its work. The page's URL is
    added by the template, which alone knows the site's address."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": report.title,
        "headline": report.title,
        "inLanguage": report.lang,
        "description": index_description(report),
    }
    if report.publisher:
        data["publisher"] = {"@type": "GovernmentOrganization", "name": report.publisher}
        data["author"] = data["publisher"]
    if date := iso_date(report.date):
        data["datePublished"] = date
    if number := identifier(report, ui):
        data["identifier"] = {"@type": "PropertyValue", "propertyID": ui["identifier_label"], "value": number}
    if report.settings.source_url:
        data["isBasedOn"] = report.settings.source_url
    return data


def cite_data(report: Report, sections: list[Section]) -> dict[str, Any]:
    """What the citation script needs on a page: the report's facts and the page's section names by
    id (a paragraph `part-1-2-p3` belongs to section `part-1-2`). Its words come from ui.yml `reader`."""
    names: dict[str, str] = {}

    def walk(section: Section) -> None:
        names[section.id] = section_label(section)
        for child in section.children:
            walk(child)

    for section in sections:
        walk(section)
    return {
        "report": report.title,
        "publisher": report.publisher or "",
        "date": iso_date(report.date) or report.date or "",
        "sections": names,
    }


def site_urls(root: str, own_path: str, links: dict[str, str]) -> dict[str, str]:
    """Each variant's site URL. `root` is where the whole site is published (with the repository
    subpath), `own_path` this variant's folder in it, `links` each variant's link relative to this
    one (mkdocs.yml `extra.alternate`). All end in / so assets resolve under the subpath."""
    if not re.fullmatch(r"https?://[^/]+(/.*)?", root):
        raise ValueError(f"SITE_URL must be an absolute http(s) URL, got {root!r}")
    own = urljoin(root.rstrip("/") + "/", own_path)
    return {lang: urljoin(own, link) for lang, link in links.items()}
