"""How OpenCC decided each character: inside which dictionary phrase, or by the character's default.

OpenCC reads a text leftmost-longest: at each position, the longest phrase of its phrase
dictionaries (and of the project's entries, which converter.py adds to them) that starts there is
one piece, and the text goes on after it; where no phrase starts, the character converts alone,
by the default of its character table. This module repeats that walk over the same shipped
dictionaries (converter.phrase_tables) to say which piece decided each character. It converts
nothing: the converted text always comes from OpenCC, and tests/test_trace.py compares this walk
with OpenCC's own segmentation (`opencc --segmentation`) over the whole corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from .converter import phrase_tables, segmented

PROJECT = "project"  # the source of a piece matched by the project's entries and locks
Entries = dict[str, tuple[str, tuple[str, ...]]]  # phrase -> (source, candidates)
Lengths = dict[str, tuple[int, ...]]
Found = tuple[str, str, tuple[str, ...]]  # (phrase, source, candidates)


@dataclass(frozen=True)
class Piece:
    """text[start:end] == phrase, matched in `source`, which gives it `candidates` (the default first)."""

    start: int
    end: int
    phrase: str
    source: str  # PROJECT or the shipped dictionary's name (STPhrases …)
    candidates: tuple[str, ...]


class Tracer:
    """The pieces OpenCC reads a text in, for one config and one set of project entries.

    With a segmentation (s2tw, s2hk …) the longest phrase of any dictionary wins (OpenCC's "union"
    group; the project's entry on a tie), then the conversion step reads inside that piece with the
    project's entries first ("short_circuit"). Without one (s2t, t2s) that step reads the whole text.
    """

    def __init__(self, shipped: tuple[Entries, Lengths], project: Mapping[str, str], segments: bool) -> None:
        self._shipped, self._lengths = shipped
        self._own = {phrase: (PROJECT, (form,)) for phrase, form in project.items()}
        self._own_lengths = _lengths(self._own)
        self._all = {**self._shipped, **self._own}  # a copy: about 2 ms for OpenCC's 50,000 phrases
        self._all_lengths = {**self._lengths, **_lengths(self._all, self._own_lengths)}
        self._segments = segments

    def segments(self, text: str) -> list[Piece]:
        """OpenCC's segmentation of text: its phrase pieces in order (the characters between them are
        OpenCC's other segments, converted one by one). Without a segmentation step: pieces()."""
        if not self._segments:
            return self._inside(text, 0, len(text))
        out: list[Piece] = []
        table, lengths = self._all, self._all_lengths
        i, end = 0, len(text)
        while i < end:  # the hot loop of the review: _longest written out
            for n in lengths.get(text[i], ()):
                got = table.get(text[i : i + n]) if i + n <= end else None
                if got is not None:
                    out.append(Piece(i, i + n, text[i : i + n], *got))
                    i += n
                    break
            else:
                i += 1
        return out

    def pieces(self, text: str) -> list[Piece]:
        """Every phrase that decided characters of text, in order; a character in none was converted
        by its default. Inside a shipped phrase, the conversion step asks the project's entries first."""
        if not self._segments:
            return self._inside(text, 0, len(text))
        out: list[Piece] = []
        for piece in self.segments(text):
            if piece.source == PROJECT or text[piece.start] not in self._own_lengths:
                out.append(piece)
            else:
                out += self._inside(text, piece.start, piece.end)
        return out

    def _inside(self, text: str, start: int, end: int) -> list[Piece]:
        out = []
        i = start
        while i < end:
            found = self._longest(text, i, end, self._own, self._own_lengths)
            found = found or self._longest(text, i, end, self._shipped, self._lengths)
            if found is None:
                i += 1
                continue
            out.append(Piece(i, i + len(found[0]), *found))
            i += len(found[0])
        return out

    @staticmethod
    def _longest(text: str, i: int, end: int, table: Entries, lengths: Lengths) -> Found | None:
        """(phrase, source, candidates) of the longest phrase of `table` at text[i:], ending by `end`."""
        for n in lengths.get(text[i], ()):
            if i + n <= end:
                got = table.get(text[i : i + n])
                if got is not None:
                    return (text[i : i + n], *got)
        return None


def _lengths(table: Entries, only: Mapping[str, object] | None = None) -> Lengths:
    """First character -> the lengths of the phrases starting with it, longest first (`only`: for the
    first characters in it)."""
    found: dict[str, set[int]] = {}
    for phrase in table:
        if only is None or phrase[0] in only:
            found.setdefault(phrase[0], set()).add(len(phrase))
    return {ch: tuple(sorted(n, reverse=True)) for ch, n in found.items()}


@cache
def _shipped(config: str) -> tuple[Entries, Lengths]:
    """OpenCC's phrase dictionaries of `config` as one table: phrase -> (dictionary, candidates)."""
    entries: Entries = {}
    for name, table in reversed(phrase_tables(config)):  # the first dictionary named wins a tie, as in OpenCC
        entries.update((phrase, (name, forms)) for phrase, forms in table.items())
    return entries, _lengths(entries)


@cache
def tracer(config: str, project: tuple[tuple[str, str], ...]) -> Tracer:
    """The walk of OpenCC's `config` with the project's (phrase, form) pairs (dictionary.pairs)."""
    return Tracer(_shipped(config), dict(project), segmented(config))
