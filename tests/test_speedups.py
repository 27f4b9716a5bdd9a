"""The conversion's fast paths give exactly what the plain ones give: one OpenCC call for all of
a report's texts (joined by a line break) against one call per text, the script detection against
its definition, the parse helpers against their regular expressions."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from conftest import CORPUS, SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools import conversion, dictionary, review
from build_tools.configs import project_converter
from build_tools.conversion import convert_text
from build_tools.converter import SEPARATOR, OpenCCConvert, converter
from build_tools.errors import ReportError
from build_tools.model import Settings
from build_tools.parse import find_items, grammar
from build_tools.parse.chrome import _repeats
from build_tools.parse.grammar import Grammar, _needs
from build_tools.parse.headings import _split_title
from build_tools.parse.text import probe, squash
from build_tools.review_files import review_lists
from build_tools.variants import convert_many, detect_script, to_variant

CONFIGS = ("s2tw", "s2hk", "s2t", "tw2s", "hk2s", "t2s", "s2twp")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _texts() -> list[str]:
    """The seed and whatever of the shared corpus is beside this checkout."""
    return [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def _paragraphs() -> list[str]:
    return [line.strip() for text in _texts() for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("config", CONFIGS)
def test_one_call_for_all_texts_converts_each_text_as_alone(config: str) -> None:
    paragraphs = _paragraphs()
    for convert in (converter(config), project_converter(config, Settings(slug="t"))):
        assert convert.many(paragraphs) == [convert(p) for p in paragraphs]


def test_a_phrase_cut_by_the_separator_is_not_matched_across_it() -> None:
    """发展理发业 -> 發展理髮業 whole; cut after 理, each half alone gives 理 / 發業, and so must the batch."""
    convert = converter("s2tw")
    assert convert("发展理发业") == "發展理髮業"
    halves = ["发展理", "发业"]
    assert convert.many(halves) == [convert("发展理"), convert("发业")] == ["發展理", "發業"]


def test_a_project_phrase_cut_by_the_separator_is_not_matched_across_it() -> None:
    pairs = dictionary.pairs("s2tw", Settings(slug="t"))
    convert = converter("s2tw", pairs)
    plain = converter("s2tw")
    # entries whose form OpenCC alone would not give: there the project dictionary decides
    decided = [(phrase, form) for phrase, form in pairs if len(phrase) > 1 and plain(phrase) != form]
    assert decided, "the shared dictionary should hold entries that differ from OpenCC"
    for phrase, form in decided:
        assert convert(phrase) == form
        for cut in range(1, len(phrase)):
            parts = ["前文" + phrase[:cut], phrase[cut:] + "后文"]
            assert convert.many(parts) == [convert(p) for p in parts]


def test_a_text_holding_the_separator_is_converted_alone() -> None:
    convert = converter("s2tw")
    texts = ["发展理\n发业", "头发"]
    assert convert.many(texts) == [convert("发展理\n发业"), convert("头发")]


def test_an_entry_holding_the_separator_turns_joining_off() -> None:
    calls: list[str] = []
    fake = OpenCCConvert(lambda text: calls.append(text) or text, (("甲\n乙", "丙"),))
    assert fake.many(["甲", "乙"]) == ["甲", "乙"]
    assert calls == ["甲", "乙"]


def test_a_converter_that_changes_the_separator_falls_back_to_one_call_per_text() -> None:
    calls: list[str] = []

    def swallow(text: str) -> str:  # a conversion that eats line breaks: the split would misalign
        calls.append(text)
        return text.replace(SEPARATOR, "")

    assert OpenCCConvert(swallow).many(["甲", "乙", "丙"]) == ["甲", "乙", "丙"]
    assert calls == ["甲\n乙\n丙", "甲", "乙", "丙"]


def test_texts_are_joined_into_one_call() -> None:
    calls: list[str] = []
    counting = OpenCCConvert(lambda text: calls.append(text) or converter("s2tw")(text))
    assert counting.many(["头发", "发展"]) == ["頭髮", "發展"]
    assert calls == ["头发\n发展"]


def test_a_plain_callable_is_called_once_per_text() -> None:
    assert convert_many(lambda text: f"<{text}>", ["a", "b"]) == ["<a>", "<b>"]


def _per_text(convert: OpenCCConvert) -> Callable[[str], str]:
    """A plain callable: no `many`, so to_variant calls it once per text."""
    return lambda text: convert(text)


def test_a_variant_made_in_one_call_equals_one_made_text_by_text() -> None:
    for n, text in enumerate(_texts()):
        settings = Settings(slug=f"r{n}", title="样本")  # the 1954 report has no title line
        source = next(r for r in convert_text(text, f"r{n}.txt", settings).values() if r.lang == r.source_lang)
        targets = ("zh-Hant", "zh-HK") if source.lang == "zh-Hans" else ("zh-Hans",)
        for lang in targets:
            config = {"zh-Hant": "s2tw", "zh-HK": "s2hk", "zh-Hans": "tw2s"}[lang]
            convert = project_converter(config, settings)
            assert to_variant(source, lang, convert) == to_variant(source, lang, _per_text(convert))


@pytest.mark.parametrize("batch_chars", [1, 5_000, 1_000_000])
def test_reports_converted_together_equal_reports_converted_alone(
    batch_chars: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One OpenCC call for many reports' texts (cut every batch_chars characters) changes nothing."""
    seed = SEED.read_text(encoding="utf-8")
    items = []
    for n, text in enumerate(_texts() * 2):  # each twice: texts two reports share
        items.append((text, f"r{n}.txt", Settings(slug=f"r{n}", title="样本", zh_hk=text == seed)))
    alone = [convert_text(*item) for item in items]
    calls: list[object] = []
    monkeypatch.setattr(conversion, "BATCH_CHARS", batch_chars)
    monkeypatch.setattr(conversion, "convert_many", lambda c, texts: calls.append(c) or convert_many(c, texts))
    parsed = [conversion.parse_text(*item) for item in items]
    together = conversion.convert_reports(parsed)
    assert together == alone
    assert [list(v) for v in together] == [list(v) for v in alone]  # the source variant first
    if batch_chars == 1_000_000:  # s2tw, s2hk (and tw2s with the corpus's Traditional report): one call each
        configs = {config for p in parsed for config in p.targets.values()}
        assert len(calls) == len(set(calls)) == len(configs) >= 2
    else:
        assert len(calls) > len(set(calls))


