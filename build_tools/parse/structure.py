"""Nest raw blocks into sections by heading rank and give everything its stable ASCII id.

The body's parts come first (part-3, part-3-2, part-3-2-p4, part-3-2-p4-i2); each attachment is a
top-level section of its own (annex-1) whose numbering starts again (annex-1-part-2), never merged
with the body's; a note list is one too (notes, or annex-2 when it is 附件2), its entries note-1 ….
A regulation's articles are numbered paragraphs: article-10, its items article-10-p2.
Ids come from the numbering, so they are the same in every variant and across rebuilds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Block, Item, Notice, Paragraph, Section, Table
from .blocks import Annex, RawBlock
from .grammar import Grammar
from .headings import HeadingMatch


@dataclass
class _Open:
    """A section being filled; frozen into a Section when done."""

    id: str
    number: str
    title: str
    level: int  # depth in its container: 1 for a part of the body or of an attachment
    line: int
    rank: int = 0
    family: str = ""
    value: int = 0
    kind: str = "part"
    blocks: list[Block] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def freeze(self) -> Section:
        kids = tuple(child.freeze() for child in self.children)
        return Section(self.id, self.number, self.title, self.level, self.line, tuple(self.blocks), kids, self.kind)


@dataclass
class _Container:
    """The body (prefix "part", preamble) or an attachment (its section holds what has no heading)."""

    prefix: str  # part | annex-1-part
    owner: _Open | None  # None: the body
    top: list[_Open] = field(default_factory=list)
    top_ids: set[str] = field(default_factory=set)
    stack: list[_Open] = field(default_factory=list)
    notes: bool = False


@dataclass
class _Ids:
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (owner, table|paragraph) -> so far
    used: set[str] = field(default_factory=set)  # every id given, for the ones made outside a parent
    article: str = ""  # the open article's id: its items are its paragraphs


def build_structure(
    raws: list[RawBlock], g: Grammar, warnings: list[Notice] | None = None
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    preamble: list[Block] = []
    body = _Container("part", None)
    containers = [body]
    ids = _Ids()
    for raw in raws:
        box = containers[-1]
        if raw.kind == "annex" and raw.annex is not None:
            containers.append(_annex(raw, raw.annex, ids))
            ids.article = ""
            continue
        if raw.kind == "heading" and raw.heading is not None:
            if _in_sequence(box, raw.heading, g):
                _heading(box, raw, raw.heading, ids, warnings)
                ids.article = ""
                continue
            raw = RawBlock("paragraph", raw.line, raw.text)  # 12月份… after 03: not the 12th heading
        owner, blocks = _owner(box, preamble)
        blocks.append(_block(raw, owner, ids, g, box.notes))
    top = [s.freeze() for s in body.top]
    for box in containers[1:]:
        assert box.owner is not None
        box.owner.children = box.top
        top.append(box.owner.freeze())
    return tuple(preamble), tuple(top)


def _annex(raw: RawBlock, annex: Annex, ids: _Ids) -> _Container:
    """A new container for an attachment or a note list."""
    if annex.kind == "notes" and not annex.label:
        base = "notes"
    else:
        base = f"annex-{annex.value or 1}"
    unique, n = base, 1
    while unique in ids.used:
        n += 1
        unique = f"annex-{n}" if base.startswith("annex-") else f"{base}-{n}"
    ids.used.add(unique)
    owner = _Open(unique, annex.label, annex.title, 0, raw.line, kind=annex.kind)
    return _Container(f"{unique}-part", owner, notes=annex.kind == "notes")


def _in_sequence(box: _Container, h: HeadingMatch, g: Grammar) -> bool:
    """For a sequential family: the first of its siblings, or the one after the last of them."""
    family = next((f for f in g.families if f.id == h.family), None)
    if family is None or not family.sequential:
        return True
    stack = [s for s in box.stack if s.rank < h.level]
    siblings = stack[-1].children if stack else box.top
    same = [s.value for s in siblings if s.family == h.family]
    return h.value == (same[-1] + 1 if same else 1)


def _heading(box: _Container, raw: RawBlock, h: HeadingMatch, ids: _Ids, warnings: list[Notice] | None) -> None:
    if h.family == "group":  # 一是 heading a group: a level below the heading it stands under
        while box.stack and box.stack[-1].family == "group":
            box.stack.pop()
        h = replace(h, level=(box.stack[-1].rank if box.stack else 0) + 5)
    while box.stack and box.stack[-1].rank >= h.level:
        box.stack.pop()
    parent = box.stack[-1] if box.stack else None
    siblings, used = (parent.children, parent.used) if parent else (box.top, box.top_ids)
    sid = _section_id(parent, box.prefix, h.value, len(siblings), used)
    section = _Open(sid, h.number, h.title, len(box.stack) + 1, raw.line, h.level, h.family, h.value)
    if warnings is not None and parent is not None:
        _check_skip(parent, section, warnings)
    siblings.append(section)
    box.stack.append(section)


def _check_skip(parent: _Open, child: _Open, warnings: list[Notice]) -> None:
    """一、 then 1. (no （一） between): a level skipped, within one family chain (gbt-1 … gbt-4)."""
    p_chain, _, p_level = parent.family.rpartition("-")
    c_chain, _, c_level = child.family.rpartition("-")
    if p_chain and p_chain == c_chain and p_level.isdigit() and c_level.isdigit() and int(c_level) - int(p_level) > 1:
        warnings.append(
            Notice(
                child.line,
                f"heading 「{child.number.strip()}」 under 「{parent.number.strip()}」 skips a level",
                "check the numbering of the source; the heading is kept one level below its parent",
            )
        )


def _section_id(parent: _Open | None, prefix: str, value: int, position: int, used: set[str]) -> str:
    base = f"{parent.id}-{value or position + 1}" if parent else f"{prefix}-{value or position + 1}"
    return _unique(base, used)  # a repeated or skipped number must not repeat an id


def _owner(box: _Container, preamble: list[Block]) -> tuple[str, list[Block]]:
    if box.stack:
        return box.stack[-1].id, box.stack[-1].blocks
    if box.owner is not None:
        return box.owner.id, box.owner.blocks
    return "preamble", preamble


def _block(raw: RawBlock, owner: str, ids: _Ids, g: Grammar, notes: bool) -> Block:
    """The owner's next table or paragraph: a note (note-3), an article (article-10), an article's
    item (article-10-p2) or the owner's k-th paragraph (part-1-p4)."""
    if raw.kind == "table":
        return Table(f"{owner}-t{_count(ids, owner, 'table')}", raw.rows, raw.line)
    if notes and raw.note:
        pid = f"note-{raw.note}" if f"note-{raw.note}" not in ids.used else f"{owner}-note-{raw.note}"
        pid = _unique(pid, ids.used)
    elif raw.article:
        prefix = "" if owner == "preamble" or owner.startswith("part-") else f"{owner.split('-part-')[0]}-"
        pid = _unique(f"{prefix}article-{raw.article}", ids.used)
        ids.article = pid
        ids.counts[pid, "paragraph"] = 1
    elif ids.article:
        pid = f"{ids.article}-p{_count(ids, ids.article, 'paragraph')}"
    else:
        pid = f"{owner}-p{_count(ids, owner, 'paragraph')}"
    return Paragraph(pid, raw.text, raw.line, find_items(raw.text, pid, g))


def _count(ids: _Ids, owner: str, kind: str) -> int:
    ids.counts[owner, kind] = k = ids.counts.get((owner, kind), 0) + 1
    return k


def _unique(base: str, used: set[str]) -> str:
    """base, else base-2, base-3 …: the first id not yet used (and now used)."""
    unique, n = base, 1
    while unique in used:
        n += 1
        unique = f"{base}-{n}"
    used.add(unique)
    return unique


def find_items(text: str, pid: str, g: Grammar) -> tuple[Item, ...]:
    """The inline enumerations (一是 …) of a paragraph, with ids under the paragraph's id."""
    if g.inline_item_needs and not g.inline_item_needs.search(text):
        return ()
    matches = list(g.inline_item.finditer(text))
    return tuple(Item(f"{pid}-i{k}", m["marker"], m.start("marker")) for k, m in enumerate(matches, 1))
