"""Script variants: apply a converter to every text of a Report, whole paragraphs at a time.

This module never imports opencc; it receives the conversion as a callable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from .model import Block, MetaField, Paragraph, Report, Section, Table
from .parse import find_items, grammar

Convert = Callable[[str], str]

# (to_hans, to_hant) -> character -> (changes under to_hans, changes under to_hant): every report
# shares most of its characters with the others, so each is converted once per build, not once a report
_CLASSES: dict[tuple[Convert, Convert], dict[str, tuple[bool, bool]]] = {}


def detect_script(text: str, to_hans: Convert, to_hant: Convert) -> str:
    """zh-Hant when more of the text's characters are Traditional-only than Simplified-only."""
    chars = [ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff"]
    if not chars:
        return "zh-Hans"
    known = _CLASSES.setdefault((to_hans, to_hant), {})
    new = sorted(ch for ch in chars if ch not in known)
    if new:  # one conversion call each way over the new characters, one a line (not one call a character)
        joined = "\n".join(new)
        as_hans, as_hant = to_hans(joined).split("\n"), to_hant(joined).split("\n")
        for ch, hans, hant in zip(new, as_hans, as_hant, strict=True):
            known[ch] = (hans != ch, hant != ch)
    hant_chars = [ch for ch in chars if known[ch][0]]  # Traditional-only: to_hans changes them
    hans_chars = [ch for ch in chars if known[ch][1]]
    # Exact, and cheap: count the side with fewer distinct characters (often none, or a few rare
    # ones), then read the other only as far as it takes to reach that count.
    if len(hant_chars) <= len(hans_chars):
        return "zh-Hans" if _at_least(text, hans_chars, _count(text, hant_chars)) else "zh-Hant"
    return "zh-Hant" if _at_least(text, hant_chars, _count(text, hans_chars) + 1) else "zh-Hans"


def _class(chars: list[str]) -> re.Pattern[str]:
    """Any one of `chars`. No escaping: all are in U+4E00..U+9FFF, none special in a class."""
    return re.compile(f"[{''.join(chars)}]")


def _count(text: str, chars: list[str]) -> int:
    """How many times any of `chars` occurs in text: one regex pass, not a count per character."""
    return len(_class(chars).findall(text)) if chars else 0


def _at_least(text: str, chars: list[str], n: int) -> bool:
    """Whether `chars` occur at least n times in text, reading no further than the n-th."""
    if n <= 0:
        return True
    return bool(chars) and next(islice(_class(chars).finditer(text), n - 1, None), None) is not None


def to_variant(report: Report, lang: str, convert: Convert) -> Report:
    """The same report in another script; ids, numbers and line numbers unchanged."""
    if lang == report.lang:
        return report
    texts = list(dict.fromkeys(_texts(report)))
    table = dict(zip(texts, convert_many(convert, texts), strict=True))
    convert = table.__getitem__  # a text _texts missed fails here, loudly
    return replace(
        report,
        lang=lang,
        title=convert(report.title),
        metadata=tuple(MetaField(convert(f.label), convert(f.value), f.line) for f in report.metadata),
        source=convert(report.source) if report.source else None,
        publisher=convert(report.publisher) if report.publisher else None,
        preamble=tuple(_block(b, convert) for b in report.preamble),
        sections=tuple(_section(s, convert) for s in report.sections),
    )


def convert_many(convert: Convert, texts: Sequence[str]) -> list[str]:
    """[convert(t) for t in texts]; in one call when the converter offers it (converter.OpenCCConvert)."""
    many: Callable[[Sequence[str]], list[str]] | None = getattr(convert, "many", None)
    return many(texts) if many else [convert(t) for t in texts]


def _texts(report: Report) -> Iterator[str]:
    """Every text to_variant converts."""
    yield report.title
    for f in report.metadata:
        yield from (f.label, f.value)
    yield from (t for t in (report.source, report.publisher) if t)
    yield from _block_texts(report.preamble)
    stack = list(report.sections)
    while stack:
        s = stack.pop()
        yield s.title
        yield from _block_texts(s.blocks)
        stack.extend(s.children)


def _block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for b in blocks:
        if isinstance(b, Table):
            yield from (cell for row in b.rows for cell in row)
        else:
            yield b.text


def _section(s: Section, convert: Convert) -> Section:
    return replace(
        s,
        title=convert(s.title),
        blocks=tuple(_block(b, convert) for b in s.blocks),
        children=tuple(_section(c, convert) for c in s.children),
    )


def _block(block: Block, convert: Convert) -> Block:
    if isinstance(block, Table):
        return replace(block, rows=tuple(tuple(convert(cell) for cell in row) for row in block.rows))
    text = convert(block.text)
    return Paragraph(block.id, text, block.line, find_items(text, block.id, grammar()))