def _detect_by_definition(text: str, to_hans: Callable[[str], str], to_hant: Callable[[str], str]) -> str:
    """The detection as first written: a count of every CJK character, each converted alone."""
    counts = Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    hant_only = sum(n for ch, n in counts.items() if to_hans(ch) != ch)
    hans_only = sum(n for ch, n in counts.items() if to_hant(ch) != ch)
    return "zh-Hant" if hant_only > hans_only else "zh-Hans"


def test_script_detection_agrees_with_its_definition_on_real_texts() -> None:
    to_hans, to_hant = converter("t2s"), converter("s2t")
    texts = _texts()
    mixed = [a[: len(a) // k] + b[: len(b) // k] for a in texts for b in texts for k in (2, 7)]
    for text in texts + mixed:
        assert detect_script(text, to_hans, to_hant) == _detect_by_definition(text, to_hans, to_hant)


# a few characters either way, some neither, and some outside U+4E00..U+9FFF, which never count
_MIX = "发發头頭国國会會的是在了着著干乾幹里裡后後面麵abc ，。\n㐀\U00020000\uf900"


@settings(max_examples=80, deadline=None, database=None)
@given(st.lists(st.sampled_from(_MIX), max_size=40))
def test_script_detection_agrees_with_its_definition_near_a_tie(chars: list[str]) -> None:
    to_hans, to_hant = converter("t2s"), converter("s2t")
    text = "".join(chars)
    assert detect_script(text, to_hans, to_hant) == _detect_by_definition(text, to_hans, to_hant)


def test_squash_removes_exactly_what_the_regular_expressions_remove() -> None:
    space = re.compile(r"\s+")
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert squash(every) == space.sub("", re.sub(f"[{INVISIBLE}]", "", every))
    assert squash(f" 甲\u3000乙\t丙{INVISIBLE}丁\n") == "甲乙丙丁"


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(f" \t\u3000\u00a0甲乙a1{INVISIBLE}")))
def test_probe_is_the_line_without_invisible_characters_stripped(line: str) -> None:
    assert probe(line) == re.sub(f"[{INVISIBLE}]", "", line).strip()


