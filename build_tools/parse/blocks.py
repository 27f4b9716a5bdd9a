"""Cut the body lines into headings, paragraphs and tables (no ids, no nesting yet)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .grammar import Grammar
from .headings import HeadingMatch, _split_title, active_families, match_heading, numeral_value
from .text import join_lines, keep_invisible, probe, squash

_TERMINAL = "。！？；：!?;:…"
_CLOSERS = "”」』）)》"
_CONTINUATION = "，。、；：？！）」』”》,.;:?!)"
_TABLE_ROW = re.compile(r"\S[^\n]*\t[ \t]*[^ \t]")  # a TAB between texts: cells, not indentation or a trailing TAB
_PAIRS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"}


@dataclass(frozen=True)
class Annex:
    """The start of an attachment: 附件2 名词解释 (label 附件2, value 2, title 名词解释)."""

    kind: str  # annex | notes
    label: str
    value: int
    title: str


@dataclass(frozen=True)
class RawBlock:
    kind: str  # heading | paragraph | table | annex
    line: int  # 1-based line of its first source line
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    heading: HeadingMatch | None = None
    article: int = 0  # a regulation's article (第十条 …): its number; 0 for another paragraph
    annex: Annex | None = None
    note: int = 0  # in a note list: the entry's number


@dataclass
class _Context:
    active: frozenset[str]
    issued: str | None  # the title of the document a cover notice issues
    article: bool = False  # inside a regulation's article: numbered lines are its items
    notes: bool = False  # inside a note list
    last_article: int = 0  # articles count 1, 2, 3 …: 第二十条第（一）项 in a table's caption is none
    numbered_part: bool = False  # a part numbered 一、 (or above) seen in this container
    markers: set[int] = field(default_factory=set)  # note numbers marked in the text so far


def segment(lines: list[str], start: int, skip: set[int], g: Grammar, issued: str | None = None) -> list[RawBlock]:
    body = range(start, len(lines))
    blank_separated = _blank_separated(lines, body, skip)
    ctx = _Context(active_families([probe(lines[i]) for i in body if i not in skip], g), issued)
    out: list[RawBlock] = []
    para: list[tuple[int, str]] = []
    table: list[tuple[int, str]] = []
    marks: dict[str, int] = {}  # the paragraph being collected: its article or note number

    def flush() -> None:
        if para:
            text = join_lines([t for _, t in para])
            out.append(RawBlock("paragraph", para[0][0] + 1, text, **marks))  # type: ignore[arg-type]
            _note_markers(text, g, ctx)
            para.clear()
            marks.clear()
        if table:
            rows = tuple(tuple(cell.strip() for cell in t.split("\t")) for _, t in table)
            out.append(RawBlock("table", table[0][0] + 1, rows=rows))
            table.clear()

    joined: set[int] = set()
    for i in body:
        text = probe(lines[i])
        if i in skip or i in joined or not text:
            if blank_separated or i in skip:
                flush()
            continue
        line = lines[i]
        if text in _OPENERS and i + 1 < len(lines) and probe(lines[i + 1]) and i + 1 not in skip:
            joined.add(i + 1)  # a heading's opening bracket left on a line of its own: （ / 三）…
            line, text = line.rstrip() + lines[i + 1].strip(), text + probe(lines[i + 1])
        if "\t" in line and _TABLE_ROW.search(line):  # the test first: the search is slow on long lines
            if para:
                flush()
            table.append((i, line))
            continue
        if table:
            flush()
        if para:  # the markers of the paragraph being read count too (its notes may follow it)
            _note_markers(para[-1][1], g, ctx)
        annex = _annex(lines, i, text, skip, g, ctx)
        if annex is not None:
            flush()
            found, title_line = annex
            out.append(RawBlock("annex", i + 1, annex=found))
            if title_line is not None:
                joined.add(title_line)
            ctx.article, ctx.notes, ctx.numbered_part = False, found.kind == "notes", False
            if found.title or found.label:
                continue  # else the line is the first note of a list with no heading: read on
        entry = _note_entry(text, g) if ctx.notes else 0
        if entry:
            flush()
            marks["note"] = entry
            para.append((i, keep_invisible(line, [text])[0]))
            continue
        heading = _heading(line, text, g, ctx) or _unnumbered(lines, i, text, skip, g, ctx, out, para)
        if heading:
            ctx.numbered_part = ctx.numbered_part or (heading.number != "" and heading.level <= _PART_RANK)
            flush()
            ctx.article = ctx.article and heading.level > _ARTICLE_HOLDERS
            out.append(RawBlock("heading", i + 1, keep_invisible(line, [text])[0], heading=heading))
            if heading.rest:
                para.append((i, heading.rest))
            continue
        article = g.article.match(text)
        if article and numeral_value(article["n"]) == ctx.last_article + 1:
            flush()
            ctx.article = True
            ctx.last_article = marks["article"] = numeral_value(article["n"])
            para.append((i, keep_invisible(line, [text])[0]))
            continue
        if para and not blank_separated and not _continues(para, text, _next_text(lines, i, skip)):
            flush()
        para.append((i, keep_invisible(line, [text])[0]))
    flush()
    return _group_items(out, g)


def _note_markers(text: str, g: Grammar, ctx: _Context) -> None:
    """Remember the note numbers marked in a text (one search rules out the many with none)."""
    if g.note_marker.search(text):
        ctx.markers.update(int(m["n"]) for m in g.note_marker.finditer(text))


def _group_items(raws: list[RawBlock], g: Grammar) -> list[RawBlock]:
    """Paragraphs that start 一是 … 二是 … and each head a group of paragraphs become headings."""
    run: list[int] = []  # indexes in raws of the items of the run being read (一是, 二是 …)
    marker = ""  # 是 or 要: the run's kind
    headings: dict[int, list[RawBlock]] = {}  # index -> the heading and its run-in rest

    def close() -> None:
        if len(run) >= 2 and all(b - a > 1 for a, b in itertools.pairwise(run)):
            found = [_group_heading(raws[k], g) for k in run]
            if all(found):
                headings.update(zip(run, found, strict=True))
        run.clear()

    for k, raw in enumerate(raws):
        m = g.group_items.match(raw.text) if raw.kind == "paragraph" else None
        if raw.kind != "paragraph":
            close()
        elif m and run and numeral_value(m["n"]) == len(run) + 1 and m["number"].endswith(marker):
            run.append(k)
        elif m and numeral_value(m["n"]) == 1:
            close()
            run.append(k)
            marker = m["number"][-1]
    close()
    return [block for k, raw in enumerate(raws) for block in headings.get(k, [raw])]


def _group_heading(raw: RawBlock, g: Grammar) -> list[RawBlock]:
    """[heading, its run-in rest] of an item that heads a group: 一是突出打好…，…新台阶。紧紧围绕…"""
    m = g.group_items.match(raw.text)
    split = _split_title(raw.text[m.end() :], g) if m else None
    if m is None or split is None or not split[1]:
        return []
    title, rest = split
    heading = HeadingMatch(0, m["number"], numeral_value(m["n"]), title, rest, "group")
    return [RawBlock("heading", raw.line, raw.text, heading=heading), RawBlock("paragraph", raw.line, rest)]


_OPENERS = ("（", "(")
_PART_RANK = 40  # 一、 and what stands above it (第一章 …)
_UNNUMBERED_RANK = 35  # a part without a number: above 一、, below the chapters
_ARTICLE_HOLDERS = 30  # chapters and their sections (第一章 / 第一节) hold articles; lower ranks are items


def _heading(line: str, text: str, g: Grammar, ctx: _Context) -> HeadingMatch | None:
    """The heading on this line, matched without invisible characters, which its parts then keep."""
    found = match_heading(text, g, ctx.active)
    if found is None or (ctx.article and found.level > _ARTICLE_HOLDERS):
        return None
    number, title, rest = keep_invisible(line, [found.number.strip(), found.title, found.rest])
    spaced = number + " " if found.number.endswith(" ") else number
    return HeadingMatch(found.level, spaced, found.value, title, rest, found.family)


def _unnumbered(
    lines: list[str], i: int, text: str, skip: set[int], g: Grammar, ctx: _Context, out: list[RawBlock], para: list
) -> HeadingMatch | None:
    """A part without a number (“十四五”时期工作回顾): see numbering.yml `unnumbered_max`."""
    if ctx.numbered_part or ctx.notes or len(text) > g.unnumbered_max or g.unnumbered_not.search(text):
        return None
    before = probe(para[-1][1]) if para else (out[-1].text if out and out[-1].kind == "paragraph" else "")
    if not before or not _ends_sentence(before):
        return None
    after = next((probe(lines[k]) for k in range(i + 1, len(lines)) if probe(lines[k]) and k not in skip), "")
    if not after or "\t" in after or match_heading(after, g, ctx.active):
        return None
    if not (_ends_sentence(after) or len(after) > g.unnumbered_max):
        return None
    return HeadingMatch(_UNNUMBERED_RANK, "", 0, keep_invisible(lines[i], [text])[0], "", "unnumbered")


def _annex(
    lines: list[str], i: int, text: str, skip: set[int], g: Grammar, ctx: _Context
) -> tuple[Annex, int | None] | None:
    """An attachment starting on line i, and the index of its title's own line (if it has one)."""
    if len(text) > _ANNEX_LINE and not g.note_marker.match(text):
        return None  # a paragraph: an attachment's label, title or first note starts a short line
    bare = text.rstrip(":：")
    if bare in g.note_titles:
        return Annex("notes", "", 0, text), None
    if bare in g.appendix_titles:
        return Annex("annex", "", 0, text), None
    if ctx.issued and squash(text).strip("《》") == ctx.issued:
        return Annex("annex", "", 0, text), None
    first = g.note_marker.match(text)
    if first and first.start() == 0 and int(first["n"]) == 1 and 1 in ctx.markers and not ctx.notes:
        return Annex("notes", "", 0, ""), None  # notes under the text with no heading: ［1］…
    m = g.annex_label.fullmatch(text)
    if not m or (m["title"] and not _annex_title(m["title"], g)):
        return None
    label, title, title_line = m["label"], m["title"].strip(), None
    if not title:
        j = next((k for k in range(i + 1, len(lines)) if probe(lines[k]) and k not in skip), None)
        if j is not None and _annex_title(probe(lines[j]), g) and not match_heading(probe(lines[j]), g, ctx.active):
            title, title_line = probe(lines[j]), j
    kind = "notes" if title.rstrip(":：") in g.note_titles else "annex"
    value = numeral_value(m["n"]) if m["n"] else 0  # full-width digits too (str.isdigit, int)
    return Annex(kind, label.replace(" ", "").replace("\u3000", ""), value, title), title_line


_ANNEX_LINE = 70  # the longest line that starts an attachment by its label or its title


def _annex_title(text: str, g: Grammar) -> bool:
    return len(text) <= 60 and text[-1] not in g.title_not_ending and not any(e in text for e in g.sentence_ends)


def _note_entry(text: str, g: Grammar) -> int:
    """The number of the note entry this line starts, or 0."""
    m = g.note_entry.match(text)
    if not m:
        return 0
    return int(next(v for v in (m["n"], m["n2"], m["n3"], m["n4"]) if v))


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
