"""No entry of build_tools/data/conversion.yml changes anything in the corpus but what a person
judged right: every change the entries make is listed, under the entry, in
tests/cases/conversion_changes.yml.

Every line of every Simplified file of ../shared/corpus (provincial-2026 included) and of the seed
is converted with and without the shared entries (locks and the seed's own settings in both), for
each config the entries are written for. Each changed character is put down to the entry whose
match starts the change: the last entry OpenCC matched at or before it in the line (before the
first entry the two conversions read the line alike; an entry can change the reading of what
follows it). The changes are grouped by that entry and by the word in context (the changed
characters and the entry's match, widened to jieba's word boundaries). A change not listed fails
(an entry changed another word: narrow it, or judge the change and list it); a listed change that
no longer happens fails too (the list must stay the reference). `UPDATE_CHANGES=1 make test`
rewrites the list from what it finds: read the diff, word by word, before committing it.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS, SEED

from build_tools import dictionary, words, yamlfile
from build_tools.converter import converter
from build_tools.model import Settings
from build_tools.settings import load_settings
from build_tools.trace import PROJECT, Tracer, tracer
from build_tools.variants import detect_script

CHANGES = Path(__file__).parent / "cases" / "conversion_changes.yml"
Change = tuple[str, str, str]  # (word in context, OpenCC's text, the text with the entries)


def _sources() -> list[tuple[str, Settings, list[str]]]:
    """(name, settings, lines) of every Simplified corpus file and of the seed."""
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    out = [(SEED.name, load_settings(SEED), SEED.read_text(encoding="utf-8").split("\n"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if detect_script(text, converter("t2s"), converter("s2t")) == "zh-Hans":
            out.append((str(path.relative_to(CORPUS)), Settings(slug="corpus"), text.split("\n")))
    return out


def _configs() -> list[str]:
    return sorted({p.config for p in dictionary.shared_phrases() if p.kind == "entry"})


@cache
def found(config: str) -> dict[str, Counter[Change]]:
    """entry phrase -> the changes it makes over the corpus, counted."""
    entries = {p.phrase for p in dictionary.shared_phrases() if p.kind == "entry" and p.config == config}
    locks = tuple(p for p in dictionary.shared_phrases() if p.kind == "lock")
    out: dict[str, Counter[Change]] = {}
    for _, settings, lines in _sources():
        base = dictionary.merge([locks, settings.phrases], config)
        without = converter(config, tuple(sorted((p.phrase, p.form) for p in base.values())))
        pairs = dictionary.pairs(config, settings)
        with_entries, walk = converter(config, pairs), tracer(config, pairs)
        for line, before, after in zip(lines, without.many(lines), with_entries.many(lines), strict=True):
            if before != after:
                for entry, change in _changes(line, before, after, walk, entries):
                    out.setdefault(entry, Counter())[change] += 1
    return out


def _changes(line: str, before: str, after: str, walk: Tracer, entries: set[str]) -> list[tuple[str, Change]]:
    pieces = [p for p in walk.pieces(line) if p.source == PROJECT and p.phrase in entries]
    spans = words.spans(line)
    by_entry: dict[int, list[int]] = {}
    for i in (i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b):
        owner = max((k for k, p in enumerate(pieces) if p.start <= i), default=None)
        assert owner is not None, f"{line}: {i} changed before any entry matched"
        by_entry.setdefault(owner, []).append(i)
    out = []
    for k, changed in by_entry.items():
        start, end = min(pieces[k].start, changed[0]), max(pieces[k].end, changed[-1] + 1)
        a = max(s for s, _ in spans if s <= start)
        b = min(e for _, e in spans if e >= end)
        out.append((pieces[k].phrase, (line[a:b], before[a:b], after[a:b])))
    return out


def listed() -> dict[str, dict[str, set[Change]]]:
    """config -> entry -> the judged changes of tests/cases/conversion_changes.yml."""
    raw = yamlfile.load(CHANGES) or {}
    out: dict[str, dict[str, set[Change]]] = {}
    for config, table in raw.items():
        for entry, changes in (table or {}).items():
            out.setdefault(config, {})[entry] = {(w, *_split(v)) for w, v in (changes or {}).items()}
    return out


def _split(value: str) -> tuple[str, str]:
    before, _, after = value.partition(" -> ")
    return before, after


@pytest.mark.parametrize("config", _configs())
def test_every_change_the_entries_make_is_a_judged_one(config: str) -> None:
    changes = {entry: set(counted) for entry, counted in found(config).items()}
    if os.environ.get("UPDATE_CHANGES"):
        _write(config, found(config))
        return
    judged = listed().get(config, {})
    new = {e: sorted(c - judged.get(e, set())) for e, c in changes.items() if c - judged.get(e, set())}
    gone = {e: sorted(c - changes.get(e, set())) for e, c in judged.items() if c - changes.get(e, set())}
    hint = "judge each change; list the right ones in tests/cases/conversion_changes.yml, narrow the entry otherwise"
    assert new == {}, f"changes nobody judged ({hint}): {new}"
    assert gone == {}, f"judged changes that no longer happen (remove them from the list): {gone}"


def _write(config: str, changes: dict[str, Counter[Change]]) -> None:
    """Rewrite the config's part of the list (UPDATE_CHANGES=1), keeping the header and the others."""
    text = CHANGES.read_text(encoding="utf-8") if CHANGES.exists() else ""
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    others = {c: t for c, t in listed().items() if c != config}
    parts = {**{c: {e: {(w, b, a) for w, b, a in t} for e, t in tab.items()} for c, tab in others.items()}}
    parts[config] = {e: set(c) for e, c in changes.items()}
    body = []
    for name in sorted(parts):
        body.append(f"{name}:")
        for entry in sorted(parts[name]):
            body.append(f"  {_quote(entry)}:")
            body += [f"    {_quote(w)}: {_quote(f'{b} -> {a}')}" for w, b, a in sorted(parts[name][entry])]
    CHANGES.write_text(header + "\n".join(body) + "\n", encoding="utf-8")


def _quote(text: str) -> str:
    """A text as a YAML scalar (quoted only where YAML needs it)."""
    return yaml.safe_dump(text, allow_unicode=True, width=10_000).split("\n")[0]
