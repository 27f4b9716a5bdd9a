"""The document model as plain data (for `outline --json` and tests)."""

from __future__ import annotations

from typing import Any

from .model import Block, Paragraph, Report, Section


def outline(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "lang": report.lang,
        "metadata": {f.label: f.value for f in report.metadata},
        "date": report.date,
        "time": report.time,
        "source": report.source,
        "removed": [{"line": r.line, "text": r.text, "rule": r.rule} for r in report.removed],
        "preamble": [block_text(b) for b in report.preamble],
        "sections": [_section(s) for s in report.sections],
    }


def _section(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "number": s.number,
        "title": s.title,
        "line": s.line,
        "paragraphs": [block_text(b) for b in s.blocks],
        "children": [_section(c) for c in s.children],
    }


def block_text(block: Block) -> str:
    """A paragraph's text; a table's rows as TAB-separated lines."""
    if isinstance(block, Paragraph):
        return block.text
    return "\n".join("\t".join(row) for row in block.rows)


def outline_text(report: Report) -> str:
    """A readable tree: numbers, titles, ids and paragraph counts."""
    lines = [report.title, *(f"  {f.label}: {f.value}" for f in report.metadata)]
    lines.append(f"  date: {report.date or '-'} {report.time or ''}  source: {report.source or '-'}")
    lines.append(f"  preamble: {len(report.preamble)} block(s); removed: {len(report.removed)} line(s)")

    def walk(sections: tuple[Section, ...], depth: int) -> None:
        for s in sections:
            lines.append(f"{'  ' * depth}{s.number}{s.title}  #{s.id}  [{len(s.blocks)} block(s)]")
            walk(s.children, depth + 1)

    walk(report.sections, 1)
    lines.extend(f"  removed line {r.line} ({r.rule}): {r.text.strip()}" for r in report.removed)
    return "\n".join(lines)
