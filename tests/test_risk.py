"""The risk rules (build_tools/data/review_rules.yml): each with cases from real reports, and the file's errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from build_tools import dictionary, review, risk, yamlfile
from build_tools.conversion import convert_text, parse_text
from build_tools.converter import character_table, converter
from build_tools.errors import ReportError
from build_tools.model import Settings
from build_tools.reading import reader
from build_tools.review_files import review_lists
from build_tools.variants import to_variant

CASES_FILE = Path(__file__).parent / "cases" / "risk_cases.yml"
CASES = yamlfile.load(CASES_FILE)
LANG = {"s2tw": "zh-Hant", "s2hk": "zh-HK"}


def judge(text: str, config: str = "s2tw", entries: dict | None = None, accepted: dict | None = None) -> review.Item:
    """The review item of the character in 【】 of text, converted by OpenCC with only these entries."""
    at = text.index("【")
    src = text.replace("【", "").replace("】", "")
    decided = dictionary.read_table({config: entries} if entries else None, "case.yml", "entry", 1)
    accepts = dictionary.read_table({config: accepted} if accepted else None, "case.yml", "accepted", 1)
    source = parse_text(f"关于测试的报告\n\n一、总体情况\n\n{src}\n", "case.txt", Settings(slug="case")).report
    pairs = tuple(sorted((p.phrase, p.form) for p in decided))
    convert = converter(config, pairs)
    variant = to_variant(source, LANG[config], convert)
    merged = dictionary.merge([decided], config)
    items = review.review(source, variant, character_table(config), merged, accepts, reader(config, pairs, convert))
    return next(i for i in items if i.place == "part-1-p1" and i.offset == at)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.get('config', 's2tw')}-{c['text']}" for c in CASES])
def test_rule_case(case: dict) -> None:
    item = judge(case["text"], case.get("config", "s2tw"), case.get("entries"), case.get("accepted"))
    assert list(item.reasons) == case["rules"], item.how
    assert item.risky == any(r in risk.rules().risky for r in case["rules"])
    assert item.status == case.get("status", "open")
    if "word" in case:
        assert item.word == case["word"]
    if "other" in case:
        assert item.other == case["other"]


def test_every_rule_has_a_case_and_every_case_comes_from_the_corpus() -> None:
    assert {rule for case in CASES for rule in case["rules"]} == set(risk.KNOWN)
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    for case in CASES:
        path, _, line = case["from"].rpartition(":")
        clause = case["text"].replace("【", "").replace("】", "")
        assert clause in (CORPUS / path).read_text(encoding="utf-8").split("\n")[int(line) - 1], case["from"]


def test_risky_words_are_listed_in_the_order_of_the_rules() -> None:
    text = "关于测试的报告\n\n一、总体情况\n\n向特殊困难家庭增发一次性生活补贴。更加注重源头治理。指明了方向。\n"
    variants = convert_text(text, "r.txt", Settings(slug="r"))
    _, items = review_lists(variants)["zh-Hant"]
    order = risk.rules().order
    ranks = [order.index(check.reason) for check in review.to_check(items)]
    assert ranks == sorted(ranks) and ranks


def test_an_accepted_word_holds_only_where_it_crosses_no_word_boundary() -> None:
    """明了 accepted (as in 简单明了) must not silence 指明了方向, where OpenCC's 明瞭 is wrong (指明|了)."""
    assert judge("这个道理简单明【了】。", accepted={"明了": "明瞭"}).status == "accepted"
    wrong = judge("扩大开放指明【了】方向", accepted={"明了": "明瞭"})
    assert (wrong.form, wrong.status, wrong.risky) == ("瞭", "open", True)


def _rules(tmp_path: Path, text: str) -> ReportError:
    path = tmp_path / "review_rules.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        risk.read_rules(path)
    return caught.value


GOOD = risk.RULES_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (("  - id: crosses-words", "  - id: crossing"), "unknown rule 'crossing'"),
        (("  - id: crosses-words", "  - id: split-default"), "rule split-default appears twice"),
        (("    risky: false", "    risky: no way"), "needs `risky: true|false`"),
        (("  发: 發", "  发展: 發"), "'发展' is not one character"),
        (("  发: 發", "  们: 們"), "们 has one form only"),
        (("  编制: 編制", "  人民: 人民"), "人民 has no character with more than one form"),
    ],
)
def test_a_bad_rules_file_names_its_line(tmp_path: Path, edit: tuple[str, str], words: str) -> None:
    old, new = edit
    assert old in GOOD
    err = _rules(tmp_path, GOOD.replace(old, new, 1))
    assert words in err.message
    line = GOOD.split(old)[0].count("\n") + 1
    assert err.line == line and str(err).startswith(f"{tmp_path / 'review_rules.yml'}:{line}: ")


def test_a_rules_file_without_every_rule_is_refused(tmp_path: Path) -> None:
    start = GOOD.index("  - id: crosses-words")
    end = GOOD.index("\n\n", start)
    err = _rules(tmp_path, GOOD[:start] + GOOD[end + 1 :])
    assert "crosses-words are missing" in err.message


def test_the_rules_characters_have_several_forms() -> None:
    table = character_table("s2tw")
    assert all(len(table[ch]) > 1 for ch in risk.rules().split)
    assert {"发", "复", "干", "台", "系", "制", "征", "注", "准", "余", "历", "里"} <= risk.rules().split
