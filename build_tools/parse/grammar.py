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
    following: re.Pattern[str] | None = None  # `while:` the lines after it, as long as they match
    where: str = "any"  # any | lead | tail
    beside_chrome: bool = False
    to_end: bool = False
    trail: re.Pattern[str] | None = None  # a breadcrumb's separator


@dataclass(frozen=True)
class Family:
    """A way of numbering headings (numbering.yml)."""

    id: str
    rank: int
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    sequential: bool = False
    run_in: bool = False


@dataclass(frozen=True)
class Front:
    """The patterns of front-matter lines (header.yml `front`)."""

    subtitles: tuple[re.Pattern[str], ...]
    subtitle_end: re.Pattern[str]
    speaker: re.Pattern[str]
    name: re.Pattern[str]
    not_names: frozenset[str]
    issuer: re.Pattern[str]


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
    families: tuple[Family, ...]
    max_title: int
    run_in_ends: str
    sentence_ends: str
    appendix_titles: frozenset[str]
    inline_item: re.Pattern[str]
    inline_item_needs: re.Pattern[str] | None = None  # a paragraph it does not find holds no inline item
    tail_line_max: int = 80
    date_labels: frozenset[str] = frozenset()
    signed_date_labels: tuple[str, ...] = ()
    source_labels: frozenset[str] = frozenset()
    date_value: re.Pattern[str] = re.compile("(?!)")
    genres: re.Pattern[str] = re.compile("(?!)")
    wrap_min: int = 10
    front: Front | None = None
    item_ends: str = ""
    article: re.Pattern[str] = re.compile("(?!)")
    annex_label: re.Pattern[str] = re.compile("(?!)")
    note_titles: frozenset[str] = frozenset()
    note_entry: re.Pattern[str] = re.compile("(?!)")
    note_marker: re.Pattern[str] = re.compile("(?!)")
    issues: re.Pattern[str] = re.compile("(?!)")
    doc_number: re.Pattern[str] = re.compile("(?!)")
    doc_number_label: str = ""
    group_items: re.Pattern[str] = re.compile("(?!)")
    unnumbered_max: int = 30
    unnumbered_not: re.Pattern[str] = re.compile("(?!)")

    @cached_property
    def plain_chrome(self) -> tuple[ChromeRule, ...]:
        """The rules find_chrome applies: neither knowledge of title or body nor a place above the
        body needed (the lead's rules are applied by lead.py, which knows where the body starts)."""
        return tuple(rule for rule in self.chrome if rule.repeats is None and rule.where != "lead")

    @cached_property
    def lead_chrome(self) -> tuple[ChromeRule, ...]:
        return tuple(rule for rule in self.chrome if rule.where == "lead")

    @cached_property
    def repeat_chrome(self) -> tuple[ChromeRule, ...]:
        """The rules for lines that repeat the title or the body (find_repeats')."""
        return tuple(rule for rule in self.chrome if rule.repeats is not None)

    @cached_property
    def any_heading(self) -> re.Pattern[str]:
        """Matches a line's start when some family's pattern does: one regex pass rules out most
        paragraphs before the families are tried one by one (their group names made plain)."""
        plain = [re.sub(r"\(\?P<\w+>", "(?:", f.pattern.pattern) for f in self.families]
        return re.compile("|".join(f"(?:{p})" for p in plain) or "(?!)")

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
    title = header["title"]
    return Grammar(
        chrome=tuple(_chrome_rule(c, rule) for rule in _list(c, chrome, "rules")),
        end_markers=tuple(_full(c, p, chrome) for p in _list(c, chrome, "end_markers")),
        tail_line_max=int(chrome.get("tail_line_max", 80)),
        metadata_labels=frozenset(_list(h, header, "metadata_labels")),
        publisher_labels=frozenset(_list(h, header, "publisher_labels")),
        date_labels=frozenset(_list(h, header, "date_labels")),
        signed_date_labels=tuple(_list(h, header, "signed_date_labels")),
        source_labels=frozenset(_list(h, header, "source_labels")),
        date_value=_full(h, header["date_value"], header),
        doc_number=_full(h, header["doc_number"], header),
        doc_number_label=str(header["doc_number_label"]),
        datelines=tuple(_full(h, p, header) for p in _list(h, header, "datelines")),
        source_lines=tuple(_full(h, p, header) for p in _list(h, header, "source_lines")),
        title_max=int(title["max_length"]),
        title_not_ending=str(title["not_ending_with"]),
        genres=_compile(h, rf"(?:.*?){title['genres']}(?:\s*[（(][^（）()]{{1,20}}[)）])?\Z", title),
        wrap_min=int(title["wrap_min"]),
        front=_front(h, header["front"]),
        families=tuple(_family(n, raw) for raw in _list(n, numbering, "families")),
        max_title=int(numbering["max_title_length"]),
        run_in_ends=str(numbering["run_in_ends"]),
        sentence_ends=str(numbering["sentence_ends"]),
        item_ends=str(numbering["item_ends"]),
        article=_prefix(n, numbering["article"], numbering),
        annex_label=_full(n, numbering["annex_label"], numbering),
        appendix_titles=frozenset(_list(n, numbering, "appendix_titles")),
        note_titles=frozenset(_list(n, numbering, "note_titles")),
        note_entry=_prefix(n, numbering["note_entry"], numbering),
        note_marker=_compile(n, numbering["note_marker"], numbering),
        issues=_full(n, numbering["issues"], numbering),
        group_items=_prefix(n, numbering["group_items"], numbering),
        unnumbered_max=int(numbering["unnumbered_max"]),
        unnumbered_not=_compile(n, numbering["unnumbered_not"], numbering),
        inline_item=_compile(n, numbering["inline_item"], numbering),
        inline_item_needs=_needs(n, numbering),
    )


