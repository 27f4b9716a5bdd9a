"""The glossary: schema of seeds/glossary.yml, its terms per script, and term matching.

Matching runs on converted paragraphs (after variants.to_variant), never before: OpenCC must
see whole paragraphs, so the glossary's forms are converted instead of the report's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import ReportError
from .model import Block, Paragraph, Report, Section, Term, TermRef

Convert = Callable[[str], str]
OPEN, CLOSE = "“", "”"
SCOPES = ("section", "page", "all")  # link the first occurrence per section, per page, or every one
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_CJK = re.compile(r"[\u3400-\u9fff]")
_TITLE = re.compile(r"《[^《》]*》")  # a cited title is a proper name: no term links inside it
_PINYIN = re.compile(r"[a-z]+[1-5](?: [a-z]+[1-5])*\Z")
_REQUIRED = ("id", "zh-Hans", "en", "explain", "explain-en")
_OPTIONAL = ("zh-Hant", "forms", "note", "note-en", "pinyin", "en-alternatives")
_HINT = "see the comment at the top of seeds/glossary.yml for the fields of an entry"


@dataclass(frozen=True)
class Entry:
    """One entry as written in the data file (zh-Hans), with the line it starts on."""

    id: str
    term: str
    term_hant: str | None
    forms: tuple[str, ...]
    english: str
    explanation: str
    explanation_en: str
    note: str | None
    note_en: str | None
    pinyin: str | None
    line: int
    english_alternatives: tuple[str, ...] = ()  # other right renderings (the translations' term check)


@dataclass(frozen=True)
class Glossary:
    path: str
    scope: str
    entries: tuple[Entry, ...]


def load_glossary(path: Path, shown: str | None = None) -> Glossary:
    shown = shown or str(path)
    raw = yamlfile.load(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise ReportError(shown, "the glossary must be a mapping with a list `terms:`", _HINT, 1)
    for key in raw:
        if key not in ("terms", "link"):
            raise ReportError(shown, f"unknown top-level field {key!r}", "use `link:` and `terms:`", raw.line)
    scope = str(raw.get("link", "section"))
    if scope not in SCOPES:
        raise ReportError(shown, f"link: {scope!r} is not one of {', '.join(SCOPES)}", _HINT, raw.line)
    entries = tuple(_entry(item, shown, raw.line) for item in raw["terms"])
    _check_unique(entries, shown)
    return Glossary(shown, scope, entries)


def _entry(raw: Any, path: str, parent_line: int) -> Entry:
    line = yamlfile.line_of(raw) or parent_line
    if not isinstance(raw, dict):
        raise ReportError(path, "a glossary entry must be a mapping of field: value", _HINT, parent_line)
    for key in raw:
        if key not in _REQUIRED + _OPTIONAL:
            raise ReportError(path, f"unknown field {key!r} in entry {raw.get('id')!r}", _HINT, line)
    for key in _REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ReportError(path, f"entry {raw.get('id')!r} needs `{key}:` (a non-empty text)", _HINT, line)
    for key in ("zh-Hant", "note", "note-en"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            raise ReportError(path, f"`{key}:` of entry {raw['id']!r} must be a non-empty text", _HINT, line)
    if not _ID.match(raw["id"]):
        raise ReportError(path, f"id {raw['id']!r} is not lower-case ASCII words joined by -", _HINT, line)
    forms = raw.get("forms", [raw["zh-Hans"]])
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) for f in forms):
        raise ReportError(path, f"`forms:` of entry {raw['id']!r} must be a list of texts", _HINT, line)
    for form in [raw["zh-Hans"], *forms]:
        if not _CJK.search(form) or form != form.strip() or (OPEN in _bare(form) or CLOSE in _bare(form)):
            raise ReportError(
                path,
                f"form {form!r} of entry {raw['id']!r} is not a Chinese term",
                "write the term itself, or “term” to match it only inside quotation marks",
                line,
            )
    return Entry(
        id=raw["id"],
        term=raw["zh-Hans"],
        term_hant=raw.get("zh-Hant"),
        forms=tuple(forms),
        english=raw["en"].strip(),
        explanation=raw["explain"].strip(),
        explanation_en=raw["explain-en"].strip(),
        note=raw.get("note"),
        note_en=raw.get("note-en"),
        pinyin=_pinyin(raw, path, line),
        line=line,
        english_alternatives=_alternatives(raw, path, line),
    )


def _alternatives(raw: dict[str, Any], path: str, line: int) -> tuple[str, ...]:
    """Other renderings a translation may use for the term (`en` stays the one shown)."""
    value = raw.get("en-alternatives", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        hint = "write a list of English renderings: `en-alternatives: [major decisions]`"
        raise ReportError(path, f"`en-alternatives:` of entry {raw['id']!r} must be a list of texts", hint, line)
    return tuple(v.strip() for v in value)


def _pinyin(raw: dict[str, Any], path: str, line: int) -> str | None:
    """An optional reading, for where the library reads a character wrongly (长三角: chang2 …)."""
    value = raw.get("pinyin")
    if value is None:
        return None
    count = len(_CJK.findall(raw["zh-Hans"]))
    if not isinstance(value, str) or not _PINYIN.match(value) or len(value.split()) != count:
        raise ReportError(
            path,
            f"pinyin {value!r} of entry {raw['id']!r} is not {count} tone-numbered syllables",
            "write one syllable per character, tone as a digit, ü as v: `pinyin: chang2 san1 jiao3`",
            line,
        )
    return value


def _check_unique(entries: tuple[Entry, ...], path: str) -> None:
    ids: dict[str, int] = {}
    forms: dict[str, str] = {}
    for e in entries:
        if e.id in ids:
            raise ReportError(path, f"id {e.id!r} is used twice (first at line {ids[e.id]})", _HINT, e.line)
        ids[e.id] = e.line
        for form in e.forms:
            if _bare(form) in forms:
                other = forms[_bare(form)]
                raise ReportError(path, f"form {form!r} names both {other!r} and {e.id!r}", "keep it in one", e.line)
            forms[_bare(form)] = e.id


def merge(base: Glossary, extra: Glossary) -> Glossary:
    """A report's own entries (seeds/<name>.glossary.yml) added to the shared glossary."""
    entries = base.entries + extra.entries
    _check_unique(entries, extra.path)  # a clash is reported at the added entry's line
    return Glossary(base.path, base.scope, entries)


