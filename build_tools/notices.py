"""Notices of a build: the warnings where the converter was unsure (a title chosen without a genre
word, lines above the title removed as page chrome, no numbered heading, a heading level skipped, a
file of seeds/ not read). `outline` and `convert` print each as `path:line: warning: what` and a
hint; `convert --strict` turns them into errors. They are data: Report.warnings (parse) and
Built.warnings. (Named so as not to shadow the standard library's `warnings` in the package.)"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import seeds
from .errors import ReportError
from .model import Notice, Report

Warned = tuple[str, Notice]  # (the file's path as shown, the warning)


def of_reports(reports: Iterable[Report]) -> list[Warned]:
    return [(r.path, w) for r in reports for w in r.warnings]


def of_build(root: Path, reports: Iterable[Report]) -> list[Warned]:
    """A build's warnings: the files of seeds/ it does not read, then each report's."""
    return seeds.unread_files(root) + of_reports(reports)


def text(found: Warned) -> str:
    path, w = found
    where = f"{path}:{w.line}" if w.line else path
    return f"{where}: warning: {w.message}" + (f"\n  hint: {w.hint}" if w.hint else "")


class StrictError(ReportError):
    """--strict and warnings: the first is the error; `found` holds them all, to print."""

    def __init__(self, found: list[Warned]) -> None:
        path, w = found[0]
        more = f" (and {len(found) - 1} more warning(s))" if len(found) > 1 else ""
        hint = (w.hint + "; " if w.hint else "") + "without --strict, warnings do not stop the build"
        super().__init__(path, f"{w.message}{more}", hint, w.line or None)
        self.found = found


def strict(found: list[Warned]) -> None:
    """--strict: any warning stops the build, before anything is written."""
    if found:
        raise StrictError(found)
