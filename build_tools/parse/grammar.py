"""The report grammar as data: chrome rules, header patterns, numbering levels.

Loaded once from build_tools/data/*.yml and validated; a bad entry names file:line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import ReportError

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class ChromeRule:
    id: str
    line: re.Pattern[str]
    then: tuple[re.Pattern[str], ...] = ()
    until: re.Pattern[str] | None = None
    through_paragraph: bool = False
    after_end: bool = False
    repeats: str | None = None


@dataclass(frozen=True)
class Level:
    level: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    chrome: tuple[ChromeRule, ...]
    end_markers: tuple[re.Pattern[str], ...]
    metadata_labels: frozenset[str]
    publisher_labels: frozenset[str]
    datelines: tuple[re.Pattern[str], ...]
    source_lines: tuple[re.Pattern[str], ...]
    title_max: int
    title_not_ending: str
    levels: tuple[Level, ...]
    max_title: int
    run_in_ends: str
    sentence_ends: str
    appendix_titles: frozenset[str]
    inline_item: re.Pattern[str]
    inline_item_needs: re.Pattern[str] | None = None  # a paragraph it does not find holds no inline item

    @cached_property
    def plain_chrome(self) -> tuple[ChromeRule, ...]:
        """The chrome rules that need no knowledge of title or body (find_chrome's)."""
        return tuple(rule for rule in self.chrome if rule.repeats is None)

    @cached_property
    def repeat_chrome(self) -> tuple[ChromeRule, ...]:
        """The rules for lines that repeat the title or the body (find_repeats')."""
        return tuple(rule for rule in self.chrome if rule.repeats is not None)

    @cached_property
    def any_plain_chrome(self) -> re.Pattern[str] | None:
        """Matches a line when one of plain_chrome's rules does: one regex pass rules out a body
        line, instead of one per rule. None when a rule names a group (names may not repeat)."""
        if any(rule.line.groupindex for rule in self.plain_chrome):
            return None
        return re.compile("|".join(f"(?:{rule.line.pattern})" for rule in self.plain_chrome) or "(?!)")


@cache
def grammar() -> Grammar:
    chrome = yamlfile.load(DATA / "chrome.yml")
    header = yamlfile.load(DATA / "header.yml")
    numbering = yamlfile.load(DATA / "numbering.yml")
    c, h, n = DATA / "chrome.yml", DATA / "header.yml", DATA / "numbering.yml"
    return Grammar(
        chrome=tuple(_chrome_rule(c, rule) for rule in _list(c, chrome, "rules")),
        end_markers=tuple(_full(c, p, chrome) for p in _list(c, chrome, "end_markers")),
        metadata_labels=frozenset(_list(h, header, "metadata_labels")),
        publisher_labels=frozenset(_list(h, header, "publisher_labels")),
        datelines=tuple(_full(h, p, header) for p in _list(h, header, "datelines")),
        source_lines=tuple(_full(h, p, header) for p in _list(h, header, "source_lines")),
        title_max=int(header["title"]["max_length"]),
        title_not_ending=str(header["title"]["not_ending_with"]),
        levels=tuple(Level(int(lv["level"]), _prefix(n, lv["pattern"], lv)) for lv in _list(n, numbering, "levels")),
        max_title=int(numbering["max_title_length"]),
        run_in_ends=str(numbering["run_in_ends"]),
        sentence_ends=str(numbering["sentence_ends"]),
        appendix_titles=frozenset(_list(n, numbering, "appendix_titles")),
        inline_item=_compile(n, numbering["inline_item"], numbering),
        inline_item_needs=_needs(n, numbering),
    )


def _needs(path: Path, numbering: Any) -> re.Pattern[str] | None:
    needs = numbering.get("inline_item_needs")
    if needs is None:
        return None
    if not isinstance(needs, str) or not needs:
        hint = "write a regular expression, or leave it out"
        _fail(path, numbering, f"inline_item_needs {needs!r} is not a pattern", hint)
    return _compile(path, needs, numbering)


_RULE_KEYS = {"id", "line", "then", "until", "through", "after_end", "repeats"}


def _chrome_rule(path: Path, raw: Any) -> ChromeRule:
    if not isinstance(raw, dict) or "id" not in raw or "line" not in raw:
        _fail(path, raw, "a chrome rule needs `id` and `line`", "see the field list at the top of the file")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        _fail(path, raw, f"unknown field(s) {sorted(unknown)} in rule {raw['id']!r}", f"use only {sorted(_RULE_KEYS)}")
    if raw.get("repeats") not in (None, "title", "body"):
        _fail(path, raw, f"rule {raw['id']!r}: repeats must be title or body", "write repeats: title")
    if raw.get("through") not in (None, "paragraph"):
        _fail(path, raw, f"rule {raw['id']!r}: through must be paragraph", "write through: paragraph")
    return ChromeRule(
        id=str(raw["id"]),
        line=_full(path, raw["line"], raw),
        then=tuple(_full(path, p, raw) for p in raw.get("then", [])),
        until=_full(path, raw["until"], raw) if raw.get("until") else None,
        through_paragraph=raw.get("through") == "paragraph",
        after_end=bool(raw.get("after_end", False)),
        repeats=raw.get("repeats"),
    )


def _list(path: Path, data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        _fail(path, data, f"`{key}` must be a list", f"add a `{key}:` list to the file")
    return value


def _full(path: Path, pattern: Any, where: Any) -> re.Pattern[str]:
    return _compile(path, rf"(?:{pattern})\Z", where)


def _prefix(path: Path, pattern: Any, where: Any) -> re.Pattern[str]:
    return _compile(path, str(pattern), where)


def _compile(path: Path, pattern: Any, where: Any) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern))
    except re.error as err:
        _fail(path, where, f"bad regular expression {pattern!r}: {err}", "fix the pattern (Python `re` syntax)")
    raise AssertionError  # unreachable: _fail raises


def _fail(path: Path, where: Any, message: str, hint: str) -> None:
    raise ReportError(str(path), message, hint, yamlfile.line_of(where))