def test_paragraphs_the_needed_pattern_misses_hold_no_inline_item() -> None:
    g = grammar()
    assert g.inline_item_needs  # numbering.yml names it: the shortcut is on
    searched_all = replace(g, inline_item_needs=None)
    texts = _paragraphs()
    texts += converter("s2tw").many(texts)
    texts += ["一是", "。 十二是，", "；\u3000三是要", "四是。", "说一是，", "第一是：", "一二是改"]  # edges
    assert sum(bool(find_items(t, "p", g)) for t in texts) > 10  # the corpus has inline items to find
    for text in texts:
        assert find_items(text, "p", g) == find_items(text, "p", searched_all)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from("一二三十是要，,：:。；;！？ \u3000甲a"), max_size=16))
def test_the_needed_pattern_finds_every_inline_item(text: str) -> None:
    g = grammar()
    assert find_items(text, "p", g) == find_items(text, "p", replace(g, inline_item_needs=None))


# numbering.yml's inline_item as first written: the start of the text or a sentence end, as two branches
PLAIN_INLINE_ITEM = r"(?:^|(?<=[。；;！？]))\s*(?P<marker>[一二三四五六七八九十]+[是要])(?=[，,：:\u4e00-\u9fff])"


def _items(pattern: re.Pattern[str], text: str) -> list[tuple[str, int]]:
    return [(m["marker"], m.start("marker")) for m in pattern.finditer(text)]


def test_the_inline_item_pattern_finds_what_its_plain_form_finds() -> None:
    g, plain = grammar(), re.compile(PLAIN_INLINE_ITEM)
    edges = [f"甲{end}{space}二是，" for end in "。；;！？，：甲" for space in ("", " ", "\u3000")]
    texts = _paragraphs() + edges + ["一是", "。 十二是，", "四是。", "说一是，", "第一是：", "\n一是，"]
    assert sum(bool(_items(plain, t)) for t in texts) > 10
    for text in texts:
        assert _items(g.inline_item, text) == _items(plain, text)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from("一十是要，：。；;！？ \n甲"), max_size=10))
def test_the_inline_item_pattern_finds_what_its_plain_form_finds_in_any_text(text: str) -> None:
    assert _items(grammar().inline_item, text) == _items(re.compile(PLAIN_INLINE_ITEM), text)


def test_the_needed_pattern_must_be_a_regular_expression() -> None:
    with pytest.raises(ReportError, match="bad regular expression '是\\('"):
        _needs(Path("numbering.yml"), {"inline_item": "[一二]是", "inline_item_needs": "是("})
    with pytest.raises(ReportError, match="inline_item_needs '' is not a pattern"):
        _needs(Path("numbering.yml"), {"inline_item": "[一二]是", "inline_item_needs": ""})
    assert _needs(Path("numbering.yml"), {"inline_item": "[一二]是"}) is None


def test_one_pass_for_all_plain_chrome_rules_rules_out_the_same_lines() -> None:
    """find_chrome tries the rules one by one only on a line the joined pattern matches."""
    g = grammar()
    assert g.any_plain_chrome is not None
    chrome = ["【字号：大 中 小】", "分享到：", "【打印此页】【关闭窗口】", "扫一扫在手机打开当前页", "责任编辑：张三"]
    lines = [probe(line) for text in _texts() for line in text.split("\n")] + chrome
    matched = 0
    for line in lines:
        one_by_one = any(rule.line.match(line) for rule in g.plain_chrome)
        assert bool(g.any_plain_chrome.match(line)) == one_by_one, line
        matched += one_by_one
    assert matched >= len(chrome)


def test_a_plain_chrome_rule_naming_a_group_turns_the_joined_pattern_off() -> None:
    g = grammar()
    named = replace(g.plain_chrome[0], line=re.compile("(?P<rest>分享)"))
    assert replace(g, chrome=(named, *g.chrome[1:])).any_plain_chrome is None


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(f" \t\u3000甲乙{INVISIBLE}"), max_size=8), st.sampled_from(("", "甲乙", "乙")))
def test_a_repeated_title_is_found_as_by_comparing_the_squashed_texts(text: str, title: str) -> None:
    rule = next(rule for rule in grammar().chrome if rule.repeats == "title")
    assert _repeats(rule, text, title, "") == (squash(text) == title)


