"""Script variants: apply a converter to every text of a Report, whole paragraphs at a time.

This module never imports opencc; it receives the conversion as a callable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import islice

from .model import Block, FrontLine, MetaField, Paragraph, Report, Section, Table
from .parse import find_items, grammar, relocate

Convert = Callable[[str], str]


def detect_script(text: str, to_hans: Convert, to_hant: Convert) -> str:
    """zh-Hant when more of the text's characters are Traditional-only than Simplified-only."""
    hant_only, hans_only = _classes(to_hans, to_hant)
    # Exact, and cheap: a text holds few characters of the other script. Count each kind up to a
    # cap; the majority kind reaches it early in the text, the minority is counted to the end.
    cap = 256
    while True:
        hant, hans = _count(hant_only, text, cap), _count(hans_only, text, cap)
        if hant < cap or hans < cap:  # one count is exact and the other at least as large as shown
            return "zh-Hans" if hans >= hant else "zh-Hant"
        cap *= 16  # both kinds are common: count further


@cache
def _classes(to_hans: Convert, to_hant: Convert) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any Traditional-only character, any Simplified-only character) of U+4E00..U+9FFF: those
    that to_hans, or to_hant, changes when converted alone. Two conversions of the whole block,
    one character a line, once a build (instead of a look at each character of each report)."""
    block = [chr(c) for c in range(0x4E00, 0xA000)]
    joined = "\n".join(block)
    as_hans, as_hant = to_hans(joined).split("\n"), to_hant(joined).split("\n")
    hant = "".join(ch for ch, other in zip(block, as_hans, strict=True) if other != ch)
    hans = "".join(ch for ch, other in zip(block, as_hant, strict=True) if other != ch)
    # no escaping: none of these characters is special in a class; (?!) never matches
    return re.compile(f"[{hant}]" if hant else "(?!)"), re.compile(f"[{hans}]" if hans else "(?!)")


def _count(chars: re.Pattern[str], text: str, cap: int) -> int:
    """How many times `chars` match in text, counting no further than `cap`."""
    return sum(1 for _ in islice(chars.finditer(text), cap))


def to_variant(report: Report, lang: str, convert: Convert) -> Report:
    """The same report in another script; ids, numbers and line numbers unchanged."""
    if lang == report.lang:
        return report
    many: Callable[[Sequence[str]], list[str]] | None = getattr(convert, "many", None)
    if many is not None:  # OpenCC: one call for every text, not one a paragraph
        texts = list(dict.fromkeys(variant_texts(report)))
        convert = dict(zip(texts, many(texts), strict=True)).__getitem__  # a text missed fails here, loudly
    return replace(
        report,
        lang=lang,
        title=convert(report.title),
        metadata=tuple(MetaField(convert(f.label), convert(f.value), f.line) for f in report.metadata),
        source=convert(report.source) if report.source else None,
        publisher=convert(report.publisher) if report.publisher else None,
        front=tuple(FrontLine(f.kind, convert(f.text), f.line) for f in report.front),
        preamble=tuple(_block(b, convert) for b in report.preamble),
        sections=tuple(_section(s, convert) for s in report.sections),
    )


def convert_many(convert: Convert, texts: Sequence[str]) -> list[str]:
    """[convert(t) for t in texts]; in one call when the converter offers it (converter.OpenCCConvert)."""
    many: Callable[[Sequence[str]], list[str]] | None = getattr(convert, "many", None)
    return many(texts) if many else [convert(t) for t in texts]


def variant_texts(report: Report) -> Iterator[str]:
    """Every text to_variant converts."""
    yield report.title
    for f in report.metadata:
        yield from (f.label, f.value)
    yield from (t for t in (report.source, report.publisher) if t)
    yield from (f.text for f in report.front)
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
    return Paragraph(
        block.id, text, block.line, find_items(text, block.id, grammar()), notes=relocate(block.notes, text)
    )
