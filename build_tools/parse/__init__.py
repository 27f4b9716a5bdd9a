"""Report grammar: text in, Report out. Chrome, header, body blocks, numbering, ids."""

from __future__ import annotations

from ..errors import ReportError
from ..model import MetaField, Removal, Report, Settings
from .blocks import segment
from .chrome import find_chrome, find_repeats
from .grammar import grammar
from .header import parse_header
from .structure import build_structure, find_items
from .text import probe

__all__ = ["find_items", "grammar", "parse"]


def parse(text: str, path: str, settings: Settings, source_lang: str = "zh-Hans") -> Report:
    g = grammar()
    lines = text.split("\n")
    if not any(probe(line) for line in lines):
        raise ReportError(path, "the report is empty", "put the report's text in the file", 1)
    removed = find_chrome(lines, g)
    header = parse_header(lines, removed, g)
    title = header.title or settings.title
    if not title:
        first = next(i for i, line in enumerate(lines) if probe(line)) + 1
        raise ReportError(
            path,
            "no title found: the first line reads like body text",
            f"put the title on the first line, or add `title: …` to the settings file {settings.slug}.yml",
            first,
        )
    removed |= find_repeats(lines, removed, g, title, header.body_from)
    raws = segment(lines, header.body_from, set(removed), g)
    if not raws:
        raise ReportError(
            path,
            "no body text after the header",
            "a report needs its text below the title",
            min(header.body_from + 1, len(lines)),
        )
    preamble, sections = build_structure(raws, g)
    return Report(
        slug=settings.slug,
        path=path,
        lang=source_lang,
        source_lang=source_lang,
        title=title,
        metadata=header.metadata,
        date=header.date,
        time=header.time,
        source=header.source,
        publisher=_publisher(header.metadata, g.publisher_labels, header.source),
        removed=tuple(_removals(lines, removed)),
        header_lines=tuple(i + 1 for i in header.lines),
        preamble=preamble,
        sections=sections,
        settings=settings,
    )


def _publisher(metadata: tuple[MetaField, ...], labels: frozenset[str], source: str | None) -> str | None:
    """The publishing body; the source line's fuller name when it contains the label's value
    (区政府办公室 in 镇海区政府办公室)."""
    named = next((f.value for f in metadata if f.label in labels), None)
    if named and source and named in source:
        return source
    return named or source


def _removals(lines: list[str], removed: dict[int, str]) -> list[Removal]:
    return [Removal(i + 1, lines[i], removed[i]) for i in sorted(removed)]
