"""Whole documents: the seed, and the three corpus documents the converter has never been tuned on."""

from __future__ import annotations

import re

from conftest import SEED, corpus_file

from build_tools.conversion import convert_file, convert_text
from build_tools.decode import decode
from build_tools.fidelity import body_texts
from build_tools.model import Section, Settings

# A body block that is nothing but a page control; 川字号 inside a sentence is text.
CHROME = re.compile(
    r"【?(字号|字体)[:：].*|分享[:：]?|.*(打印此页|打印本页|关闭窗口).*|责任编辑[:：].*|扫一扫.*|相关链接.*"
    r"|Public domain|false|大|中|小|】"
)


def _source(variants):
    return next(r for r in variants.values() if r.lang == r.source_lang)


def _walk(sections: tuple[Section, ...]):
    for s in sections:
        yield s
        yield from _walk(s.children)


def _assert_no_chrome(report) -> None:
    for text in body_texts(report):
        assert not CHROME.fullmatch(text), text


def test_seed_outline() -> None:
    report = _source(convert_file(SEED))
    assert report.title == "宁波市镇海区人民政府关于2024年法治政府建设情况报告"
    meta = {f.label: f.value for f in report.metadata}
    assert list(meta) == ["索引号", "主题分类", "成文日期", "体裁分类", "发布机构", "公开方式"]
    assert meta["索引号"] == "734247248/2025-225175"
    assert (report.date, report.time, report.source) == ("2025-03-11", "10:57", "镇海区政府办公室")
    assert report.publisher == "镇海区政府办公室"  # the fuller name of 发布机构: 区政府办公室
    assert [s.number for s in report.sections] == ["一、", "二、", "三、"]
    assert [len(s.children) for s in report.sections] == [5, 0, 5]
    assert report.sections[2].children[0].title == "紧扣发展大局,统筹推进法治政府建设。"
    assert report.sections[2].children[0].blocks[0].text.startswith("按照《宁波市党政主要负责人")
    assert [r.rule for r in report.removed] == [
        "font-size-control",
        "share-control",
        "repeated-title",
        "print-close-controls",
    ]
    _assert_no_chrome(report)


def test_seed_ids_are_stable_and_unique() -> None:
    first, second = _source(convert_file(SEED)), _source(convert_file(SEED))
    ids = [s.id for s in _walk(first.sections)] + [b.id for s in _walk(first.sections) for b in s.blocks]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert ids == [s.id for s in _walk(second.sections)] + [b.id for s in _walk(second.sections) for b in s.blocks]


def test_variants_share_ids() -> None:
    variants = convert_file(SEED)
    hans, hant = variants["zh-Hans"], variants["zh-Hant"]
    assert [s.id for s in _walk(hans.sections)] == [s.id for s in _walk(hant.sections)]
    assert hant.title == "寧波市鎮海區人民政府關於2024年法治政府建設情況報告"


def test_shanghai_tables_are_not_headings() -> None:
    report = _source(convert_file(corpus_file("shanghai-2019-gov-info-disclosure-annual-report.txt")))
    assert report.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert report.date == "2020-01-31"
    assert [s.number + s.title for s in report.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [len(s.children) for s in report.sections] == [5, 0, 0, 0, 2, 0]
    tables = [b for s in _walk(report.sections) for b in s.blocks if hasattr(b, "rows")]
    assert len(tables) >= 3
    assert any(row[0].startswith("一、本年新收") for t in tables for row in t.rows)
    assert report.removed == ()


def test_sichuan_chrome_and_appendix() -> None:
    report = _source(convert_file(corpus_file("sichuan-2026-government-work-report.txt")))
    assert report.title == "2026年四川省人民政府工作报告"
    assert report.source == "四川日报"
    assert [s.number + s.title for s in report.sections][:3] == [
        "一、2025年工作回顾和“十四五”发展主要成绩",
        "二、“十五五”发展的主要考虑",
        "三、2026年工作安排",
    ]
    assert [len(s.children) for s in report.sections] == [0, 0, 10, 0]
    notes = report.sections[3]
    assert (notes.kind, notes.id, notes.title) == ("notes", "notes", "名词解释")
    assert [b.id for b in notes.blocks] == [f"note-{n}" for n in range(1, 21)]  # the list's entries are notes
    assert [(f.kind, f.text) for f in report.front] == [
        ("subtitle", "2026年2月3日在四川省第十四届人民代表大会第五次会议上"),
        ("speaker", "四川省人民政府省长 施小琳"),
    ]
    assert report.preamble[0].text == "各位代表："
    assert {r.rule for r in report.removed} >= {"font-size-control", "share-control", "related-links", "editor-credit"}
    _assert_no_chrome(report)
    # the link text broken onto its own lines is one paragraph again
    item7 = notes.blocks[6].text
    assert "“双向揭榜挂帅”的简称" in item7 and item7.endswith("带场景揭榜。")


def test_traditional_source_is_detected_and_simplified() -> None:
    path = corpus_file("prc-1954-government-work-report-traditional.txt")
    text = decode(path.read_bytes(), str(path))
    variants = convert_text(text, str(path), Settings(slug="prc-1954", title="1954年政府工作報告"))
    hant, hans = variants["zh-Hant"], variants["zh-Hans"]
    assert hant.source_lang == "zh-Hant" and hant.preamble[0].text == "各位代表："
    assert hans.title == "1954年政府工作报告"
    assert "我们第一届全国人民代表大会" in hans.preamble[1].text
    assert hant.sections == () and len(hant.preamble) > 90
    assert {r.rule for r in hant.removed} == {"public-domain-licence", "wikisource-community-note", "licence-marker"}
    _assert_no_chrome(hant)
