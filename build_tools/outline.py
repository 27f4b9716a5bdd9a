"""The document model as plain data (for `outline --json` and tests).

Shape: title and title_lines; front (subtitle, speaker … lines kept above the body); metadata,
date, time, source, publisher and header_lines (the lines they came from); removed (chrome, with
line and rule); preamble (texts); sections: the body's parts, then the attachments and note lists
as top-level sections of kind "annex" / "notes" (number = the label 附件2, title = 名词解释), each
with its paragraphs and children; notes (every entry of a note list, with the markers that link to
it); warnings (line, message).
"""

from __future__ import annotations

from typing import Any

from .model import Block, Paragraph, Report, Section, is_note_entry, section_paragraphs


def outline(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "title_lines": list(report.title_lines),
        "lang": report.lang,
        "slug": report.slug,
        "front": [{"line": f.line, "kind": f.kind, "text": f.text} for f in report.front],
        "metadata": {f.label: f.value for f in report.metadata},
        "date": report.date,
        "time": report.time,
        "source": report.source,
        "publisher": report.publisher,
        "header_lines": list(report.header_lines),
        "removed": [{"line": r.line, "text": r.text, "rule": r.rule} for r in report.removed],
        "preamble": [block_text(b) for b in report.preamble],
        "sections": [_section(s) for s in report.sections],
        "notes": _notes(report),
        "warnings": [{"line": w.line, "message": w.message} for w in report.warnings],
    }


def _section(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "number": s.number,
        "title": s.title,
        "line": s.line,
        "paragraphs": [block_text(b) for b in s.blocks],
        "children": [_section(c) for c in s.children],
    }


def _notes(report: Report) -> list[dict[str, Any]]:
    """Every note entry, with the ids of the markers that point to it."""
    refs: dict[str, list[str]] = {}
    entries: list[Paragraph] = []
    for p in paragraphs(report):
        for link in p.notes:
            if link.kind == "ref":
                refs.setdefault(link.target, []).append(link.id)
    for s in report.sections:
        if s.kind == "notes":
            entries += [p for p in section_paragraphs(s) if is_note_entry(p.id)]
    return [{"id": p.id, "line": p.line, "text": p.text, "refs": refs.get(p.id, [])} for p in entries]


def paragraphs(report: Report) -> list[Paragraph]:
    out = [b for b in report.preamble if isinstance(b, Paragraph)]
    for s in report.sections:
        out += section_paragraphs(s)
    return out


def block_text(block: Block) -> str:
    """A paragraph's text; a table's rows as TAB-separated lines."""
    if isinstance(block, Paragraph):
        return block.text
    return "\n".join("\t".join(row) for row in block.rows)


def outline_text(report: Report) -> str:
    """A readable tree: numbers, titles, ids and paragraph counts."""
    lines = [report.title, *(f"  [{f.kind}] {f.text}" for f in report.front)]
    lines += [f"  {f.label}: {f.value}" for f in report.metadata]
    lines.append(f"  date: {report.date or '-'} {report.time or ''}  source: {report.source or '-'}")
    lines.append(f"  preamble: {len(report.preamble)} block(s); removed: {len(report.removed)} line(s)")

    def walk(sections: tuple[Section, ...], depth: int) -> None:
        for s in sections:
            label = f"{s.number}{s.title}" if s.kind == "part" else f"[{s.kind}] {s.number} {s.title}".rstrip()
            lines.append(f"{'  ' * depth}{label}  #{s.id}  [{len(s.blocks)} block(s)]")
            walk(s.children, depth + 1)

    walk(report.sections, 1)
    lines.extend(f"  removed line {r.line} ({r.rule}): {r.text.strip()}" for r in report.removed)
    return "\n".join(lines)
