"""trace.py says how OpenCC decided each character: checked against OpenCC itself, over the whole corpus."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, SEED

from build_tools import dictionary
from build_tools.converter import BIN, SHARE, character_table, converter, custom_config
from build_tools.model import Settings
from build_tools.trace import PROJECT, tracer

VARIANTS_STEP = {"s2tw": "t2tw", "s2hk": "t2hk"}  # each config's second step, as a config of its own


def _lines() -> list[str]:
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    return [line for path in [*files, SEED] for line in path.read_text(encoding="utf-8").split("\n") if line]


def _pairs(config: str, with_project: bool) -> tuple[tuple[str, str], ...]:
    return dictionary.pairs(config, Settings(slug="corpus")) if with_project else ()


def _opencc_segments(config: str, pairs: tuple[tuple[str, str], ...], lines: list[str]) -> list[list[str]]:
    """OpenCC's own segmentation (its command-line tool, --segmentation), one list of segments a line."""
    path = custom_config(config, pairs) if pairs else SHARE / f"{config}.json"
    tool = [str(BIN / "opencc"), "-c", str(path), "--segmentation", "--include-tofu-risk-dictionaries"]
    run = subprocess.run(tool, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    return [json.loads(row)["segments"] for row in run.stdout.splitlines() if row.strip()]


def _cuts(lengths: list[int]) -> set[int]:
    cuts, at = {0}, 0
    for n in lengths:
        at += n
        cuts.add(at)
    return cuts


@pytest.mark.parametrize("config", ["s2tw", "s2hk"])
@pytest.mark.parametrize("with_project", [False, True], ids=["shipped", "with-project"])
def test_the_walk_segments_every_corpus_line_as_opencc_does(config: str, with_project: bool) -> None:
    lines = _lines()
    pairs = _pairs(config, with_project)
    walk = tracer(config, pairs)
    theirs = _opencc_segments(config, pairs, lines)
    assert len(theirs) == len(lines)
    differ = []
    for line, segments in zip(lines, theirs, strict=True):
        assert "".join(segments) == line
        ours = {0, len(line)} | {cut for p in walk.segments(line) for cut in (p.start, p.end)}
        if ours != _cuts([len(s) for s in segments]):  # OpenCC joins the characters between phrases into one
            differ.append((line[:40], segments[:12]))
    assert differ == []
    assert len(lines) > 2500


@pytest.mark.parametrize("config", ["s2tw", "s2hk"])
def test_each_piece_and_default_gives_the_text_opencc_wrote(config: str) -> None:
    """What the walk says decided a character is what came out: a project entry's form, a shipped
    phrase's first candidate (through the config's variants step), or the character's default."""
    lines = _lines()
    pairs = _pairs(config, True)
    walk, convert, variants = tracer(config, pairs), converter(config, pairs), converter(VARIANTS_STEP[config])
    table = character_table(config)
    checked = {PROJECT: 0, "STPhrases": 0, "default": 0}
    for line in lines:
        out = convert(line)
        covered = set()
        for p in walk.pieces(line):
            want = p.candidates[0] if p.source == PROJECT else variants(p.candidates[0])
            assert out[p.start : p.end] == want, (line, p)
            covered.update(range(p.start, p.end))
            checked[p.source] = checked.get(p.source, 0) + 1
        for i, ch in enumerate(line):
            if i not in covered and len(table.get(ch, ())) > 1:
                assert out[i] == variants(table[ch][0]), (line, i)
                checked["default"] += 1
    assert min(checked.values()) > 50, checked


def test_an_entry_inside_a_shipped_phrase_is_asked_first() -> None:
    """OpenCC's conversion step asks the project's entries before its phrases, inside a segment."""
    walk = tracer("s2tw", (("头", "頭"),))
    assert [(p.phrase, p.source) for p in walk.segments("头发")] == [("头发", "STPhrases")]
    assert [(p.phrase, p.source) for p in walk.pieces("头发")] == [("头", PROJECT)]
    assert converter("s2tw", (("头", "頭"),))("头发") == "頭發"  # 发 then falls to its default


def test_without_a_segmentation_the_entries_are_asked_first_everywhere() -> None:
    """s2t has no segmentation step: at each position the project's entries, then OpenCC's phrases."""
    pairs = (("人参", "人參"),)
    walk = tracer("s2t", pairs)
    pieces = walk.pieces("负责人参加")
    assert [(p.phrase, p.source) for p in pieces] == [("人参", PROJECT)]
    assert converter("s2t", pairs)("负责人参加") == "負責人參加"


def test_phrase_tables_are_read_from_the_shipped_dictionaries() -> None:
    from build_tools.converter import phrase_tables

    names = [name for name, _ in phrase_tables("s2tw")]
    assert names == [Path(f).stem for f in ("STPhrases.ocd2", "STPhrases_GeneratedFromRegionalPhrases.ocd2")]
    table = dict(phrase_tables("s2tw"))["STPhrases"]
    assert table["编制"] == ("編制", "編製") and table["头发"] == ("頭髮",)
    assert [name for name, _ in phrase_tables("tw2s")] == ["TSPhrases"]
