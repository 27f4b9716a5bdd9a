"""Every locked name converts to its recorded form, alone and where it stands in a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEMO

from build_tools import configs, conversion, dictionary, review
from build_tools.converter import converter
from build_tools.model import Phrase, Settings
from build_tools.settings import load_settings

SEEDS = sorted(DEMO.glob("*.txt"))  # the demo report (fixtures), with its own locks


def _locks(settings: Settings) -> list[Phrase]:
    return [p for p in (*dictionary.shared_phrases(), *settings.phrases) if p.kind == "lock"]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_every_lock_converts_to_its_recorded_form(seed: Path) -> None:
    settings = load_settings(seed)
    locks = _locks(settings)
    assert len(locks) >= len(dictionary.LOCK_SIDES)  # every lock is an entry for every config
    wrong = []
    for lock in locks:
        convert = converter(lock.config, dictionary.pairs(lock.config, settings))
        if convert(lock.phrase) != lock.form:
            wrong.append((lock.config, lock.phrase, convert(lock.phrase), lock.form, lock.origin))
    assert wrong == []


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_locks_hold_inside_the_report(seed: Path) -> None:
    """Where a locked name occurs in the source, the converted text has the recorded form there."""
    variants = conversion.convert_file(seed)
    source = next(r for r in variants.values() if r.lang == r.source_lang)
    wrong, seen = [], 0
    for lang, report in variants.items():
        if lang == source.lang:
            continue
        config = configs.config_for(report)
        locks = [p for p in _locks(report.settings) if p.config == config]
        for (place, _, src), (_, _, out) in zip(review.texts(source), review.texts(report), strict=True):
            for lock in locks:
                at = src.find(lock.phrase)
                while at >= 0:
                    seen += 1
                    if out[at : at + len(lock.form)] != lock.form:
                        wrong.append((place, lock.phrase, out[at : at + len(lock.form)], lock.form))
                    at = src.find(lock.phrase, at + 1)
    assert wrong == []
    assert seen > 0 or not _locks(source.settings)


def test_a_lock_beats_segmentation_and_the_character_table() -> None:
    """A surname 于 is 於 to OpenCC; a lock keeps the name, in both directions."""
    settings = Settings(slug="x", phrases=dictionary.read_locks([{"zh-Hans": "于明", "zh-Hant": "于明"}], "t.yml", 1))
    assert converter("s2tw")("关于于明的报告") == "關於於明的報告"
    assert converter("s2tw", dictionary.pairs("s2tw", settings))("关于于明的报告") == "關於于明的報告"
    assert converter("tw2s", dictionary.pairs("tw2s", settings))("關於于明的報告") == "关于于明的报告"


def test_zh_hk_form_defaults_to_zh_hant() -> None:
    locks = dictionary.read_locks([{"zh-Hans": "台湾", "zh-Hant": "臺灣"}], "t.yml", 3)
    forms = {p.config: (p.phrase, p.form) for p in locks}
    assert forms["s2hk"] == ("台湾", "臺灣")
    assert forms["hk2s"] == ("臺灣", "台湾")
    assert forms["tw2s"] == ("臺灣", "台湾")
    assert all(p.origin == "t.yml:3" for p in locks)
