"""Header lines, one at a time: metadata pairs in all their shapes, date and source lines.

Each recognizer looks at line i (and, for a label whose value stands on the next line, at the
line after it) and returns what it found with the lines it used, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import MetaField
from .grammar import Grammar
from .text import probe

_LABEL = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,7}"
_PAIR = re.compile(rf"(?P<label>{_LABEL})\s*[:：]\s*(?P<value>.*?)\s*(?=\s{_LABEL}\s*[:：]|\Z)")
_ALONE = re.compile(rf"(?P<label>{_LABEL})\s*[:：]?")


@dataclass
class Found:
    """What header lines gave: metadata fields, date, time, source, and the lines used."""

    lines: list[int] = field(default_factory=list)  # indexes
    metadata: list[MetaField] = field(default_factory=list)
    date: str | None = None
    time: str | None = None
    source: str | None = None


def header_line(lines: list[str], i: int, skip: set[int], g: Grammar, found: Found) -> bool:
    """Record line i (and its value line) in `found` when it is a header line; True if it was."""
    text = probe(lines[i])
    return (
        _doc_number(text, i, g, found)
        or _tab_row(lines[i], i, g, found)
        or _pairs(text, i, g, found)
        or _dateline(text, i, g, found)
        or _label_alone(lines, i, skip, g, found)
        or _source(text, i, g, found)
    )


def metadata_pairs(text: str, g: Grammar) -> list[tuple[str, str]]:
    """The label/value pairs of a metadata line, or [] when the line is not one."""
    pairs = [(m["label"], m["value"]) for m in _PAIR.finditer(text)]
    if not pairs or _nospace(pairs[0][0]) not in g.metadata_labels:
        return []
    if _bare("".join(label + value for label, value in pairs)) != _bare(text):
        return []  # something on the line is not a pair: not a metadata line
    return pairs


def _pairs(text: str, i: int, g: Grammar, found: Found) -> bool:
    if ":" not in text and "：" not in text:
        return False  # no pair without a colon (the search for pairs is slow on a long line)
    pairs = metadata_pairs(text, g)
    for label, value in pairs:
        _field(_nospace(label), value, i, g, found)
    if pairs:
        found.lines.append(i)
    return bool(pairs)


def _doc_number(text: str, i: int, g: Grammar, found: Found) -> bool:
    """皖政办〔2008〕33号 alone on its line: the document's number."""
    if not g.doc_number.fullmatch(text):
        return False
    found.metadata.append(MetaField(g.doc_number_label, text, i + 1))
    found.lines.append(i)
    return True


def _tab_row(line: str, i: int, g: Grammar, found: Found) -> bool:
    """索引号<TAB>001/2025-1<TAB>发布机构<TAB>某局: a row of the page's metadata table."""
    if "\t" not in line:
        return False
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    if len(cells) < 2 or len(cells) % 2 or not all(_known(_label(c), g) for c in cells[0::2]):
        return False
    for label, value in zip(cells[0::2], cells[1::2], strict=True):
        _field(_label(label), value, i, g, found)
    found.lines.append(i)
    return True


def _label_alone(lines: list[str], i: int, skip: set[int], g: Grammar, found: Found) -> bool:
    """索引号： (or 发表时间：) alone on its line, its value on the next non-blank line."""
    m = _ALONE.fullmatch(probe(lines[i]))
    if not m or not _known(_label(m["label"]), g):
        return False
    j = next((k for k in range(i + 1, len(lines)) if probe(lines[k]) and k not in skip), None)
    if j is None:
        return False
    value = probe(lines[j])
    label = _label(m["label"])
    if _ALONE.fullmatch(value) and _known(_label(value), g):
        return False  # the next line is another label: this one has no value
    if label in g.date_labels and not g.date_value.fullmatch(value):
        return False
    if len(value) > 40 or any(end in value for end in "。；！？"):
        return False
    _field(label, value, j, g, found)
    found.lines += [i, j]
    return True


def _dateline(text: str, i: int, g: Grammar, found: Found) -> bool:
    for pattern in g.datelines:
        m = pattern.match(text)
        if not m:
            continue
        if found.date is None:
            found.date, found.time = iso_date(m["date"]), iso_time(m["time"])
        else:  # a second date (更新时间 …): kept as a field, not lost
            label = _PAIR.match(text)
            found.metadata.append(MetaField(_label(label["label"]) if label else "日期", m["date"], i + 1))
        found.source = (m["source"] or "").strip() or found.source
        found.lines.append(i)
        return True
    return False


def _source(text: str, i: int, g: Grammar, found: Found) -> bool:
    for pattern in g.source_lines:
        m = pattern.match(text)
        if m and m["source"].strip():
            _field("来源", m["source"].strip(), i, g, found)
            found.lines.append(i)
            return True
    return False


def _field(label: str, value: str, i: int, g: Grammar, found: Found) -> None:
    """A pair goes to the date, the source or the metadata."""
    if label in g.date_labels:
        m = g.date_value.fullmatch(value.strip())
        if m and found.date is None:
            found.date, found.time = iso_date(m["date"]), iso_time(m["time"])
            return
    if label in g.source_labels and found.source is None:
        found.source = value.strip()
        return
    found.metadata.append(MetaField(label, value, i + 1))


_DIGITS = re.compile(r"\d+")


def iso_date(text: str) -> str:
    """2026-02-10 for 2026年02月10日, 2026/2/10 or 2026.2.10 (the home page sorts by it; JSON-LD wants it)."""
    year, month, day = (int(n) for n in _DIGITS.findall(text)[:3])
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_time(text: str | None) -> str | None:
    """07:41 for 07时41分; a time written with colons stays as written (seconds and all)."""
    if text is None or ":" in text:
        return text
    return ":".join(f"{int(n):02d}" for n in _DIGITS.findall(text))


def _known(label: str, g: Grammar) -> bool:
    return label in g.metadata_labels or label in g.date_labels or label in g.source_labels


def _label(text: str) -> str:
    return _nospace(text).rstrip(":：")


def _bare(text: str) -> str:
    """No spaces, no colons: what a line and its pairs must have alike (a time keeps its colons)."""
    return re.sub(r"[\s:：]+", "", text)


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)
