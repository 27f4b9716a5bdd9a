"""The review list: every one-to-many character OpenCC had to choose for, and who decided.

For each converted text, each occurrence of a character with more than one candidate in
OpenCC's character table becomes an Item: where it is, its context, the form chosen, the
alternatives, and its status: decided by a dictionary entry or a lock, accepted by an editor,
or open. Pure: reports, table and phrases in, items out; formatting for people at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from json.encoder import encode_basestring

from .model import Block, Phrase, Report, Section, Table

CONTEXT = 6  # characters shown either side


@dataclass(frozen=True)
class Item:
    place: str  # paragraph id, or title / meta-N / TABLE-rNcN
    line: int
    offset: int
    char: str
    form: str
    alternatives: tuple[str, ...]
    context: str  # source text around the character, the character in 【】
    converted: str  # the same stretch after conversion
    status: str  # "entry", "lock", "accepted" or "open"
    by: str  # the deciding phrase and where it is written ("" when open)


def review(
    source: Report,
    variant: Report,
    table: dict[str, tuple[str, ...]],
    decided: dict[str, Phrase],
    accepted: tuple[Phrase, ...],
) -> list[Item]:
    ambiguous = {ch: c for ch, c in table.items() if len(c) > 1}
    entries, accepts = _longest_first(decided.values()), _longest_first(accepted)  # sorted once, not once a text
    items: list[Item] = []
    for (place, line, src), (_, _, out) in zip(texts(source), texts(variant), strict=True):
        items += _review_text(place, line, src, out, ambiguous, entries, accepts)
    return items


def _longest_first(phrases: Iterable[Phrase]) -> list[Phrase]:
    return sorted(phrases, key=lambda p: -len(p.phrase))


def texts(report: Report) -> list[tuple[str, int, str]]:
    """Every converted text of a report, in reading order: (place, line, text)."""
    out = [("title", 1, report.title)]
    for n, f in enumerate(report.metadata, 1):
        out += [(f"meta-{n}-label", f.line, f.label), (f"meta-{n}", f.line, f.value)]
    out += [("source", 1, report.source or ""), ("publisher", 1, report.publisher or "")]
    out += [(f"front-{n}", f.line, f.text) for n, f in enumerate(report.front, 1)]
    for block in report.preamble:
        out += _block_texts(block)
    for section in report.sections:
        out += _section_texts(section)
    return out


def _section_texts(s: Section) -> list[tuple[str, int, str]]:
    out = [(s.id, s.line, s.title)]
    for block in s.blocks:
        out += _block_texts(block)
    for child in s.children:
        out += _section_texts(child)
    return out


def _block_texts(block: Block) -> list[tuple[str, int, str]]:
    if isinstance(block, Table):
        return [
            (f"{block.id}-r{r}c{c}", block.line + r - 1, cell)
            for r, row in enumerate(block.rows, 1)
            for c, cell in enumerate(row, 1)
        ]
    return [(block.id, block.line, block.text)]


def _review_text(
    place: str,
    line: int,
    src: str,
    out: str,
    ambiguous: dict[str, tuple[str, ...]],
    decided: list[Phrase],
    accepted: list[Phrase],
) -> list[Item]:
    """`decided` and `accepted` longest first."""
    spots = [i for i, ch in enumerate(src) if ch in ambiguous]
    if not spots:
        return []
    aligned = len(src) == len(out)  # always so with s2tw/s2hk/tw2s; if not, say so instead of guessing
    covers = _covers(src, accepted, out) | _covers(src, decided)  # an entry outranks an acceptance
    items = []
    for i in spots:
        form = out[i] if aligned else "?"
        phrase, start = covers.get(i, (None, 0))
        status, by = "open", ""
        if phrase:
            status = phrase.kind
            by = f"{phrase.phrase} -> {phrase.form} ({phrase.origin})"
            if out[start : start + len(phrase.form)] != phrase.form:
                status, by = "open", f"NOT APPLIED: {by}"
        context = src[max(0, i - CONTEXT) : i] + f"【{src[i]}】" + src[i + 1 : i + 1 + CONTEXT]
        converted = out[max(0, i - CONTEXT) : i] + f"【{form}】" + out[i + 1 : i + 1 + CONTEXT] if aligned else out
        alternatives = tuple(c for c in ambiguous[src[i]] if c != form)
        items.append(Item(place, line, i, src[i], form, alternatives, context, converted, status, by))
    return items


def _covers(src: str, phrases: list[Phrase], out: str | None = None) -> dict[int, tuple[Phrase, int]]:
    """Offset -> (phrase, start) for every occurrence of a phrase in src; longer phrases (first in
    `phrases`) win. Accepted phrases (out given) cover only where the text came out exactly as accepted."""
    found: dict[int, tuple[Phrase, int]] = {}
    for p in phrases:
        start = src.find(p.phrase)
        while start >= 0:
            end = start + len(p.phrase)
            if out is None or out[start:end] == p.form:
                for i in range(start, end):
                    found.setdefault(i, (p, start))
            start = src.find(p.phrase, start + 1)
    return found


def summary(items: list[Item]) -> dict[str, int]:
    counts = {"occurrences": len(items), "entry": 0, "lock": 0, "accepted": 0, "open": 0}
    for item in items:
        counts[item.status] += 1
    return counts


def as_json(slug: str, config: str, lang: str, items: list[Item]) -> str:
    """json.dumps(…, ensure_ascii=False, indent=1) of the list, written out here: with an indent,
    json uses its pure-Python encoder, which took most of a re-convert (tests/test_review.py
    compares the two)."""
    head = {"report": slug, "target": lang, "config": config, "summary": summary(items)}
    lines = ["{"] + [f" {_json(k)}: {_json(v, 1)}," for k, v in head.items()]
    if not items:
        return "\n".join([*lines, ' "items": []', "}"]) + "\n"
    lines.append(' "items": [')
    lines.append(",\n".join(_item_json(i) for i in items))
    return "\n".join([*lines, " ]", "}"]) + "\n"


_FIELDS = tuple(f.name for f in fields(Item))
# one item, as `{"place": …, …}` at nesting level 2: a format string made once from Item's fields
_ITEM = "  {{\n" + ",\n".join(f"   {encode_basestring(name)}: {{}}" for name in _FIELDS) + "\n  }}"


def _item_json(item: Item) -> str:
    return _ITEM.format(*(_json(getattr(item, name), 3) for name in _FIELDS))


def _json(value: object, level: int = 0) -> str:
    """One value as json.dumps(indent=1) writes it at nesting `level`: texts and numbers as json's
    own fast path writes them, tuples and dicts laid out here."""
    if isinstance(value, str):
        return encode_basestring(value)  # what json.dumps(ensure_ascii=False) writes for a text
    if type(value) is int:
        return int.__repr__(value)
    if isinstance(value, tuple | list):
        if not value:
            return "[]"
        inner = " " * (level + 1)
        return "[\n" + ",\n".join(inner + _json(v, level + 1) for v in value) + "\n" + " " * level + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = " " * (level + 1)
        pairs = ",\n".join(f"{inner}{_json(k)}: {_json(v, level + 1)}" for k, v in value.items())
        return "{\n" + pairs + "\n" + " " * level + "}"
    return json.dumps(value, ensure_ascii=False)


def as_text(slug: str, config: str, lang: str, items: list[Item], only_open: bool = False) -> str:
    counts = summary(items)
    lines = [f"# Review list: {slug} -> {lang} ({config})", ""]
    lines += [", ".join(f"{k}: {v}" for k, v in counts.items()), ""]
    lines += [
        "Each row is a character OpenCC had to choose a form for. Accept a right choice in",
        "build_tools/data/accepted.yml (or `accepted:` in the report's settings); correct a wrong one",
        "with an entry in build_tools/data/conversion.yml (or `conversion:` in the settings).",
        "",
        "| status | place | line | source | converted | chosen | alternatives | decided by |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for i in items:
        if only_open and i.status != "open":
            continue
        cells = (
            i.status,
            i.place,
            str(i.line),
            i.context,
            i.converted,
            f"{i.char}→{i.form}",
            " ".join(i.alternatives),
            i.by,
        )
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
