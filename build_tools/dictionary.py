"""The project's conversion dictionary, locks and accepted review choices, read from data files.

Three kinds of phrase -> form pairs, all per OpenCC config (the target):
- entries (data/conversion.yml, `conversion:` in a report's settings): fix a one-to-many choice;
- locks (data/locks.yml, `locks:` in a report's settings): names and titles recorded in every
  variant; each lock becomes an entry for every config, in both directions;
- accepted (data/accepted.yml, `accepted:` in settings): choices an editor checked; they change
  nothing in the conversion, they only stop the review list from flagging that choice.
Entries and locks reach OpenCC through converter.py; nothing here imports opencc. Each form is
checked character by character against OpenCC's own table, so a typo or a character left
unconverted in a recorded form is an error at its file:line, not a silent wrong name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from . import risk, yamlfile
from .converter import allowed_forms
from .errors import ReportError
from .model import Phrase, Settings

DATA = Path(__file__).parent / "data"
# The configs a dictionary may name: what a report may be converted with (never s2twp/s2hkp).
CONFIGS = ("s2tw", "s2hk", "s2t", "tw2s", "hk2s", "t2s")
# Which recorded form of a lock each config reads and writes.
LOCK_SIDES = {
    "s2tw": ("zh-Hans", "zh-Hant"),
    "s2t": ("zh-Hans", "zh-Hant"),
    "s2hk": ("zh-Hans", "zh-HK"),
    "tw2s": ("zh-Hant", "zh-Hans"),
    "t2s": ("zh-Hant", "zh-Hans"),
    "hk2s": ("zh-HK", "zh-Hans"),
}
LOCK_KEYS = ("zh-Hans", "zh-Hant", "zh-HK")
# A lock's zh-Hant form is written in Taiwan standard forms; s2t/t2s (OpenCC's own forms) take it as is.
_CHECK_WITH = {"s2t": ("s2t", "s2tw"), "t2s": ("t2s", "tw2s")}


def read_table(raw: Any, path: str, kind: str, line: int | None = None) -> tuple[Phrase, ...]:
    """`config: {phrase: form}` (conversion.yml, accepted.yml, or a settings section)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ReportError(path, "expected a mapping of config: {phrase: form}", _TABLE_HINT, line)
    out: list[Phrase] = []
    for config, table in raw.items():
        at = yamlfile.key_line(raw, config) or line
        if config not in CONFIGS:
            raise ReportError(path, f"unknown target config {config!r}", f"use one of {', '.join(CONFIGS)}", at)
        if table is None:
            continue
        if not isinstance(table, dict):
            raise ReportError(path, f"{config}: expected a mapping of phrase: form", _TABLE_HINT, at)
        for phrase, form in table.items():
            where = yamlfile.key_line(table, phrase) or at
            out.append(_phrase(config, phrase, form, kind, path, where))
            if kind == "accepted" and phrase in risk.rules().senses:
                message = f"{config}: the sense of {phrase} depends on the sentence; it is not accepted alone"
                hint = f"accept it with a neighbouring word, as the review list shows it (e.g. {phrase}规划)"
                raise ReportError(path, message, hint, where)
    return tuple(out)


