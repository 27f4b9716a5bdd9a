"""The translation units of a report, with their ids, in reading order.

One unit per title, front line (subtitle, speaker …), metadata label and value, source line,
heading, paragraph and table cell; its id is the model's (a section id, a paragraph id,
`<table id>-r<R>c<C>` for a cell, `front-<n>` for the n-th front line), its text
the zh-Hans text exactly as in the document model. The catalogue keys each entry by this id
(msgctxt), so a translation follows its unit, never its position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..labels import section_label
from ..model import Block, Paragraph, Report, Section, Table


@dataclass(frozen=True)
class Unit:
    id: str
    text: str  # zh-Hans, as in the model
    kind: str  # title, front, meta-label, meta-value, source, heading, paragraph, cell
    line: int | None  # in the seed file, when known (the catalogue's reference for translators)


def units(report: Report) -> list[Unit]:
    """Every unit of a zh-Hans report, in reading order."""
    out = [Unit("title", report.title, "title", None)]
    out += [Unit(front_id(n), f.text, "front", f.line) for n, f in enumerate(report.front, 1)]
    for n, field in enumerate(report.metadata, 1):
        out.append(Unit(f"meta-{n}-label", field.label, "meta-label", field.line))
        out.append(Unit(f"meta-{n}", field.value, "meta-value", field.line))
    if report.source:
        out.append(Unit("source", report.source, "source", None))
    out += _blocks(report.preamble)
    for section in report.sections:
        out += _section(section)
    return [u for u in out if u.text.strip()]  # an empty cell has nothing to translate


def _section(s: Section) -> Iterator[Unit]:
    yield Unit(s.id, section_label(s), "heading", s.line)
    yield from _blocks(s.blocks)
    for child in s.children:
        yield from _section(child)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[Unit]:
    for b in blocks:
        if isinstance(b, Paragraph):
            yield Unit(b.id, b.text, "paragraph", b.line)
        elif isinstance(b, Table):
            for r, row in enumerate(b.rows, 1):
                yield from (Unit(cell_id(b, r, c), cell, "cell", b.line) for c, cell in enumerate(row, 1))


def cell_id(table: Table, row: int, column: int) -> str:
    return f"{table.id}-r{row}c{column}"


def front_id(n: int) -> str:
    """The unit id of the n-th (1-based) front line: the model gives front lines no id of their own."""
    return f"front-{n}"
