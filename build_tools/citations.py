"""Cited documents: every title in 《》 (and 〈〉 inside one), its kind, the paragraphs citing it.

Kinds are inferred from the title by the rules in data/documents.yml, which are written in
zh-Hans: a zh-Hant title is converted back before the rules see it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from . import yamlfile
from .errors import ReportError
from .model import Block, Citation, Report, Section, Table

DATA = Path(__file__).parent / "data" / "documents.yml"
_TITLE = re.compile(r"《([^《》]*)》")
_INNER = re.compile(r"〈([^〈〉]*)〉")
_TRAILING = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # (试行), (2024年)
_HINT = "see the comment at the top of build_tools/data/documents.yml"


@dataclass(frozen=True)
class Kinds:
    labels: dict[str, dict[str, str]]  # kind -> {zh-Hans, zh-Hant, en}
    titles: dict[str, str]
    rules: tuple[tuple[re.Pattern[str], str], ...]


@cache
def kinds(path: Path = DATA) -> Kinds:
    raw = yamlfile.load(path)
    shown = str(path)
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), dict | list) for k in ("kinds", "titles", "rules")):
        raise ReportError(shown, "needs the mappings `kinds:`, `titles:` and the list `rules:`", _HINT, 1)
    labels = {str(k): dict(v) for k, v in raw["kinds"].items()}
    for key, value in labels.items():
        if set(value) != {"zh-Hans", "zh-Hant", "en"}:
            raise ReportError(shown, f"kind {key!r} needs exactly zh-Hans, zh-Hant and en", _HINT, raw["kinds"].line)
    if "other" not in labels:
        raise ReportError(shown, "the kind `other` is missing", "add it: it names titles no rule matches", 1)
    rules = tuple(_rule(r, labels, shown) for r in raw["rules"])
    for kind in raw["titles"].values():
        _known(kind, labels, shown, raw["titles"].line)
    return Kinds(labels, {str(t): str(k) for t, k in raw["titles"].items()}, rules)


def _rule(raw: object, labels: dict[str, dict[str, str]], path: str) -> tuple[re.Pattern[str], str]:
    line = yamlfile.line_of(raw)
    if not isinstance(raw, dict) or set(raw) != {"kind", "match"}:
        raise ReportError(path, "a rule is {kind: KEY, match: REGEX}", _HINT, line)
    _known(raw["kind"], labels, path, line)
    try:
        return re.compile(str(raw["match"])), str(raw["kind"])
    except re.error as err:
        raise ReportError(path, f"bad regular expression {raw['match']!r}: {err}", _HINT, line) from None


def _known(kind: object, labels: dict[str, dict[str, str]], path: str, line: int | None) -> None:
    if kind not in labels:
        raise ReportError(path, f"unknown kind {kind!r}", f"use one of {', '.join(labels)}", line)


def kind_of(title: str, k: Kinds) -> str:
    if title in k.titles:
        return k.titles[title]
    core = title
    while _TRAILING.search(core):
        core = _TRAILING.sub("", core)
    return next((kind for pattern, kind in k.rules if pattern.search(core)), "other")


def cite(report: Report, k: Kinds, to_hans: Callable[[str], str] | None = None) -> Report:
    """The report with its citations, in order of first citation."""
    found: dict[tuple[str, str | None], list[str]] = {}
    for block_id, text in block_texts(report):
        for title, within in titles_in(text):
            ids = found.setdefault((title, within), [])
            if block_id not in ids:
                ids.append(block_id)
    hans = to_hans or (lambda s: s)
    citations = tuple(Citation(t, kind_of(hans(t), k), tuple(ids), w) for (t, w), ids in found.items())
    return replace(report, citations=citations)


def titles_in(text: str) -> Iterator[tuple[str, str | None]]:
    """(title, None) for each 《title》, then (inner, title) for each 〈inner〉 inside it."""
    for m in _TITLE.finditer(text):
        yield m.group(1), None
        for inner in _INNER.finditer(m.group(1)):
            yield inner.group(1), m.group(1)


def block_texts(report: Report) -> Iterator[tuple[str, str]]:
    def blocks(bs: tuple[Block, ...]) -> Iterator[tuple[str, str]]:
        for b in bs:
            if isinstance(b, Table):
                yield from ((b.id, cell) for row in b.rows for cell in row)
            else:
                yield b.id, b.text

    def walk(s: Section) -> Iterator[tuple[str, str]]:
        yield from blocks(s.blocks)
        for child in s.children:
            yield from walk(child)

    yield from blocks(report.preamble)
    for s in report.sections:
        yield from walk(s)
