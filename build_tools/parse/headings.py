"""Numbered headings of every family in data/numbering.yml, and the numbers they carry."""

from __future__ import annotations

from dataclasses import dataclass

from .grammar import Family, Grammar

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


@dataclass(frozen=True)
class HeadingMatch:
    level: int  # the family's rank: a heading nests under the nearest open one of lower rank
    number: str  # as printed: 一、 / (一) / 1. / （1） / 第一章 / 1.2
    value: int
    title: str
    rest: str  # text after a run-in heading, the section's first paragraph
    family: str = ""


def match_heading(text: str, g: Grammar, active: frozenset[str] | None = None) -> HeadingMatch | None:
    """The heading on this line, or None when the line is not a heading. `active`: the families
    with a `needs` condition that this document meets (None: only families without one)."""
    if not g.any_heading.match(text):  # most lines: no family's number starts them
        return None
    for family in g.families:
        if family.needs is not None and (active is None or family.id not in active):
            continue
        m = family.pattern.match(text)
        if not m:
            continue
        # the first family whose number starts the line decides: numbered but a sentence (1.5亿元…)
        # is a paragraph, not another family's heading
        return _heading(text, m.end(), m["number"], m["n"], family, g)
    return None


def _heading(text: str, end: int, number: str, n: str, family: Family, g: Grammar) -> HeadingMatch | None:
    after = text[end:].strip()
    if after[-1:] in g.item_ends:
        return None  # an item of a list (（一）未按规定履行职责的；)
    split = _split_title(after, g)
    if split is None or (family.run_in and not split[1]):
        return None
    title, rest = split
    printed = number if number[-1:] in "、.．)）" or not after or not text[end - 1 : end].isspace() else number + " "
    return HeadingMatch(family.rank, printed, numeral_value(n), title, rest, family.id)


def is_heading(text: str, g: Grammar) -> bool:
    return match_heading(text, g) is not None


def active_families(texts: list[str], g: Grammar) -> frozenset[str]:
    """The families whose `needs` some line of the document meets."""
    return frozenset(
        f.id for f in g.families if f.needs is not None and any(f.needs.match(text) for text in texts if text)
    )


def _split_title(after: str, g: Grammar) -> tuple[str, str] | None:
    """(title, rest) of a heading line's text, or None when it reads as a paragraph."""
    if not after:
        return None
    # the first run-in end before the last character (str.find, not a loop over a long line)
    cuts = [k for k in (after.find(end, 0, len(after) - 1) for end in g.run_in_ends) if k >= 0]
    title, rest = (after, "") if not cuts else (after[: min(cuts) + 1], after[min(cuts) + 1 :])
    if len(title) > g.max_title or any(end in title[:-1] for end in g.sentence_ends):
        return None
    return title, rest


def numeral_value(n: str) -> int:
    """12 for 12 or 十二; 105 for 一百零五."""
    if n.isdigit():
        return int(n)
    total, digit = 0, 0
    for ch in n:
        if ch in _UNITS:
            total += (digit or 1) * _UNITS[ch]
            digit = 0
        else:
            digit = _DIGITS.get(ch, 0)
    return total + digit
