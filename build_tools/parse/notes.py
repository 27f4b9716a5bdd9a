"""The report's notes: markers in the text (［3］ / [3]) link to the entries of its note list
(注释, 名词解释 … : the sections of kind "notes"), and each entry links back to its first marker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Block, NoteLink, Notice, Paragraph, Section, is_note_entry, section_paragraphs
from .grammar import Grammar

_Page = str  # the id of the top-level section a paragraph is on ("" for the report's index page)


def link_notes(
    preamble: tuple[Block, ...], sections: tuple[Section, ...], g: Grammar, warnings: list[Notice]
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    notes = _entries(sections, g)
    if not notes:
        return preamble, sections
    first: dict[int, tuple[_Page, str]] = {}  # note number -> where its first marker is
    count: dict[int, int] = {}

    def refs(p: Paragraph, page: _Page) -> Paragraph:
        links = []
        for m in g.note_marker.finditer(p.text):
            n = int(m["n"])
            if n not in notes:
                warnings.append(Notice(p.line, f"note marker 「{m[0]}」 has no entry in the note list", _NO_ENTRY))
                continue
            count[n] = count.get(n, 0) + 1
            rid = f"ref-{n}" if count[n] == 1 else f"ref-{n}-{count[n]}"
            first.setdefault(n, (page, rid))
            links.append(NoteLink(m.start(), m[0], rid, notes[n][0], notes[n][1], "ref"))
        return replace(p, notes=tuple(links)) if links else p

    preamble = tuple(_map_block(b, lambda p: refs(p, "")) for b in preamble)
    sections = tuple(s if s.kind == "notes" else _map(s, lambda p, page=s.id: refs(p, page)) for s in sections)

    def back(p: Paragraph) -> Paragraph:
        m = g.note_entry.match(p.text)
        n = _number(m) if m else 0
        if not n or n not in first or notes.get(n, ("", ""))[1] != p.id:
            return p
        page, rid = first[n]
        return replace(p, notes=(NoteLink(m.start("marker"), m["marker"], "", page, rid, "back"),))

    return preamble, tuple(_map(s, back) if s.kind == "notes" else s for s in sections)


_NO_ENTRY = "check the marker's number against the notes at the end of the report"


def _entries(sections: tuple[Section, ...], g: Grammar) -> dict[int, tuple[_Page, str]]:
    """Note number -> (page, paragraph id) of its entry; the first note list's entry wins."""
    found: dict[int, tuple[_Page, str]] = {}
    for s in sections:
        if s.kind != "notes":
            continue
        for p in section_paragraphs(s):
            m = g.note_entry.match(p.text)
            if m and is_note_entry(p.id):
                found.setdefault(_number(m), (s.id, p.id))
    return found


def _number(m: object) -> int:
    groups = [m[k] for k in ("n", "n2", "n3", "n4")]  # type: ignore[index]
    return int(next(v for v in groups if v))


def _map(s: Section, fn: Callable[[Paragraph], Paragraph]) -> Section:
    blocks = tuple(_map_block(b, fn) for b in s.blocks)
    return replace(s, blocks=blocks, children=tuple(_map(c, fn) for c in s.children))


def _map_block(b: Block, fn: Callable[[Paragraph], Paragraph]) -> Block:
    return fn(b) if isinstance(b, Paragraph) else b


def relocate(links: tuple[NoteLink, ...], text: str) -> tuple[NoteLink, ...]:
    """The same links in a converted text: each marker found again in order (the markers' digits
    and brackets do not change, the text before them may change its length)."""
    out, at = [], 0
    for link in links:
        k = text.find(link.marker, at)
        if k < 0:
            return ()  # the conversion changed a marker: no links rather than wrong ones
        out.append(replace(link, offset=k))
        at = k + len(link.marker)
    return tuple(out)