def bare_forms(glossary: Glossary) -> set[str]:
    return {_bare(f) for e in glossary.entries for f in e.forms} | {e.term for e in glossary.entries}


@lru_cache(maxsize=32)  # once per conversion, not once a report: reports share their converter
def terms_for(glossary: Glossary, convert: Convert | None) -> tuple[Term, ...]:
    """The glossary in one script: zh-Hans as written, or converted (None: as written)."""
    return tuple(_term(e, convert) for e in glossary.entries)


def _term(e: Entry, convert: Convert | None) -> Term:
    if convert is None:
        return Term(e.id, e.term, e.forms, e.english, e.explanation, e.explanation_en, e.note, e.note_en)
    head = e.term_hant or convert(e.term)
    forms = tuple(_convert_form(f, e.term, head, convert) for f in e.forms)
    note = convert(e.note) if e.note else None
    return Term(e.id, head, forms, e.english, convert(e.explanation), e.explanation_en, note, e.note_en)


def _convert_form(form: str, term: str, head: str, convert: Convert) -> str:
    bare = _bare(form)
    converted = head if bare == term else convert(bare)
    return f"{OPEN}{converted}{CLOSE}" if bare != form else converted


def _bare(form: str) -> str:
    """A form written “X” matches X only between quotation marks; the link covers X."""
    if len(form) > 2 and form.startswith(OPEN) and form.endswith(CLOSE):
        return form[1:-1]
    return form


def find_terms(text: str, terms: tuple[Term, ...], protected: list[tuple[int, int]]) -> list[tuple[int, int, Term]]:
    """Occurrences of terms in one paragraph: longest form first, never overlapping each other
    or a protected range (an enumeration marker, a cited title)."""
    return _find(text, longest_first(terms), protected)


Form = tuple[str, bool, Term]  # the bare form, whether it counts only between quotation marks, its term


def longest_first(terms: tuple[Term, ...]) -> list[Form]:
    """Every form of the terms, longest first (sorted once a report, not once a paragraph)."""
    forms = sorted(((f, t) for t in terms for f in t.forms), key=lambda ft: -len(_bare(ft[0])))
    return [(_bare(form), _bare(form) != form, term) for form, term in forms]


def _find(text: str, forms: list[Form], protected: list[tuple[int, int]]) -> list[tuple[int, int, Term]]:
    taken = list(protected)
    found = []
    for bare, quoted, term in forms:
        if bare not in text:  # most forms are not in a given paragraph
            continue
        for start, end in _occurrences(text, bare, quoted):
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
                found.append((start, end, term))
    return sorted(found, key=lambda m: m[0])


def _occurrences(text: str, bare: str, quoted: bool) -> Iterator[tuple[int, int]]:
    at = text.find(bare)
    while at != -1:
        end = at + len(bare)
        if not quoted or (text[at - 1 : at] == OPEN and text[end : end + 1] == CLOSE):
            yield at, end
        at = text.find(bare, at + 1)


def protected_ranges(p: Paragraph) -> list[tuple[int, int]]:
    ranges = [(i.offset, i.offset + len(i.marker)) for i in p.items]
    return ranges + [m.span() for m in _TITLE.finditer(p.text)]


def link_report(report: Report, terms: tuple[Term, ...], scope: str = "section") -> Report:
    """Every paragraph with its term occurrences; the first per scope (or all) is `linked`."""
    seen: set[tuple[str, str]] = set()
    forms = longest_first(terms)

    def block(b: Block, key: str) -> Block:
        if not isinstance(b, Paragraph):
            return b  # tables are left unlinked: their cells are data, often numbers
        refs = []
        for start, end, term in _find(b.text, forms, protected_ranges(b)):
            mark = (key, term.id) if scope != "all" else (b.id, str(start))
            refs.append(TermRef(start, end, term, mark not in seen))
            seen.add(mark)
        return replace(b, terms=tuple(refs))

    def section(s: Section, page: str) -> Section:
        key = page if scope == "page" else s.id
        blocks = tuple(block(b, key) for b in s.blocks)
        return replace(s, blocks=blocks, children=tuple(section(c, page) for c in s.children))

    preamble = tuple(block(b, "preamble") for b in report.preamble)
    return replace(report, preamble=preamble, sections=tuple(section(s, s.id) for s in report.sections))


def one_line(text: str) -> str:
    """The first sentence of an explanation, for a tooltip."""
    for stop in ("。", ". "):
        if stop in text:
            return text[: text.index(stop) + len(stop)].strip()
    return text
