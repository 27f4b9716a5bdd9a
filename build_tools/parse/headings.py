"""Numbered headings of GB/T 9704 and the numbers they carry."""

from __future__ import annotations

from dataclasses import dataclass

from .grammar import Grammar

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


@dataclass(frozen=True)
class HeadingMatch:
    level: int
    number: str  # as printed: 一、 / (一) / 1. / （1）
    value: int
    title: str
    rest: str  # text after a run-in heading, the section's first paragraph


def match_heading(text: str, g: Grammar) -> HeadingMatch | None:
    """The heading on this line, or None when the line is not a heading."""
    for level in g.levels:
        m = level.pattern.match(text)
        if not m:
            continue
        split = _split_title(text[m.end() :].strip(), g)
        if split is None:
            return None
        title, rest = split
        return HeadingMatch(level.level, m["number"], numeral_value(m["n"]), title, rest)
    return None


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
