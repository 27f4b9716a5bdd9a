"""The catalogues: translations/<lang>/<slug>.po, one gettext PO file per report and language.

Read and written with polib, so any PO editor (Poedit, Weblate, Crowdin) opens them as they are.
Each entry is one unit (units.py): msgctxt = the unit's id, msgid = its zh-Hans text, msgstr =
the translation. `update` brings a catalogue in line with the report:

- a new unit gets an entry (a unit with no Chinese character in it, a code or a date, is its own
  translation; a unit whose text another entry already translates gets that as a fuzzy suggestion);
- a unit whose text changed keeps its translation, marked fuzzy, with the old text as `#| msgid`;
- an entry whose unit is gone becomes obsolete (`#~`) when it holds a translation, else it goes;
- an entry never changes its msgctxt: ids never move.

Translator comments (`# `) and the header fields a translator's tool adds are kept; the extracted
comments (`#.`) and references (`#:`) are the tool's and are rewritten each time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import ReportError
from .units import Unit

FOLDER = "translations"
LANG = "en"
FUZZY = "fuzzy"
WRAP = 78  # gettext's own line width: msgmerge and Poedit wrap the same way
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HINT = "open it in a PO editor (Poedit) or fix the line; `translations update` rewrites a valid file"


@dataclass(frozen=True)
class Entry:
    """A catalogue's entry for one unit, as the build reads it."""

    source: str  # the msgid: the zh-Hans text the translation was made for (or is to be made for)
    text: str  # the msgstr ("" when untranslated)
    fuzzy: bool
    comment: str  # the translator's comments
    line: int = 0  # where the entry starts in the file


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)  # source changed: the translation needs review
    obsolete: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)  # an obsolete entry whose unit is back

    def text(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in vars(self).items() if v]
        return ", ".join(parts) or "no change"


def catalogue_path(root: Path, slug: str, lang: str = LANG) -> Path:
    return root / FOLDER / lang / f"{slug}.po"


def read(path: Path, shown: str) -> polib.POFile:
    """A catalogue; a file polib cannot read, or one that breaks the layout, is a ReportError."""
    try:
        po = polib.pofile(str(path), wrapwidth=WRAP)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        line = re.search(r"line (\d+)", str(err))
        raise ReportError(shown, f"not a readable PO file: {err}", _HINT, int(line[1]) if line else None) from None
    seen: dict[str, int] = {}
    for e in po:
        if not e.msgctxt:
            hint = "every entry's msgctxt is its unit's id: run `translations update` rather than adding entries"
            raise ReportError(shown, f"entry {e.msgid[:20]!r}… has no msgctxt", hint, e.linenum)
        if not e.obsolete:
            if e.msgctxt in seen:
                hint = f"keep one of them (the first is at line {seen[e.msgctxt]})"
                raise ReportError(shown, f"two entries for unit {e.msgctxt!r}", hint, e.linenum)
            seen[e.msgctxt] = e.linenum
    return po


def entries(po: polib.POFile) -> dict[str, Entry]:
    """unit id -> its entry, for the live (not obsolete) entries."""
    return {
        e.msgctxt: Entry(e.msgid, e.msgstr, FUZZY in e.flags, e.tcomment or "", e.linenum or 0)
        for e in po
        if not e.obsolete
    }


def update(
    old: polib.POFile | None, units: list[Unit], slug: str, seed: str, comment_of: Callable[[Unit], str]
) -> tuple[polib.POFile, Changes]:
    """The catalogue for `units` (see the module's docstring); `seed` is the report's file, for the
    references; comment_of gives each unit's extracted comment (the glossary terms in it)."""
    changes = Changes()
    previous = list(old) if old is not None else []
    by_id = {e.msgctxt: e for e in previous}
    done = {e.msgid: e for e in previous if e.msgstr and not e.obsolete and FUZZY not in e.flags}
    po = polib.POFile(wrapwidth=WRAP)
    po.header = f"English translation of {slug}.\nMade and updated by `python -m build_tools translations update`."
    po.metadata = _metadata(old.metadata if old is not None else {}, slug)
    for unit in units:
        entry = by_id.pop(unit.id, None)
        if entry is None:
            entry = _new_entry(unit, done.get(unit.text))
            changes.added.append(unit.id)
        else:
            if entry.obsolete:
                entry.obsolete = False
                changes.revived.append(unit.id)
            if entry.msgid != unit.text:
                if entry.msgstr and FUZZY not in entry.flags:
                    entry.flags.append(FUZZY)
                    entry.previous_msgid = entry.msgid  # what the translation was made for
                    changes.fuzzy.append(unit.id)
                entry.msgid = unit.text
        entry.comment = comment_of(unit)
        entry.occurrences = [(seed, str(unit.line))] if unit.line else []
        po.append(entry)
    for entry in by_id.values():  # units gone from the report
        if entry.msgstr:
            if not entry.obsolete:
                changes.obsolete.append(entry.msgctxt)
            entry.obsolete, entry.comment, entry.occurrences = True, "", []
            po.append(entry)
    return po, changes


def _new_entry(unit: Unit, elsewhere: polib.POEntry | None) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=unit.id, msgid=unit.text, msgstr="")
    if elsewhere is not None:  # the same text under another id (a paragraph moved): a suggestion
        entry.msgstr, entry.flags = elsewhere.msgstr, [FUZZY]
        entry.previous_msgctxt, entry.previous_msgid = elsewhere.msgctxt, elsewhere.msgid
    elif not _HAN.search(unit.text):  # a code, a number or a date reads the same in English
        entry.msgstr = unit.text
    return entry


def _metadata(old: dict[str, str], slug: str) -> dict[str, str]:
    """The header: the layout's fields, and whatever else a translator's tool recorded."""
    fixed = {
        "Project-Id-Version": slug,
        "Language": LANG,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return {**{k: v for k, v in old.items() if k not in fixed}, **fixed}


def text_of(po: polib.POFile) -> str:
    return str(po) + ("" if str(po).endswith("\n") else "\n")
