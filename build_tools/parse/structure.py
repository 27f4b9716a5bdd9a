"""Nest raw blocks into sections by heading level and give everything its stable ASCII id.

Ids come from the numbering (part-3, part-3-2, part-3-2-p4, part-3-2-p4-i2), so they are the
same in every variant and across rebuilds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Item, Paragraph, Section, Table
from .blocks import RawBlock
from .grammar import Grammar


@dataclass
class _Open:
    """A section being filled; frozen into a Section when done."""

    id: str
    number: str
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def freeze(self) -> Section:
        kids = tuple(child.freeze() for child in self.children)
        return Section(self.id, self.number, self.title, self.level, self.line, tuple(self.blocks), kids)


def build_structure(raws: list[RawBlock], g: Grammar) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    preamble: list[Block] = []
    top: list[_Open] = []
    top_ids: set[str] = set()
    stack: list[_Open] = []
    counts: dict[tuple[str, str], int] = {}  # (owner, table|paragraph) -> blocks so far: no recount per block
    for raw in raws:
        if raw.kind == "heading" and raw.heading is not None:
            h = raw.heading
            while stack and stack[-1].level >= h.level:
                stack.pop()
            siblings, used = (stack[-1].children, stack[-1].used) if stack else (top, top_ids)
            section = _Open(
                _section_id(stack, h.number, h.value, len(siblings), used), h.number, h.title, h.level, raw.line
            )
            siblings.append(section)
            stack.append(section)
            continue
        owner, blocks = (stack[-1].id, stack[-1].blocks) if stack else ("preamble", preamble)
        kind = "table" if raw.kind == "table" else "paragraph"
        counts[owner, kind] = k = counts.get((owner, kind), 0) + 1
        blocks.append(_block(raw, owner, k, g))
    return tuple(preamble), tuple(s.freeze() for s in top)


def _section_id(stack: list[_Open], number: str, value: int, position: int, used: set[str]) -> str:
    if stack:
        base = f"{stack[-1].id}-{value or position + 1}"
    elif number:
        base = f"part-{value}"
    else:
        base = f"appendix-{sum(1 for u in used if u.startswith('appendix-')) + 1}"
    unique, n = base, 1
    while unique in used:  # a repeated or skipped number must not repeat an id
        n += 1
        unique = f"{base}-{n}"
    used.add(unique)
    return unique


def _block(raw: RawBlock, owner: str, k: int, g: Grammar) -> Block:
    """The owner's k-th table or k-th paragraph."""
    if raw.kind == "table":
        return Table(f"{owner}-t{k}", raw.rows, raw.line)
    pid = f"{owner}-p{k}"
    return Paragraph(pid, raw.text, raw.line, find_items(raw.text, pid, g))


def find_items(text: str, pid: str, g: Grammar) -> tuple[Item, ...]:
    """The inline enumerations (一是 …) of a paragraph, with ids under the paragraph's id."""
    if g.inline_item_needs and not g.inline_item_needs.search(text):
        return ()
    matches = list(g.inline_item.finditer(text))
    return tuple(Item(f"{pid}-i{k}", m["marker"], m.start("marker")) for k, m in enumerate(matches, 1))
