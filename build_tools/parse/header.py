"""The header above the body: metadata pairs, title, date/time and source lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import MetaField
from .grammar import Grammar
from .headings import match_heading
from .text import keep_invisible, probe

_LABEL = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,7}"
_PAIR = re.compile(rf"(?P<label>{_LABEL})\s*[:：]\s*(?P<value>.*?)\s*(?=\s{_LABEL}\s*[:：]|\Z)")


@dataclass(frozen=True)
class Header:
    title: str | None
    title_line: int | None
    metadata: tuple[MetaField, ...]
    date: str | None
    time: str | None
    source: str | None
    lines: tuple[int, ...]
    body_from: int


def parse_header(lines: list[str], removed: dict[int, str], g: Grammar) -> Header:
    state = _State()
    i = 0
    while i < len(lines):
        text = probe(lines[i])
        if i in removed or not text:
            i += 1
            continue
        used = _metadata(text, i, g, state) or _dateline(text, g, state) or _title(lines[i], text, i, g, state)
        if not used:
            last = _source(lines, i, removed, g, state)
            if last is None:
                break
            i = last  # the source value may sit on the next line
        state.lines.append(i)
        i += 1
    return Header(
        title=state.title,
        title_line=state.title_line,
        metadata=tuple(state.metadata),
        date=state.date,
        time=state.time,
        source=state.source,
        lines=tuple(state.lines),
        body_from=i,
    )


class _State:
    def __init__(self) -> None:
        self.title: str | None = None
        self.title_line: int | None = None
        self.metadata: list[MetaField] = []
        self.date: str | None = None
        self.time: str | None = None
        self.source: str | None = None
        self.lines: list[int] = []


def metadata_pairs(text: str, g: Grammar) -> list[tuple[str, str]]:
    """The label/value pairs of a metadata line, or [] when the line is not one."""
    pairs = [(m["label"], m["value"]) for m in _PAIR.finditer(text)]
    if not pairs or _nospace(pairs[0][0]) not in g.metadata_labels:
        return []
    if "".join(_nospace(label + value) for label, value in pairs) != _nospace(re.sub("[:：]", "", text)):
        return []  # something on the line is not a pair: not a metadata line
    return pairs


def _metadata(text: str, i: int, g: Grammar, state: _State) -> bool:
    pairs = metadata_pairs(text, g)
    state.metadata.extend(MetaField(_nospace(label), value, i + 1) for label, value in pairs)
    return bool(pairs)


def _dateline(text: str, g: Grammar, state: _State) -> bool:
    if state.date is not None:
        return False
    for pattern in g.datelines:
        m = pattern.match(text)
        if m:
            state.date, state.time = m["date"], m["time"]
            state.source = (m["source"] or "").strip() or state.source
            return True
    return False


def _source(lines: list[str], i: int, removed: dict[int, str], g: Grammar, state: _State) -> int | None:
    """Index of the last line used for a source line, or None when the line is not one."""
    if state.source is not None:
        return None
    for pattern in g.source_lines:
        m = pattern.match(probe(lines[i]))
        if not m:
            continue
        value = m["source"].strip()
        if value:
            state.source = value
            return i
        j = next((k for k in range(i + 1, len(lines)) if probe(lines[k]) and k not in removed), None)
        if j is not None and _title_like(probe(lines[j]), g) and len(probe(lines[j])) <= 30:
            state.lines.append(i)
            state.source = probe(lines[j])
            return j
    return None


def _title(line: str, text: str, i: int, g: Grammar, state: _State) -> bool:
    if state.title is not None or not _title_like(text, g) or match_heading(text, g):
        return False
    state.title, state.title_line = keep_invisible(line, [text])[0], i + 1
    return True


def _title_like(text: str, g: Grammar) -> bool:
    return len(text) <= g.title_max and text[-1] not in g.title_not_ending and "\t" not in text


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)