def _json_by_json(slug: str, config: str, lang: str, items: list[review.Item]) -> str:
    data = {"report": slug, "target": lang, "config": config, "summary": review.summary(items)}
    return json.dumps({**data, "items": [asdict(i) for i in items]}, ensure_ascii=False, indent=1) + "\n"


def test_the_review_json_is_what_json_dumps_writes() -> None:
    variants = convert_text(SEED.read_text(encoding="utf-8"), "seed.txt", Settings(slug="seed", zh_hk=True))
    for lang, (config, items) in review_lists(variants).items():
        assert len(items) > 100
        assert review.as_json("seed", config, lang, items) == _json_by_json("seed", config, lang, items)
    assert review.as_json("seed", "s2tw", "zh-Hant", []) == _json_by_json("seed", "s2tw", "zh-Hant", [])


_ODD = st.text(alphabet=st.sampled_from('甲"\\/\n\t\x00\x1f\u2028\U00020000 a【】'), max_size=6)


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.lists(
        st.builds(
            review.Item,
            _ODD,
            st.integers(0, 10**6),
            st.integers(0, 999),
            _ODD,
            _ODD,
            st.lists(_ODD, max_size=3).map(tuple),
            _ODD,
            _ODD,
            st.sampled_from(("entry", "lock", "accepted", "open")),
            _ODD,
        ),
        max_size=4,
    )
)
def test_the_review_json_is_what_json_dumps_writes_for_any_text(items: list[review.Item]) -> None:
    assert review.as_json("s", "s2tw", "zh-Hant", items) == _json_by_json("s", "s2tw", "zh-Hant", items)


@pytest.mark.parametrize(("hant", "hans"), [(300, 300), (301, 300), (300, 301), (5000, 4200), (255, 300), (300, 0)])
def test_script_detection_counts_past_its_first_cap(hant: int, hans: int) -> None:
    """Both kinds common (over the 256 counted at first): the counts go on until one is exact."""
    to_hans, to_hant = converter("t2s"), converter("s2t")
    text = "國" * hant + "的" * 50 + "国" * hans
    assert detect_script(text, to_hans, to_hant) == _detect_by_definition(text, to_hans, to_hant)
    assert detect_script(text, to_hans, to_hant) == ("zh-Hant" if hant > hans else "zh-Hans")


def test_script_detection_uses_the_converters_it_is_given() -> None:
    """The character classes are made per pair of conversions, not once for OpenCC's t2s/s2t."""
    text = "头发头发发展"
    assert detect_script(text, converter("t2s"), converter("s2t")) == "zh-Hans"
    swapped = detect_script(text, converter("s2t"), converter("t2s"))  # s2t changes 头 and 发: "Traditional-only"
    assert swapped == _detect_by_definition(text, converter("s2t"), converter("t2s")) == "zh-Hant"
    assert detect_script(text, str, str) == "zh-Hans"  # no conversion changes anything: a tie


def _split_by_loop(after: str, g: Grammar) -> tuple[str, str] | None:
    """headings._split_title as first written: a loop over the characters."""
    if not after:
        return None
    cut = next((k for k, ch in enumerate(after[:-1]) if ch in g.run_in_ends), None)
    title, rest = (after, "") if cut is None else (after[: cut + 1], after[cut + 1 :])
    if len(title) > g.max_title or any(ch in g.sentence_ends for ch in title[:-1]):
        return None
    return title, rest


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from("甲乙。：；！?a "), max_size=60))
def test_a_heading_title_is_cut_as_by_a_loop_over_its_characters(after: str) -> None:
    g = grammar()
    assert _split_title(after, g) == _split_by_loop(after, g)


def test_one_pass_for_all_heading_families_rules_out_the_same_lines() -> None:
    """match_heading tries the families one by one only on a line the joined pattern matches."""
    g = grammar()
    lines = [probe(line) for text in _texts() for line in text.split("\n")]
    lines += [
        "第一章 总则",
        "第三节 一般规定",
        "01综合",
        "1 总则",
        "1.1 编制目的",
        "2.1.1 应急委员会",
        "（1）自然灾害。",
    ]
    for path in sorted((CORPUS / "provincial-2026").glob("*.txt")):
        lines += [probe(line) for line in path.read_text(encoding="utf-8").split("\n")]
    started = 0
    for line in lines:
        one_by_one = any(f.pattern.match(line) for f in g.families)
        assert bool(g.any_heading.match(line)) == one_by_one, line
        started += one_by_one
    assert started > 50
