"""The gold conversions (tests/cases/conversion_gold/) hold what they claim: every one-to-many
character of the report judged exactly once, each form a candidate OpenCC could write, and the
recorded errors of plain OpenCC exactly the ones it makes. Scoring the project on them is elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_file
from conversion_gold import GoldItem, gold_files, gold_items

from build_tools import yamlfile
from build_tools.converter import allowed_forms, character_table, converter

GOLD_FILES = gold_files()


def _items(gold: Path) -> list[GoldItem]:
    return list(gold_items(gold))


def test_there_are_three_taiwan_gold_reports_and_a_hong_kong_one() -> None:
    configs = sorted(yamlfile.load(g)["config"] for g in GOLD_FILES)
    assert configs == ["s2hk", "s2tw", "s2tw", "s2tw"]


@pytest.mark.parametrize("gold", GOLD_FILES, ids=[g.name for g in GOLD_FILES])
def test_every_one_to_many_character_is_judged_once(gold: Path) -> None:
    data = yamlfile.load(gold)
    text = corpus_file(data["report"]).read_text(encoding="utf-8")
    table = character_table(data["config"])
    wanted = [
        (n, c)
        for n, line in enumerate(text.split("\n"), 1)
        for c, char in enumerate(line, 1)
        if len(table.get(char, ())) > 1
    ]
    judged = [(i.line, i.column) for i in _items(gold)]
    assert len(judged) == len(set(judged)) == data["occurrences"]
    assert sorted(judged) == wanted


@pytest.mark.parametrize("gold", GOLD_FILES, ids=[g.name for g in GOLD_FILES])
def test_forms_are_candidates_and_decisions_say_why(gold: Path) -> None:
    config = yamlfile.load(gold)["config"]
    for item in _items(gold):
        assert set(item.forms) <= allowed_forms(config, item.char), item
        if len(item.forms) > 1 or item.opencc or item.main:
            assert item.reason, f"{item}: a contested form or an error needs its reason"


@pytest.mark.parametrize("gold", GOLD_FILES, ids=[g.name for g in GOLD_FILES])
def test_recorded_errors_of_plain_opencc_are_the_ones_it_makes(gold: Path) -> None:
    data = yamlfile.load(gold)
    lines = corpus_file(data["report"]).read_text(encoding="utf-8").split("\n")
    convert = converter(data["config"])
    made = {}
    for item in _items(gold):
        written = convert(lines[item.line - 1])[item.column - 1]
        made[(item.line, item.column)] = None if written in item.forms else written
    assert {(i.line, i.column): i.opencc for i in _items(gold)} == made
    assert sum(1 for wrong in made.values() if wrong) > 5  # the gold sets were chosen to hold errors


def test_a_word_moved_in_the_corpus_is_an_error(tmp_path: Path) -> None:
    gold = GOLD_FILES[0]
    moved = tmp_path / gold.name
    text = gold.read_text(encoding="utf-8")
    first = text.index("at: '") + len("at: '")
    line = int(text[first : text.index(":", first)])
    moved.write_text(text[:first] + str(line + 1) + text[text.index(":", first) :], encoding="utf-8")
    with pytest.raises(ValueError, match="is not at"):
        _items(moved)
