"""No entry of the project's dictionary changes anything in the corpus but what a person judged
right: tests/cases/conversion_changes.yml lists, for every corpus file and the seed, every
character the project converts otherwise than plain OpenCC, with the entry (or lock) that decides
it. Each row was read and judged right; the list is the reference.

Every line of every file of ../shared/corpus (provincial-2026 included) and of the seed is
converted by plain OpenCC, by the project before issue 15 (tests/cases/conversion_before_issue_15.yml)
and by the project now (the shared dictionary, locks, and the seed's own settings), for each
config the list names. Each changed character is put down to the entry whose match decides it:
the one covering it, or, for a character the entry's match made OpenCC read differently after it,
the last entry matched before it in the line (before the first entry the two conversions read the
line alike). A change not listed fails (an entry changed another word: narrow the entry, or judge
the change and list it), a listed change that no longer happens or comes from another entry fails
too: the list must stay the reference.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, SEED

from build_tools import dictionary, yamlfile
from build_tools.converter import converter
from build_tools.model import Phrase, Settings
from build_tools.settings import load_settings
from build_tools.trace import PROJECT, Piece, tracer
from build_tools.variants import detect_script

CHANGES = Path(__file__).parent / "cases" / "conversion_changes.yml"
BEFORE = Path(__file__).parent / "cases" / "conversion_before_issue_15.yml"
FIELDS = ("at", "source", "opencc", "before", "after", "entry")
Row = tuple[str, ...]  # FIELDS, in order


def _reference() -> dict[str, dict[str, list[Row]]]:
    raw = yamlfile.load(CHANGES)
    return {
        config: {
            name: [tuple(str(row[f]) for f in FIELDS) for row in rows or []] for name, rows in (files or {}).items()
        }
        for config, files in raw.items()
    }


def _sources(config: str) -> dict[str, tuple[Settings, list[str]]]:
    """Every corpus file and the seed in the script `config` converts from, by the name the list
    gives them: (settings, lines)."""
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    out = {str(p.relative_to(CORPUS)): (Settings(slug="corpus"), _lines(p)) for p in files}
    out[f"seeds/{SEED.name}"] = (load_settings(SEED), _lines(SEED))
    script = "zh-Hans" if config.startswith("s2") else "zh-Hant"
    return {name: found for name, found in out.items() if _script("\n".join(found[1])) == script}


def _script(text: str) -> str:
    return detect_script(text, converter("t2s"), converter("s2t"))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _pairs(phrases: dict[str, Phrase]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((p.phrase, p.form) for p in phrases.values()))


@cache
def found(config: str) -> dict[str, list[Row]]:
    """name -> every character the project now converts otherwise than plain OpenCC, as rows."""
    out = {name: _rows(config, settings, lines) for name, (settings, lines) in _sources(config).items()}
    return {name: rows for name, rows in out.items() if rows}


def _rows(config: str, settings: Settings, lines: list[str]) -> list[Row]:
    shared_locks = dictionary.load_locks(dictionary.DATA / "locks.yml")
    before = _pairs(dictionary.merge([dictionary.load_table(BEFORE, "entry") + shared_locks, settings.phrases], config))
    now = dictionary.pairs(config, settings)
    walk = tracer(config, now)
    conversions = [converter(config, pairs).many(lines) for pairs in ((), before, now)]
    rows = []
    for n, (line, plain, old, new) in enumerate(zip(lines, *conversions, strict=True), 1):
        if plain != new:
            pieces = [p for p in walk.pieces(line) if p.source == PROJECT]
            for c in (c for c in range(len(line)) if plain[c] != new[c]):
                cut = slice(max(0, c - 2), c + 3)
                rows.append((f"{n}:{c + 1}", line[cut], plain[cut], old[cut], new[cut], _deciding(pieces, c)))
    return rows


def _deciding(pieces: list[Piece], c: int) -> str:
    """The project's phrase that decides character c: the one covering it, else the last before it."""
    covering = [p for p in pieces if p.start <= c < p.end]
    before = [p for p in pieces if p.start <= c]
    assert covering or before, f"character {c} changed before any entry matched"
    return (covering or before)[-1].phrase


def _configs() -> list[str]:
    return sorted(yamlfile.load(CHANGES))


@pytest.mark.parametrize("config", _configs())
def test_every_change_of_the_dictionary_is_a_judged_one(config: str) -> None:
    want = _reference()[config]
    got = found(config)
    hint = "judge each new change; list it in tests/cases/conversion_changes.yml if right, narrow the entry if not"
    new = {name: sorted(set(rows) - set(want.get(name, []))) for name, rows in got.items()}
    gone = {name: sorted(set(rows) - set(got.get(name, []))) for name, rows in want.items()}
    assert {name: rows for name, rows in new.items() if rows} == {}, f"changes nobody judged ({hint})"
    assert {name: rows for name, rows in gone.items() if rows} == {}, "judged changes that no longer happen as listed"
    if config.startswith("s2"):
        assert sum(len(rows) for rows in got.values()) > 500  # the corpus was read: the shared entries act on it


def test_an_entry_that_changes_another_word_is_caught() -> None:
    """A report's own entry that writes 发展 as 髮展 changes the seed's 发展 where OpenCC reads it as a
    word of its own: each such row is new to the reference, put down to that entry."""
    settings, lines = _sources("s2tw")[f"seeds/{SEED.name}"]
    want = set(_reference()["s2tw"][f"seeds/{SEED.name}"])
    assert set(_rows("s2tw", settings, lines)) == want
    bad = dictionary.read_table({"s2tw": {"发展": "髮展"}}, "bad.yml", "entry", 1)
    rows = set(_rows("s2tw", replace(settings, phrases=settings.phrases + bad), lines)) - want
    assert len(rows) > 2 and {entry for *_, entry in rows} == {"发展"}
