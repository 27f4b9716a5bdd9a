"""How far a translation is: each unit translated, fuzzy (needs review) or untranslated.

A unit is fuzzy when its entry says so, and also when the entry's msgid is no longer the unit's
text (the report changed and `translations update` has not run since): a translation never
silently goes stale. Characters are counted in the Chinese source, as a translator's quote is.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Entry
from .units import Unit

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
STATES = (TRANSLATED, FUZZY, UNTRANSLATED)


def state(unit: Unit, entries: dict[str, Entry]) -> str:
    entry = entries.get(unit.id)
    if entry is None or not entry.text:
        return UNTRANSLATED
    if entry.fuzzy or entry.source != unit.text:
        return FUZZY
    return TRANSLATED


@dataclass(frozen=True)
class Status:
    units: dict[str, int]  # state -> units
    chars: dict[str, int]  # state -> characters of their Chinese

    @property
    def total(self) -> int:
        return sum(self.units.values())

    @property
    def complete(self) -> bool:
        return self.units[TRANSLATED] == self.total


def status(units: list[Unit], entries: dict[str, Entry]) -> Status:
    counts = dict.fromkeys(STATES, 0)
    chars = dict.fromkeys(STATES, 0)
    for unit in units:
        s = state(unit, entries)
        counts[s] += 1
        chars[s] += len(unit.text)
    return Status(counts, chars)


def line(name: str, s: Status) -> str:
    """One catalogue's figures on one line, as sphinx-intl stat prints them, with characters."""
    units = ", ".join(f"{s.units[k]} {k}" for k in STATES)
    chars = ", ".join(f"{s.chars[k]:,} {k}" for k in STATES)
    done = 100 * s.units[TRANSLATED] // s.total if s.total else 100
    return f"{name}: {s.total} units: {units}; characters: {chars} ({done} % translated)"
