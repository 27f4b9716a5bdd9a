"""`python -m build_tools translations update | status`: the translator's commands.

update: make or refresh the catalogue of each named report (all existing catalogues when none is
named); status: how far each catalogue is, and with --terms the units that miss a glossary term.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..annotation import report_glossary
from ..cache import CACHE, ConversionCache
from ..conversion import convert_file
from ..errors import ReportError
from ..glossary import Glossary
from ..model import Report
from ..seeds import report_files
from ..sitefiles import write_if_changed
from . import catalogue, terms
from .status import Status, line, status
from .units import Unit, units


@dataclass(frozen=True)
class Catalogue:
    """One report and its catalogue (the file may not exist yet)."""

    report: Report  # zh-Hans
    seed: str  # the seed's path, relative to the project
    path: Path
    shown: str  # the catalogue's path, relative to the project
    glossary: Glossary

    def units(self) -> list[Unit]:
        return units(self.report)


def catalogues(root: Path, names: list[str] | None = None) -> list[Catalogue]:
    """The named reports (seeds/NAME.txt, or a slug), or every report with a catalogue."""
    root = root.resolve()
    store = ConversionCache(root / CACHE)
    found: list[Catalogue] = []
    for seed in report_files(root / "seeds"):
        report = convert_file(seed, root, store)["zh-Hans"]
        path = catalogue.catalogue_path(root, report.slug)
        if names is None and not path.is_file():
            continue
        if names is not None and not {seed.stem, report.slug, str(seed.relative_to(root))} & set(names):
            continue
        gloss = report_glossary(root, seed)
        found.append(Catalogue(report, str(seed.relative_to(root)), path, str(path.relative_to(root)), gloss))
    store.commit()
    missing = set(names or ()) - {n for c in found for n in (c.report.slug, Path(c.seed).stem, c.seed)}
    if missing:
        name = sorted(missing)[0]
        raise ReportError(name, "no such report in seeds/", "name a report by its slug or its seeds/NAME.txt")
    return found


def update(root: Path, names: list[str] | None) -> list[str]:
    """Make or refresh catalogues; one line per catalogue saying what changed."""
    out = []
    found = catalogues(root, names)
    if names is None and not found:
        slugs = ", ".join(p.stem for p in report_files(root / "seeds"))
        folder = f"{catalogue.FOLDER}/{catalogue.LANG}/"
        return [f"no catalogue in {folder} yet: start one with `translations update NAME` ({slugs})"]
    for c in found:
        old = catalogue.read(c.path, c.shown) if c.path.is_file() else None
        hint = partial(terms.hint, c.glossary)
        po, changes = catalogue.update(old, c.units(), c.report.slug, c.seed, lambda u, hint=hint: hint(u.text))
        write_if_changed(c.path, catalogue.text_of(po))
        out.append(f"{c.shown}: {'created, ' if old is None else ''}{changes.text()}")
    return out


def statuses(root: Path) -> list[tuple[Catalogue, Status, list[terms.Miss]]]:
    rows = []
    for c in catalogues(root):
        entries = catalogue.entries(catalogue.read(c.path, c.shown))
        rows.append((c, status(c.units(), entries), terms.misses(entries, c.glossary)))
    return rows


def print_status(root: Path, with_terms: bool) -> int:
    """The status table (and the term misses); exit status 1 when --terms finds a miss."""
    rows = statuses(root)
    if not rows:
        print(f"no catalogue in {catalogue.FOLDER}/{catalogue.LANG}/: start one with `translations update NAME`")
        return 0
    for c, s, _ in rows:
        print(line(c.shown, s))
    if not with_terms:
        return 0
    count = 0
    for c, _, found in rows:
        for miss in found:
            count += 1
            print(terms.miss_line(c.shown, miss))
    print(f"{count} term miss(es)" + ("" if not count else f"; {terms.JUSTIFY_HINT}"))
    return 1 if count else 0
