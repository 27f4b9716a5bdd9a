"""Script variants: apply a converter to every text of a Report, whole paragraphs at a time.

This module never imports opencc; it receives the conversion as a callable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from .model import Block, MetaField, Paragraph, Report, Section, Table
from .parse import find_items, grammar

Convert = Callable[[str], str]


def detect_script(text: str, to_hans: Convert, to_hant: Convert) -> str:
    """zh-Hant when more of the text's characters are Traditional-only than Simplified-only."""
    counts = Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    chars = list(counts)
    if not chars:
        return "zh-Hans"
    # one conversion call each way over the distinct characters, one a line (not one call a character)
    as_hans, as_hant = to_hans("\n".join(chars)).split("\n"), to_hant("\n".join(chars)).split("\n")
    hant_only = sum(counts[ch] for ch, other in zip(chars, as_hans, strict=True) if other != ch)
    hans_only = sum(counts[ch] for ch, other in zip(chars, as_hant, strict=True) if other != ch)
    return "zh-Hant" if hant_only > hans_only else "zh-Hans"


def to_variant(report: Report, lang: str, convert: Convert) -> Report:
    """The same report in another script; ids, numbers and line numbers unchanged."""
    if lang == report.lang:
        return report
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
