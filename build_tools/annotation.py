"""Glossary links and cited documents, on each variant after conversion (never before): the
glossary a report's terms come from (the shared seeds/glossary.yml and the report's own
seeds/<name>.glossary.yml), and the union of them all that the glossary page lists."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import reduce
from pathlib import Path

from . import citations, identity
from .configs import REVERSE, config_for, project_converter
from .conversion import Converted
from .errors import ReportError
from .glossary import Glossary, link_report, load_glossary, merge, terms_for
from .model import Report
from .seeds import GLOSSARY


@dataclass(frozen=True)
class Annotated:
    reports: list[Converted]  # each report's variants with their glossary links and cited documents
    glossaries: dict[str, Glossary]  # slug -> the report's glossary (the shared one and its own entries)
    glossary: Glossary  # every entry once: the glossary page's


def annotate_all(
    root: Path, shared: Glossary, converted: list[Converted], site: dict[str, dict[str, str]]
) -> Annotated:
    """Every report annotated with its own glossary; `shared`: seeds/glossary.yml (shared_glossary)."""
    glossaries = [_with_report_terms(shared, c.seed, root) for c in converted]
    reports = [replace(c, variants=annotate(c.variants, g, site)) for c, g in zip(converted, glossaries, strict=True)]
    glossary = reduce(_union, glossaries, shared)
    by_slug = {c.variants["zh-Hans"].slug: g for c, g in zip(reports, glossaries, strict=True)}
    return Annotated(reports, by_slug, glossary)


def annotate(
    variants: dict[str, Report], gloss: Glossary, site: dict[str, dict[str, str]] | None = None
) -> dict[str, Report]:
    """Glossary links and cited documents, on each variant after conversion (never before); the
    site's default publisher (site.yml) where the report names none."""
    out = {}
    for lang, report in variants.items():
        report = identity.with_default_publisher(report, (site or {}).get(lang, {}).get("publisher"))
        settings = report.settings
        hant = config_for(report) if lang != "zh-Hans" else None  # s2tw (or the report's), s2hk for zh-HK
        to_hant = project_converter(hant, settings) if hant else None
        to_hans = project_converter(REVERSE[hant], settings) if hant else None
        linked = link_report(report, terms_for(gloss, to_hant), gloss.scope)
        out[lang] = citations.cite(linked, citations.kinds(), to_hans)
    return out


def paragraph_texts(report: Report) -> list[str]:
    """The text of every paragraph and table cell, in order (for the glossary tools)."""
    return [text for _, text in citations.block_texts(report)]


def shared_glossary(root: Path) -> Glossary:
    """seeds/glossary.yml (an empty one when there is none)."""
    path = root / "seeds" / GLOSSARY
    if not path.exists():
        return Glossary(str(path), "section", ())
    return load_glossary(path, str(path.relative_to(root)))


def report_glossary(root: Path, seed: Path) -> Glossary:
    """The glossary a report's terms come from: the shared one and the report's own entries."""
    return _with_report_terms(shared_glossary(root), seed, root)


def _with_report_terms(shared: Glossary, seed: Path, root: Path) -> Glossary:
    """The shared glossary plus the report's own entries in seeds/<name>.glossary.yml, if any."""
    path = seed.with_suffix(".glossary.yml")
    if not path.exists():
        return shared
    return merge(shared, load_glossary(path, str(path.relative_to(root))))


def _union(a: Glossary, b: Glossary) -> Glossary:
    """Every entry once: the glossary page lists the shared entries and each report's own."""
    known = {e.id: e for e in a.entries}
    for e in b.entries:
        if e.id in known and e is not known[e.id] and replace(e, line=0) != replace(known[e.id], line=0):
            raise ReportError(b.path, f"entry {e.id!r} is defined differently by two reports", "rename one", e.line)
    return Glossary(a.path, a.scope, a.entries + tuple(e for e in b.entries if e.id not in known))