def read_locks(raw: Any, path: str, line: int | None = None) -> tuple[Phrase, ...]:
    """A list of `{zh-Hans: …, zh-Hant: …, zh-HK: …}` (zh-HK defaults to the zh-Hant form)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ReportError(path, "locks must be a list of {zh-Hans: …, zh-Hant: …}", _LOCK_HINT, line)
    out: list[Phrase] = []
    for lock in raw:
        if not isinstance(lock, dict):
            raise ReportError(path, f"a lock must be a mapping, not {lock!r}", _LOCK_HINT, line)
        where = yamlfile.line_of(lock) or line
        for key in lock:
            if key not in LOCK_KEYS:
                hint = f"use the keys {', '.join(LOCK_KEYS)}"
                raise ReportError(path, f"unknown variant {key!r} in a lock", hint, yamlfile.key_line(lock, key))
        for key in ("zh-Hans", "zh-Hant"):
            if key not in lock:
                raise ReportError(path, f"this lock has no {key} form", _LOCK_HINT, where)
        forms = {"zh-Hans": lock["zh-Hans"], "zh-Hant": lock["zh-Hant"], "zh-HK": lock.get("zh-HK", lock["zh-Hant"])}
        for config, (source, target) in LOCK_SIDES.items():
            out.append(_phrase(config, forms[source], forms[target], "lock", path, where))
    return tuple(out)


def merge(layers: list[tuple[Phrase, ...]], config: str) -> dict[str, Phrase]:
    """One config's entries and locks, phrase -> Phrase. Later layers (a report's own) may
    override an earlier entry, but never a lock, and nothing may say two things in one layer."""
    merged: dict[str, Phrase] = {}
    for layer in layers:
        seen: dict[str, Phrase] = {}
        for p in (p for p in layer if p.config == config):
            old = seen.get(p.phrase) or merged.get(p.phrase)
            if old and old.form != p.form and (p.phrase in seen or "lock" in (old.kind, p.kind)):
                path, _, line = p.origin.rpartition(":")
                message = f"{config}: {p.phrase} -> {p.form} contradicts {old.phrase} -> {old.form} at {old.origin}"
                raise ReportError(path, message, "keep one form (a lock is the recorded form of a name)", int(line))
            seen[p.phrase] = p
            if not (old and old.kind == "lock"):
                merged[p.phrase] = p
    return merged


def entries(config: str, settings: Settings) -> dict[str, Phrase]:
    """Everything that decides a conversion with `config` for this report."""
    return _entries(config, settings.phrases)


def _entries(config: str, own: tuple[Phrase, ...]) -> dict[str, Phrase]:
    return merge([shared_phrases(), own], config)


def pairs(config: str, settings: Settings) -> tuple[tuple[str, str], ...]:
    """The entries as OpenCC needs them: sorted (phrase, form) pairs, hashable for caching."""
    return _pairs(config, settings.phrases, _stamp("conversion.yml"), _stamp("locks.yml"))


@cache  # asked for each report and variant; the report's own phrases and the files' stamps decide it
def _pairs(config: str, own: tuple[Phrase, ...], *_stamps: int) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((p.phrase, p.form) for p in _entries(config, own).values()))


def accepted(config: str, settings: Settings) -> tuple[Phrase, ...]:
    return tuple(p for p in (*shared_accepted(), *settings.accepted) if p.config == config)


def shared_phrases() -> tuple[Phrase, ...]:
    return _shared_phrases(_stamp("conversion.yml"), _stamp("locks.yml"))


def shared_accepted() -> tuple[Phrase, ...]:
    return _shared_accepted(_stamp("accepted.yml"))


@cache
def _shared_phrases(*_stamps: int) -> tuple[Phrase, ...]:
    return load_table(DATA / "conversion.yml", "entry") + load_locks(DATA / "locks.yml")


@cache
def _shared_accepted(*_stamps: int) -> tuple[Phrase, ...]:
    return load_table(DATA / "accepted.yml", "accepted")


def _stamp(name: str) -> int:
    """Read again when the file changes (`mkdocs serve` keeps one process across rebuilds)."""
    path = DATA / name
    return path.stat().st_mtime_ns if path.exists() else 0  # a missing file: load() says so


def load_table(path: Path, kind: str) -> tuple[Phrase, ...]:
    return read_table(yamlfile.load(path), _shown(path), kind, 1)


def load_locks(path: Path) -> tuple[Phrase, ...]:
    raw = yamlfile.load(path)
    if isinstance(raw, dict):
        raw = raw.get("locks")
    return read_locks(raw, _shown(path), 1)


def _phrase(config: str, phrase: Any, form: Any, kind: str, path: str, line: int | None) -> Phrase:
    for value in (phrase, form):
        if not isinstance(value, str) or not value:
            raise ReportError(
                path, f"{config}: {value!r} is not a phrase", "write phrases as text, quoted if need be", line
            )
        if value != value.strip() or any(ch.isspace() and ch != " " for ch in value):
            hint = "remove the surrounding spaces, tabs or line breaks (a phrase is one line of text)"
            raise ReportError(path, f"{config}: {value!r} has a tab, line break or surrounding space", hint, line)
    if len(phrase) != len(form):
        hint = "conversion is character for character: give the form with as many characters as the phrase"
        raise ReportError(path, f"{config}: {phrase} -> {form} changes the length", hint, line)
    for a, b in zip(phrase, form, strict=True):
        allowed = frozenset().union(*(allowed_forms(c, a) for c in _CHECK_WITH.get(config, (config,))))
        if b not in allowed:
            hint = "check the form for a typo or a character left unconverted"
            options = " ".join(sorted(allowed))
            raise ReportError(path, f"{config}: {phrase} -> {form}: {a} cannot become {b} (only {options})", hint, line)
    return Phrase(config, phrase, form, kind, f"{path}:{line or 1}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


_TABLE_HINT = "write e.g.\n  s2tw:\n    发布: 發布"
_LOCK_HINT = "write e.g.\n  - {zh-Hans: 镇海区, zh-Hant: 鎮海區}"
