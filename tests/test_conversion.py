"""Conversion through OpenCC's own configuration plus the project dictionary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from build_tools import conversion, dictionary, review, review_files, yamlfile
from build_tools.converter import character_table, config_with_phrases, converter, custom_config
from build_tools.model import Settings
from build_tools.variants import to_variant

CASES_FILE = Path(__file__).parent / "conversion_cases.yml"
CASES = [(config, src, want) for config, rows in yamlfile.load(CASES_FILE).items() for src, want in rows.items()]
PLAIN = Settings(slug="cases")


@pytest.mark.parametrize(("config", "src", "want"), CASES, ids=[f"{c}-{s}" for c, s, _ in CASES])
def test_hard_case(config: str, src: str, want: str) -> None:
    convert = converter(config, dictionary.pairs(config, PLAIN))
    assert convert(src) == want


def test_the_table_needs_the_dictionary() -> None:
    """Without the project dictionary OpenCC gets these rows wrong, so the table tests something."""
    wrong = [src for config, src, want in CASES if config == "s2tw" and converter("s2tw")(src) != want]
    assert {"被发明", "参与制造", "了解了如何", "158个中介", "发布会上发布"} <= set(wrong)


def test_every_config_has_cases() -> None:
    assert {config for config, _, _ in CASES} == set(dictionary.CONFIGS) - {"s2t"}


def test_phrases_go_into_segmentation_and_every_step() -> None:
    config = config_with_phrases("s2tw", (("发布", "發布"),))
    first = config["segmentation"]["dict"]["dicts"][0]
    assert first == {"type": "inline", "entries": {"发布": "發布"}}
    steps = [step["dict"]["dicts"][0]["entries"] for step in config["conversion_chain"]]
    assert steps == [{"发布": "發布"}, {"發布": "發布"}]  # later steps keep the recorded form
    assert all(Path(f).is_absolute() for f in re.findall(r'"file": "([^"]+)"', json.dumps(config)))


def _nested(node: object) -> object:
    """The config as first written: each group of the inline entries holds the shipped
    dictionary as one member, never opened into it."""
    if isinstance(node, list):
        return [_nested(v) for v in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "group" and node["dicts"][0].get("type") == "inline" and len(node["dicts"]) > 2:
        shipped = node["dicts"][1:]
        inner = {"type": "group", "match_policy": node["match_policy"], "dicts": shipped}
        return {**node, "dicts": [node["dicts"][0], inner]}
    return {k: _nested(v) for k, v in node.items()}


@pytest.mark.parametrize("config", dictionary.CONFIGS)
def test_a_group_opened_into_the_inline_one_converts_as_the_nested_groups(config: str, tmp_path: Path) -> None:
    import opencc

    pairs = dictionary.pairs(config, PLAIN)
    nested = tmp_path / "nested.json"
    nested.write_text(json.dumps(_nested(config_with_phrases(config, pairs)), ensure_ascii=False), encoding="utf-8")
    assert nested.read_text(encoding="utf-8") != json.dumps(config_with_phrases(config, pairs), ensure_ascii=False)
    texts = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    texts += [src for _, src, _ in CASES] + [phrase for phrase, _ in pairs] + [form for _, form in pairs]
    texts += [converter(config)(t) for t in texts]
    as_nested = opencc.OpenCC(str(nested)).convert
    assert converter(config, pairs).many(texts) == [as_nested(t) for t in texts]


def test_generated_config_is_deterministic() -> None:
    pairs = dictionary.pairs("s2tw", PLAIN)
    first = custom_config("s2tw", pairs)
    assert custom_config("s2tw", pairs) == first
    assert (
        first.read_text(encoding="utf-8")
        == json.dumps(config_with_phrases("s2tw", pairs), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )


def test_only_converter_imports_opencc() -> None:
    importers = [
        p.name
        for p in (ROOT / "build_tools").rglob("*.py")
        if re.search(r"^\s*(import|from) opencc", p.read_text(), re.M)
    ]
    assert importers == ["converter.py"]


def test_seed_round_trip_gives_back_the_source() -> None:
    """zh-Hant -> zh-Hans with the reverse config and the dictionary returns the seed, text for text."""
    variants = conversion.convert_file(SEED)
    hant = variants["zh-Hant"]
    back = converter("tw2s", dictionary.pairs("tw2s", hant.settings))
    pairs = zip(review.texts(variants["zh-Hans"]), review.texts(hant), strict=True)
    differences = [(place, src, back(out)) for (place, _, src), (_, _, out) in pairs if back(out) != src]
    assert differences == []


def test_seed_has_no_open_review_item() -> None:
    """The seed's zh-Hant text was reviewed in full: every one-to-many choice is decided or accepted."""
    config, items = review_files.review_lists(conversion.convert_file(SEED))["zh-Hant"]
    assert config == "s2tw"
    assert [i for i in items if i.status == "open"] == []
    assert len(items) > 500


def test_seed_in_hong_kong_forms_has_no_open_review_item() -> None:
    """The seed was also reviewed in s2hk forms (data kept for a zh-HK variant; no zh-HK site yet)."""
    source = conversion.convert_file(SEED)["zh-Hans"]
    settings = source.settings
    hk = to_variant(source, "zh-HK", converter("s2hk", dictionary.pairs("s2hk", settings)))
    items = review.review(
        source, hk, character_table("s2hk"), dictionary.entries("s2hk", settings), dictionary.accepted("s2hk", settings)
    )
    assert [i for i in items if i.status == "open"] == []
    assert len(items) > 500
