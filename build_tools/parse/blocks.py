"""Cut the body lines into headings, paragraphs and tables (no ids, no nesting yet)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import Grammar
from .headings import HeadingMatch, match_heading
from .text import join_lines, keep_invisible, probe

_TERMINAL = "。！？；：!?;:…"
_CLOSERS = "”」』）)》"
_CONTINUATION = "，。、；：？！）」』”》,.;:?!)"
_TABLE_ROW = re.compile(r"\S[^\n]*\t[ \t]*[^ \t]")  # a TAB between texts: cells, not indentation or a trailing TAB
_PAIRS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"}


@dataclass(frozen=True)
class RawBlock:
    kind: str  # heading | paragraph | table
    line: int  # 1-based line of its first source line
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    heading: HeadingMatch | None = None


def segment(lines: list[str], start: int, skip: set[int], g: Grammar) -> list[RawBlock]:
    body = range(start, len(lines))
    blank_separated = _blank_separated(lines, body, skip)
    out: list[RawBlock] = []
    para: list[tuple[int, str]] = []
    table: list[tuple[int, str]] = []

    def flush() -> None:
        if para:
            out.append(RawBlock("paragraph", para[0][0] + 1, join_lines([t for _, t in para])))
            para.clear()
        if table:
            rows = tuple(tuple(cell.strip() for cell in t.split("\t")) for _, t in table)
            out.append(RawBlock("table", table[0][0] + 1, rows=rows))
            table.clear()

    for i in body:
        text = probe(lines[i])
        if i in skip or not text:
            if blank_separated or i in skip:
                flush()
            continue
        if "\t" in lines[i] and _TABLE_ROW.search(lines[i]):  # the test first: the search is slow on long lines
            if para:
                flush()
            table.append((i, lines[i]))
            continue
        if table:
            flush()
        heading = _heading(lines[i], text, g)
        if heading:
            flush()
            out.append(RawBlock("heading", i + 1, heading=heading))
            if heading.rest:
                para.append((i, heading.rest))
            continue
        if para and not blank_separated and not _continues(para, text, _next_text(lines, i, skip)):
            flush()
        para.append((i, keep_invisible(lines[i], [text])[0]))
    flush()
    return out


def _heading(line: str, text: str, g: Grammar) -> HeadingMatch | None:
    """The heading on this line, matched without invisible characters, which its parts then keep."""
    found = HeadingMatch(1, "", 0, text, "") if text in g.appendix_titles else match_heading(text, g)
    if found is None:
        return None
    number, title, rest = keep_invisible(line, [found.number, found.title, found.rest])
    return HeadingMatch(found.level, number, found.value, title, rest)


def _blank_separated(lines: list[str], body: range, skip: set[int]) -> bool:
    """True when paragraphs are separated by blank lines, so wrapped lines belong together."""
    kept = [bool(probe(lines[i])) for i in body if i not in skip]
    blank, filled = kept.count(False), kept.count(True)
    return filled > 0 and blank * 4 >= filled


def _continues(para: list[tuple[int, str]], text: str, following: str) -> bool:
    """In a file without blank lines: is this line the rest of a broken sentence?"""
    prev = probe("".join(t for _, t in para))
    if _ends_sentence(prev):
        return False
    if text[0] in _CONTINUATION or _unbalanced(prev):
        return True
    return bool(following) and following[0] in _CONTINUATION and len(text) <= 12


def _ends_sentence(text: str) -> bool:
    last = text[-1]
    return last in _TERMINAL or (last in _CLOSERS and len(text) > 1 and text[-2] in _TERMINAL)


def _unbalanced(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _PAIRS.items())


def _next_text(lines: list[str], i: int, skip: set[int]) -> str:
    j = i + 1
    return probe(lines[j]) if j < len(lines) and j not in skip else ""
