"""Nothing lost, nothing invented: the model's body text must be the source minus removals.

Only whitespace may differ (between paragraphs, around cells). Any other difference fails
the build, naming the first source line where model and source part ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import ReportError
from .model import Block, Paragraph, Report, Section
from .parse.text import squash


def check_fidelity(report: Report, text: str) -> None:
    lines = text.split("\n")
    skipped = {r.line for r in report.removed} | set(report.header_lines)
    kept = [(n, line) for n, line in enumerate(lines, 1) if n not in skipped]
    # squash drops characters one by one: squashing the joined lines is joining the squashed lines
    expected = squash("".join(line for _, line in kept))
    actual = squash("".join(body_texts(report)))
    if expected == actual:
        _check_header(report, lines)
        return
    kept = [(n, squash(line)) for n, line in kept]  # to find the line where the texts part
    at = next(
        (k for k, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b), min(len(expected), len(actual))
    )
    line = _line_at(kept, at)
    raise ReportError(
        report.path,
        f"text would be lost or changed: source has 「{expected[at : at + 12]}」, the model 「{actual[at : at + 12]}」",
        "this is a converter bug or an over-eager chrome rule in build_tools/data/chrome.yml; "
        "run `.venv/bin/python -m build_tools outline FILE` to see what was removed",
        line,
    )


def body_texts(report: Report) -> Iterator[str]:
    """Every piece of kept text in source order: front matter, preamble, then headings and their
    blocks (attachments and notes are top-level sections)."""
    yield from (f.text for f in report.front)
    yield from (_block_text(b) for b in report.preamble)
    for section in report.sections:
        yield from _section_texts(section)


def _section_texts(section: Section) -> Iterator[str]:
    yield section.number + section.title
    yield from (_block_text(b) for b in section.blocks)
    for child in section.children:
        yield from _section_texts(child)


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return "".join("".join(row) for row in block.rows)


def _check_header(report: Report, lines: list[str]) -> None:
    """Every value of the header is in the header lines (or was set by the editor). Dates and times
    are compared by their digits (2026年02月10日 is given as 2026-02-10)."""
    header = "".join(squash(lines[n - 1]) for n in report.header_lines)
    settings = report.settings
    values = [f.value for f in report.metadata]
    values += [report.source or ""] if not settings.source else []
    values += [report.date or ""] if not settings.date else []
    for value in values:
        if squash(value) not in header and not (value == report.date and _has_date(header, value)):
            raise ReportError(report.path, f"header value 「{value}」 is not in the header lines", "converter bug")


def _has_date(header: str, date: str) -> bool:
    """The header writes the date 2026-02-10 in some way: 2026-02-10, 2026年2月10日, 2026/02/10."""
    year, month, day = date.split("-")
    return re.search(rf"{year}\D{{1,3}}0?{int(month)}\D{{1,3}}0?{int(day)}(?!\d)", header) is not None


def _line_at(kept: list[tuple[int, str]], at: int) -> int:
    seen = 0
    for n, text in kept:
        seen += len(text)
        if seen > at:
            return n
    return kept[-1][0] if kept else 1
