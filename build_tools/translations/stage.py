"""The build's translation stage: every report with a catalogue in English (docs/en/), the status
line of its index page in every variant, and the translators' review list (build/review/).

A report without a catalogue has no English page and nothing links to one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..glossary import Glossary
from ..model import Report
from . import catalogue, render, terms
from .english import LANG, English, english
from .status import FUZZY, STATES, UNTRANSLATED


@dataclass(frozen=True)
class Layer:
    englishes: tuple[English, ...]  # in the home page's order
    files: dict[str, str]  # docs-relative path -> Markdown (en/…)
    nav: list[Any]
    review: dict[str, str]  # build/review/ file -> text

    @property
    def reports(self) -> list[Report]:
        """The reports in English, in the home page's order."""
        return [e.report for e in self.englishes]

    def note(self, report: Report, ui: dict[str, Any]) -> str:
        """The English status line of a report's index page in a Chinese variant ("" without a catalogue)."""
        e = next((e for e in self.englishes if e.report.slug == report.slug), None)
        return render.status_note(e.status, report.lang, ui, report.slug) if e else ""


def layer(root: Path, reports: list[Report], glossaries: dict[str, Glossary], ui: dict[str, Any]) -> Layer:
    """`reports`: the zh-Hans reports in home-page order; `glossaries`: each one's, by slug."""
    englishes = []
    for report in reports:
        path = catalogue.catalogue_path(root, report.slug)
        if path.is_file():
            shown = str(path.relative_to(root))
            entries = catalogue.entries(catalogue.read(path, shown))
            misses = terms.misses(entries, glossaries[report.slug])
            englishes.append(english(report, entries, misses, shown))
    files = {f"{LANG}/index.md": render.home(englishes, ui)}
    review: dict[str, str] = {}
    for e in englishes:
        files.update({f"{LANG}/{rel}": text for rel, text in render.report_pages(e, ui).items()})
        review[f"{e.report.slug}.{LANG}.md"] = review_text(e)
        review[f"{e.report.slug}.{LANG}.json"] = review_json(e)
    return Layer(tuple(englishes), files, render.nav(englishes, ui), review)


def complete(root: Path, reports: list[Report]) -> list[Report]:
    """The reports whose translation is complete (nothing untranslated or fuzzy), in English: what
    the English PDFs print."""
    out = []
    for report in reports:
        path = catalogue.catalogue_path(root, report.slug)
        if path.is_file():
            shown = str(path.relative_to(root))
            e = english(report, catalogue.entries(catalogue.read(path, shown)), [], shown)
            out += [e.report] if e.status.complete else []
    return out


def _units_in(e: English, state: str) -> list[str]:
    return [unit for unit, s in e.states.items() if s == state]


def review_text(e: English) -> str:
    """The translator's work list: units to review, units to translate, term-check misses."""
    s = e.status
    lines = [f"# English: {e.report.slug} ({e.catalogue})", ""]
    lines.append(", ".join(f"{s.units[k]} {k} ({s.chars[k]:,} characters)" for k in STATES))
    for title, state in (("Needs review (fuzzy)", FUZZY), ("Not yet translated", UNTRANSLATED)):
        units = _units_in(e, state)
        lines += ["", f"## {title}: {len(units)}", "", *(f"- {u}" for u in units)]
    lines += ["", f"## Term-check misses: {len(e.misses)}", ""]
    lines += [f"- {terms.miss_line(e.catalogue, m)}" for m in e.misses]
    if e.misses:
        lines += ["", terms.JUSTIFY_HINT]
    return "\n".join(lines) + "\n"


def review_json(e: English) -> str:
    data = {
        "slug": e.report.slug,
        "catalogue": e.catalogue,
        "units": e.status.units,
        "characters": e.status.chars,
        "fuzzy": _units_in(e, FUZZY),
        "untranslated": _units_in(e, UNTRANSLATED),
        "term_misses": [
            {"unit": m.unit, "line": m.line, "term": m.term.term, "id": m.term.id, "rendering": m.term.english}
            for m in e.misses
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
