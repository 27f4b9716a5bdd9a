"""A report in English, unit by unit: the zh-Hans report's shape with each unit's text replaced by
its translation (a fuzzy unit by its last translation, to be marked; an untranslated one keeps
its Chinese), and each unit's state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..labels import section_label
from ..model import Block, MetaField, Paragraph, Report, Section, Table
from .catalogue import Entry
from .status import UNTRANSLATED, Status, state, status
from .terms import Miss
from .units import cell_id, front_id, units

LANG = "en"


@dataclass(frozen=True)
class English:
    report: Report  # in English where translated; lang "en"
    original: Report  # the zh-Hans report it translates
    states: dict[str, str]  # unit id -> translated, fuzzy or untranslated
    status: Status
    misses: tuple[Miss, ...]  # unjustified term-check misses
    catalogue: str  # the catalogue's path, as shown to editors
    paragraphs: dict[str, Paragraph]  # the original's, by id (their 一是 anchors)

    def state(self, unit_id: str) -> str:
        return self.states.get(unit_id, UNTRANSLATED)

    def original_paragraph(self, paragraph_id: str) -> Paragraph:
        return self.paragraphs[paragraph_id]


def english(original: Report, entries: dict[str, Entry], misses: list[Miss], shown: str) -> English:
    every = units(original)
    states = {u.id: state(u, entries) for u in every}

    def text(unit_id: str, chinese: str) -> str:
        return entries[unit_id].text if states.get(unit_id, UNTRANSLATED) != UNTRANSLATED else chinese

    metadata = tuple(
        MetaField(text(f"meta-{n}-label", f.label), text(f"meta-{n}", f.value), f.line)
        for n, f in enumerate(original.metadata, 1)
    )
    publisher = _publisher(original, text)

    def block(b: Block) -> Block:
        if isinstance(b, Table):
            rows = tuple(
                tuple(text(cell_id(b, r, c), cell) for c, cell in enumerate(row, 1)) for r, row in enumerate(b.rows, 1)
            )
            return replace(b, rows=rows)
        if states.get(b.id) == UNTRANSLATED:
            return replace(b, terms=())  # the Chinese, with its 一是 marks; no glossary links here
        return Paragraph(b.id, text(b.id, b.text), b.line)  # 一是 offsets are the Chinese text's

    def section(s: Section) -> Section:
        return replace(
            s,
            number="",
            title=text(s.id, section_label(s)),
            blocks=tuple(block(b) for b in s.blocks),
            children=tuple(section(c) for c in s.children),
        )

    report = replace(
        original,
        lang=LANG,
        title=text("title", original.title),
        front=tuple(replace(f, text=text(front_id(n), f.text)) for n, f in enumerate(original.front, 1)),
        metadata=metadata,
        source=text("source", original.source) if original.source else None,
        publisher=publisher,
        preamble=tuple(block(b) for b in original.preamble),
        sections=tuple(section(s) for s in original.sections),
        citations=(),
    )
    return English(report, original, states, status(every, entries), tuple(misses), shown, _paragraphs(original))


def _publisher(original: Report, text: Callable[[str, str], str]) -> str | None:
    """The publisher is the source line or a metadata value: its English is that unit's."""
    if original.publisher is None:
        return None
    if original.publisher == original.source:
        return text("source", original.source)
    for n, f in enumerate(original.metadata, 1):
        if f.value == original.publisher:
            return text(f"meta-{n}", f.value)
    return original.publisher


def _paragraphs(report: Report) -> dict[str, Paragraph]:
    found: dict[str, Paragraph] = {}

    def walk(blocks: tuple[Block, ...], sections: tuple[Section, ...]) -> None:
        found.update((b.id, b) for b in blocks if isinstance(b, Paragraph))
        for s in sections:
            walk(s.blocks, s.children)

    walk(report.preamble, report.sections)
    return found
