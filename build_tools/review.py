"""The review list: every one-to-many character OpenCC had to choose for, and who decided.

For each converted text, each occurrence of a character with more than one candidate in
OpenCC's character table becomes an Item: where it is, its context, the form chosen, the
alternatives, and its status: decided by a dictionary entry or a lock, accepted by an editor,
or open. Pure: reports, table and phrases in, items out; formatting for people at the end.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from json.encoder import encode_basestring

from . import risk
from .model import Block, Phrase, Report, Section, Table
from .risk import Reading

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
    how: str = ""  # how OpenCC decided: "default of 发", or "STPhrases 编制 → 編制 | 編製" (risk.Risk.how)
    reasons: tuple[str, ...] = ()  # the review rules that apply (data/review_rules.yml), most urgent first
    risky: bool = False  # a rule marked risky applies: shown first until decided
    word: str = ""  # the source word in its context: what an editor accepts or corrects
    word_form: str = ""  # that word as converted
    other: str = ""  # that word as the other reading writes it


# (src, out) of each text that holds a one-to-many character -> how each was read (reading.py)
Read = Callable[[Sequence[tuple[str, str]]], Sequence[Reading]]


def review(
    source: Report,
    variant: Report,
    table: dict[str, tuple[str, ...]],
    decided: dict[str, Phrase],
    accepted: tuple[Phrase, ...],
    read: Read | None = None,
) -> list[Item]:
    """Every one-to-many character of the source's texts, with its status; with `read`, also how
    OpenCC decided it and the risk (an acceptance then holds only on word boundaries)."""
    ambiguous = {ch: c for ch, c in table.items() if len(c) > 1}
    entries, accepts = _longest_first(decided.values()), _longest_first(accepted)  # sorted once, not once a text
    found = [
        (place, line, src, out)
        for (place, line, src), (_, _, out) in zip(texts(source), texts(variant), strict=True)
        if any(ch in ambiguous for ch in src)
    ]
    readings: dict[int, Reading] = {}
    if read:  # every text at once: the second reading converts the words of them all in one OpenCC call
        readable = [k for k, (_, _, src, out) in enumerate(found) if len(src) == len(out)]
        readings = dict(zip(readable, read([found[k][2:] for k in readable]), strict=True))
    items: list[Item] = []
    for k, (place, line, src, out) in enumerate(found):
        items += _review_text(place, line, src, out, ambiguous, entries, accepts, readings.get(k))
    return items


def _longest_first(phrases: Iterable[Phrase]) -> list[Phrase]:
    return sorted(phrases, key=lambda p: -len(p.phrase))


def texts(report: Report) -> list[tuple[str, int, str]]:
    """Every converted text of a report, in reading order: (place, line, text)."""
    out = [("title", report.title_lines[0] if report.title_lines else 1, report.title)]
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
    reading: Reading | None,
) -> list[Item]:
    """`decided` and `accepted` longest first."""
    aligned = len(src) == len(out)  # always so with s2tw/s2hk/tw2s; if not, say so instead of guessing
    on_words = reading.fits if reading else None
    entries = _covers(src, decided)  # an entry outranks an acceptance
    accepts = _covers(src, accepted, out, on_words)
    claims = _covers(src, accepted, None, on_words) if reading else {}
    rules = risk.rules()
    items = []
    for i in (i for i, ch in enumerate(src) if ch in ambiguous):
        form = out[i] if aligned else "?"
        phrase, start = entries.get(i) or accepts.get(i) or (None, 0)
        status, by = "open", ""
        against = None
        if phrase:
            status = phrase.kind
            by = f"{phrase.phrase} -> {phrase.form} ({phrase.origin})"
            if out[start : start + len(phrase.form)] != phrase.form:
                status, by = "open", f"NOT APPLIED: {by}"
                against = phrase if phrase.form[i - start] != form else None
        elif i in claims and claims[i][0].form[i - claims[i][1]] != form:
            against, start = claims[i]
            by = f"NOT APPLIED: {against.phrase} -> {against.form} ({against.origin})"
        context = src[max(0, i - CONTEXT) : i] + f"【{src[i]}】" + src[i + 1 : i + 1 + CONTEXT]
        converted = out[max(0, i - CONTEXT) : i] + f"【{form}】" + out[i + 1 : i + 1 + CONTEXT] if aligned else out
        alternatives = tuple(c for c in ambiguous[src[i]] if c != form)
        fields: tuple = (place, line, i, src[i], form, alternatives, context, converted, status, by)
        if reading:
            r = risk.assess(reading, i, ambiguous[src[i]], alternatives, against, start, rules)
            fields += (r.how, r.reasons, r.risky, src[slice(*r.word)], out[slice(*r.word)], r.other)
        item = Item(*fields)
        items.append(item)
    return items


def _covers(
    src: str, phrases: list[Phrase], out: str | None = None, on_words: Callable[[int, int], bool] | None = None
) -> dict[int, tuple[Phrase, int]]:
    """Offset -> (phrase, start) for every occurrence of a phrase in src; longer phrases (first in
    `phrases`) win. Accepted phrases (out given) cover only where the text came out exactly as
    accepted, and (on_words given) only where they cross no word boundary halfway."""
    found: dict[int, tuple[Phrase, int]] = {}
    chars = set(src)
    for p in phrases:
        if p.phrase[0] not in chars:  # most phrases: no find over the text (hundreds of accepted words)
            continue
        start = src.find(p.phrase)
        while start >= 0:
            end = start + len(p.phrase)
            if (out is None or out[start:end] == p.form) and (on_words is None or on_words(start, end)):
                for i in range(start, end):
                    found.setdefault(i, (p, start))
            start = src.find(p.phrase, start + 1)
    return found


def summary(items: list[Item]) -> dict[str, int]:
    """How many choices each status has; `risky` of the open ones a rule flags, `to_check` the words
    (in context) they make: what an editor has left to read."""
    counts = {"occurrences": len(items), "entry": 0, "lock": 0, "accepted": 0, "open": 0, "risky": 0}
    for item in items:
        counts[item.status] += 1
    counts["risky"], counts["to_check"] = open_risky(items)
    return counts


def open_risky(items: list[Item]) -> tuple[int, int]:
    """(risky choices still open, the words in context they make): what `make site` prints."""
    checks = to_check(items)
    return sum(len(check.places) for check in checks), len(checks)


@dataclass(frozen=True)
class Files:
    """A report's build/review/ files, and per variant open_risky() (kept in the build's cache)."""

    files: dict[str, str]
    open_risky: dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Check:
    """One word in context to check: the open risky items that share it, its forms and its reason."""

    word: str
    word_form: str
    other: str
    reason: str
    how: str
    first: Item
    places: tuple[Item, ...]


def to_check(items: list[Item]) -> list[Check]:
    """The open risky items, one Check per word in context and form, most urgent reason first, then
    in reading order. Accepting or correcting the word settles them all."""
    groups: dict[tuple[str, str, str, str], list[Item]] = {}
    for item in items:
        if item.status == "open" and item.risky:
            groups.setdefault((item.word, item.word_form, item.other, item.reasons[0]), []).append(item)
    order = risk.rules().order
    checks = [Check(*key, found[0].how, found[0], tuple(found)) for key, found in groups.items()]
    return sorted(checks, key=lambda c: order.index(c.reason))  # stable: reading order within a reason


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
