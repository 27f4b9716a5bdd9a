"""How a section's heading reads: its number and title as printed, for pages, PDF and metadata."""

from __future__ import annotations

from .model import Section


def section_label(s: Section) -> str:
    """一、总体情况 / 第一章 总则 / 附件2 名词解释 (an attachment's label and title, spaced)."""
    if s.kind != "part" and s.number and s.title and not s.number.endswith(" "):
        return f"{s.number} {s.title}"
    return s.number + s.title
