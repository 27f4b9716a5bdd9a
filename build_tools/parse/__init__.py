"""Report grammar: text in, Report out. Chrome, lead (title, front matter, metadata), body
blocks, numbering, attachments, notes, ids; and the warnings where the parse was unsure."""

from __future__ import annotations

from ..errors import ReportError
from ..model import FrontLine, MetaField, Notice, Removal, Report, Settings
from .blocks import segment
from .chrome import find_chrome, find_repeats
from .grammar import Grammar, grammar
from .header import iso_date
from .lead import find_lead
from .notes import link_notes, relocate
from .structure import build_structure, find_items
from .text import probe, squash

__all__ = ["find_items", "grammar", "parse", "relocate"]


def parse(text: str, path: str, settings: Settings, source_lang: str = "zh-Hans") -> Report:
    g = grammar()
    lines = text.split("\n")
    if not any(probe(line) for line in lines):
        raise ReportError(path, "the report is empty", "put the report's text in the file", 1)
    _check_body_from(path, settings, len(lines))
    removed = find_chrome(lines, g)
    lead = find_lead(lines, removed, g, settings)
    removed |= lead.removed
    title = lead.title
    if not title:
        first = next(i for i, line in enumerate(lines) if probe(line)) + 1
        raise ReportError(
            path,
            "no title found: the first line reads like body text",
            f"put the title on the first line, or add `title: …` to the report's settings file"
            f" ({settings.slug or 'NAME'}.yml beside the .txt)",
            first,
        )
    removed |= find_repeats(lines, removed, g, title, lead.body_from)
    header = set(lead.header)
    front_lines = set(lead.front_lines)
    m = g.issues.fullmatch(squash(title))
    raws = segment(lines, lead.body_from, set(removed) | header | front_lines, g, m["doc"] if m else None)
    if not raws:
        raise ReportError(
            path,
            "no body text after the header",
            "a report needs its text below the title",
            min(lead.body_from + 1, len(lines)),
        )
    warnings = list(lead.warnings)
    preamble, sections = build_structure(raws, g, warnings)
    preamble, sections = link_notes(preamble, sections, g, warnings)
    if not sections and len(raws) > 3 and not any(r.article for r in raws):
        warnings.append(Notice(lead.body_from + 1, "no numbered heading found: the report is one page", _NO_HEADING))
    source = settings.source or lead.source
    return Report(
        slug=settings.slug,
        path=path,
        lang=source_lang,
        source_lang=source_lang,
        title=title,
        metadata=lead.metadata,
        date=settings.date or lead.date or _signed(lead.metadata, g),
        time=lead.time if not settings.date and lead.date else None,
        source=source,
        publisher=settings.publisher or _publisher(lead.metadata, g.publisher_labels, source, lead.front),
        removed=tuple(_removals(lines, removed)),
        header_lines=tuple(i + 1 for i in sorted(header)),
        preamble=preamble,
        sections=sections,
        settings=settings,
        front=lead.front,
        title_lines=tuple(i + 1 for i in lead.title_lines),
        warnings=tuple(warnings),
    )


_NO_HEADING = "if the report has headings, check their numbering (numbering.yml lists the families read)"


def _check_body_from(path: str, settings: Settings, count: int) -> None:
    if settings.body_from is not None and not 1 <= settings.body_from <= count:
        raise ReportError(
            path.rsplit(".", 1)[0] + ".yml",
            f"body_from: {settings.body_from} is not a line of the report (1–{count})",
            "give the number of the report's first body line",
        )


def _signed(metadata: tuple[MetaField, ...], g: Grammar) -> str | None:
    """The date a document was signed (成文日期 …), in ISO form, for a page that gives no date."""
    for label in g.signed_date_labels:
        for f in metadata:
            m = g.date_value.fullmatch(f.value.strip()) if f.label == label else None
            if m:
                return iso_date(m["date"])
    return None


def _publisher(
    metadata: tuple[MetaField, ...], labels: frozenset[str], source: str | None, front: tuple[FrontLine, ...]
) -> str | None:
    """The publishing body; the source line's fuller name when it contains the label's value
    (区政府办公室 in 镇海区政府办公室); without either, the body that signs under the title
    (某某市统计局 under a statistics bulletin's title)."""
    named = next((f.value for f in metadata if f.label in labels), None)
    if named and source and named in source:
        return source
    return named or source or next((f.text for f in front if f.kind == "issuer"), None)


def _removals(lines: list[str], removed: dict[int, str]) -> list[Removal]:
    return [Removal(i + 1, lines[i], removed[i]) for i in sorted(removed)]
