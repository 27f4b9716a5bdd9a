"""Every grammar rule, one table-driven case each (tests/cases/parse_cases.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.fidelity import check_fidelity
from build_tools.model import Paragraph, Report, Section, Settings, Table
from build_tools.outline import block_text
from build_tools.parse import parse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "parse_cases.yml").read_text(encoding="utf-8"))["cases"]


def _walk(sections: tuple[Section, ...]):
    for s in sections:
        yield s
        yield from _walk(s.children)


def _blocks(report: Report) -> dict[str, Paragraph | Table]:
    found = {b.id: b for b in report.preamble}
    for s in _walk(report.sections):
        found.update({b.id: b for b in s.blocks})
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_parse_case(case: dict) -> None:
    text = case["text"].rstrip("\n")
    settings = Settings(**{"slug": "case", "title": case.get("settings_title"), **case.get("settings", {})})
    report = parse(text, "case.txt", settings)
    check_fidelity(report, text)  # every case also keeps every character
    expect = case["expect"]
    for key in ("title", "date", "time", "source", "publisher"):
        if key in expect:
            assert getattr(report, key) == expect[key], key
    if "metadata" in expect:
        assert {f.label: f.value for f in report.metadata} == expect["metadata"]
    if "removed" in expect:
        assert [[r.line, r.rule] for r in report.removed] == expect["removed"]
    if "preamble" in expect:
        assert [block_text(b) for b in report.preamble] == expect["preamble"]
    if "outline" in expect:
        got = [f"{s.id} {s.number}{s.title} [{len(s.blocks)}]" for s in _walk(report.sections)]
        assert got == expect["outline"]
    blocks = _blocks(report)
    for pid, text_ in expect.get("paragraphs", {}).items():
        assert blocks[pid].text == text_, pid
    for tid, rows in expect.get("tables", {}).items():
        assert [list(r) for r in blocks[tid].rows] == rows, tid
    for pid, ids in expect.get("items", {}).items():
        assert [i.id for i in blocks[pid].items] == ids, pid
    if "front" in expect:
        assert [[f.kind, f.text] for f in report.front] == expect["front"]
    if "title_lines" in expect:
        assert list(report.title_lines) == expect["title_lines"]
    if "kinds" in expect:
        assert {s.id: s.kind for s in report.sections} == expect["kinds"]
    for pid, links in expect.get("links", {}).items():
        assert [[n.kind, n.marker, n.id, n.page, n.target] for n in blocks[pid].notes] == links, pid
    if "warnings" in expect:  # [line, a phrase of the message] for each warning, in order
        assert len(report.warnings) == len(expect["warnings"]), [(w.line, w.message) for w in report.warnings]
        for w, (line, phrase) in zip(report.warnings, expect["warnings"], strict=True):
            assert w.line == line and phrase in w.message, (w.line, w.message)