def _front(path: Path, raw: Any) -> Front:
    return Front(
        subtitles=tuple(_full(path, p, raw) for p in _list(path, raw, "subtitle")),
        subtitle_end=_full(path, raw["subtitle_end"], raw),
        speaker=_full(path, raw["speaker"], raw),
        name=_full(path, raw["name"], raw),
        not_names=frozenset(_list(path, raw, "not_names")),
        issuer=_full(path, raw["issuer"], raw),
    )


_FAMILY_KEYS = {"id", "rank", "pattern", "needs", "sequential", "run_in", "example"}


def _family(path: Path, raw: Any) -> Family:
    if not isinstance(raw, dict) or not {"id", "rank", "pattern"} <= set(raw):
        _fail(path, raw, "a numbering family needs `id`, `rank` and `pattern`", "see the field list at the top")
    unknown = set(raw) - _FAMILY_KEYS
    if unknown:
        _fail(path, raw, f"unknown field(s) {sorted(unknown)} in family {raw['id']!r}", f"use {sorted(_FAMILY_KEYS)}")
    pattern = _prefix(path, raw["pattern"], raw)
    if not {"number", "n"} <= set(pattern.groupindex):
        _fail(path, raw, f"family {raw['id']!r}: the pattern needs the groups `number` and `n`", "see numbering.yml")
    return Family(
        id=str(raw["id"]),
        rank=int(raw["rank"]),
        pattern=pattern,
        needs=_prefix(path, raw["needs"], raw) if raw.get("needs") else None,
        sequential=bool(raw.get("sequential", False)),
        run_in=bool(raw.get("run_in", False)),
    )


def _needs(path: Path, numbering: Any) -> re.Pattern[str] | None:
    needs = numbering.get("inline_item_needs")
    if needs is None:
        return None
    if not isinstance(needs, str) or not needs:
        hint = "write a regular expression, or leave it out"
        _fail(path, numbering, f"inline_item_needs {needs!r} is not a pattern", hint)
    return _compile(path, needs, numbering)


_RULE_KEYS = {
    *("id", "line", "then", "until", "through", "after_end", "repeats"),
    *("while", "where", "beside", "to_end", "trail", "example"),
}


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
    if raw.get("where", "any") not in ("any", "lead", "tail"):
        _fail(path, raw, f"rule {raw['id']!r}: where must be lead, tail or any", "write where: lead")
    if raw.get("beside") not in (None, "chrome"):
        _fail(path, raw, f"rule {raw['id']!r}: beside must be chrome", "write beside: chrome")
    return ChromeRule(
        id=str(raw["id"]),
        line=_full(path, raw["line"], raw),
        then=tuple(_full(path, p, raw) for p in raw.get("then", [])),
        until=_full(path, raw["until"], raw) if raw.get("until") else None,
        through_paragraph=raw.get("through") == "paragraph",
        after_end=bool(raw.get("after_end", False)),
        repeats=raw.get("repeats"),
        following=_full(path, raw["while"], raw) if raw.get("while") else None,
        where=str(raw.get("where", "any")),
        beside_chrome=raw.get("beside") == "chrome",
        to_end=bool(raw.get("to_end", False)),
        trail=_full(path, raw["trail"], raw) if raw.get("trail") else None,
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
