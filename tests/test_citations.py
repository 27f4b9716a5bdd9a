"""Cited documents: every title in 《》 of the seed, its kind, the paragraphs citing it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED

from build_tools import citations
from build_tools.annotation import annotate
from build_tools.conversion import convert_file
from build_tools.errors import ReportError
from build_tools.glossary import Glossary

SEED_TITLES = re.findall(r"《([^《》]*)》", SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def variants():
    return annotate(convert_file(SEED), Glossary("none", "section", ()))


def test_the_seed_cites_40_titles_41_times():
    assert len(SEED_TITLES) == 41 and len(set(SEED_TITLES)) == 40


def test_every_title_is_listed_once_with_every_citing_paragraph(variants):
    report = variants["zh-Hans"]
    top = [c for c in report.citations if c.within is None]
    assert [c.title for c in top] == list(dict.fromkeys(SEED_TITLES))  # order of first citation
    twice = next(c for c in top if c.title == "关于健全重大行政决策责任追究机制的指导意见")
    assert twice.cited_in == ("part-1-2-p1", "part-3-2-p1")
    nested = [c for c in report.citations if c.within]
    assert [(c.title, c.kind) for c in nested] == [("法治政府建设实施纲要(2021—2025年)", "outline")]


def test_kinds_are_inferred_from_the_title_alike_in_both_scripts(variants):
    kinds = {c.title: c.kind for c in variants["zh-Hans"].citations}
    assert kinds["中华人民共和国行政复议法"] == "law"
    assert kinds["公平竞争审查条例"] == "regulation"
    assert kinds["镇海区司法局关于行政复议员的管理规定(试行)"] == "measures"  # (试行) set aside
    assert kinds["镇海区深入开展习近平法治思想“八进”行动工作方案(2024年)"] == "plan"
    assert kinds["新闻和报纸摘要"] == "broadcast"  # an exact title from the data file
    assert "other" not in kinds.values()
    hant = [c.kind for c in variants["zh-Hant"].citations]
    assert hant == [c.kind for c in variants["zh-Hans"].citations]


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("  - {kind: statute, match: '法$'}\n", "unknown kind 'statute'"),
        ("  - {kind: law, match: '(法'}\n", "bad regular expression"),
        ("  - {kind: law}\n", "a rule is {kind: KEY, match: REGEX}"),
    ],
)
def test_kind_rule_errors_name_file_and_line(tmp_path: Path, rules: str, message: str):
    path = tmp_path / "documents.yml"
    text = (
        "kinds:\n  law: {zh-Hans: 法律, zh-Hant: 法律, en: law}\n  other: {zh-Hans: 其他, zh-Hant: 其他, en: other}\n"
    )
    path.write_text(text + "titles: {}\nrules:\n" + rules, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        citations.kinds(path)
    assert message in err.value.message and err.value.line == 6
