"""The glossary: term matching, linking per section, rendering with links, schema errors."""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from build_tools import collation, render
from build_tools.annotation import annotate
from build_tools.conversion import convert_text
from build_tools.converter import converter
from build_tools.errors import ReportError
from build_tools.glossary import find_terms, link_report, load_glossary, protected_ranges, terms_for
from build_tools.model import Item, Paragraph, Settings, Term
from build_tools.pages import ui
from build_tools.pipeline import build

GLOSSARY = SEED.parent / "glossary.yml"  # the demo glossary (fixtures)


def term(id_: str, *forms: str) -> Term:
    return Term(id_, forms[0].strip("“”"), forms, "en", "解释。", "explanation")


def matches(text: str, *terms: Term) -> list[tuple[str, str]]:
    return [(text[s:e], t.id) for s, e, t in find_terms(text, terms, [])]


def test_longest_form_wins_even_when_a_shorter_one_starts_first():
    short, long_ = term("short", "行政执法"), term("long", "执法监督协作")
    assert matches("建立行政执法监督协作机制", short, long_) == [("执法监督协作", "long")]


def test_no_match_inside_a_longer_term():
    text = "推进综合行政执法，加强行政执法"
    found = matches(text, term("enforcement", "行政执法"), term("comprehensive", "综合行政执法", "综合执法"))
    assert found == [("综合行政执法", "comprehensive"), ("行政执法", "enforcement")]


def test_matches_never_overlap():
    terms = (term("a", "法治政府"), term("b", "政府建设"), term("c", "法治政府建设情况"), term("d", "建设"))
    found = find_terms("法治政府建设情况，政府建设，法治政府", terms, [])
    spans = [(s, e) for s, e, _ in found]
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
    assert [t.id for _, _, t in found] == ["c", "b", "a"]  # 建设 only ever inside longer matches


def test_quoted_form_only_matches_between_quotation_marks_and_links_the_inner_text():
    eight = term("eight", "“八进”")
    assert matches("开展“八进”活动", eight) == [("八进", "eight")]
    assert matches("八进制与“八进位”", eight) == []


def test_bare_form_matches_with_or_without_quotation_marks():
    first = term("first", "首违不罚")
    assert matches("推行“轻微违法首违不罚”和首违不罚", first) == [("首违不罚", "first"), ("首违不罚", "first")]


def test_no_match_inside_a_cited_title_or_an_enumeration_marker():
    p = Paragraph("p", "一是落实《中华人民共和国行政复议法》，做好行政复议。", 1, (Item("p-i1", "一是", 0),))
    terms = (term("recon", "行政复议"), term("one", "一是"))
    found = find_terms(p.text, terms, protected_ranges(p))
    assert [(p.text[s:e], t.id) for s, e, t in found] == [("行政复议", "recon")]
    assert found[0][0] == p.text.rindex("行政复议")


def test_traditional_forms_come_from_the_converter_or_the_data():
    gloss = load_glossary(GLOSSARY)
    hant = {t.id: t for t in terms_for(gloss, converter("s2tw"))}
    assert hant["administrative-law-enforcement"].term == "行政執法"
    assert hant["internet-plus-regulation"].forms == ("“互聯網+監管”",)
    assert matches("深化“互聯網+監管”，規範行政執法", *hant.values()) == [
        ("互聯網+監管", "internet-plus-regulation"),
        ("行政執法", "administrative-law-enforcement"),
    ]


REPORT = """某区关于法治政府建设情况的报告

导语提到行政复议。

一、行政复议工作

一是加强行政复议。二是办理行政复议案件，行政复议再次出现。

另一段又写行政复议。

二、行政复议之外

行政执法与行政复议。
"""


def linked(scope: str) -> list[tuple[str, str, bool]]:
    report = convert_text(REPORT, "x.txt", Settings(slug="x"))["zh-Hans"]
    gloss = load_glossary(GLOSSARY)
    report = link_report(report, terms_for(gloss, None), scope)
    paras = [*report.preamble, *(b for s in report.sections for b in s.blocks)]
    return [(p.id, p.text[r.start : r.end], r.linked) for p in paras for r in p.terms if r.term.id.endswith("ation")]


def test_first_occurrence_per_section_is_linked_by_default():
    assert linked("section") == [
        ("preamble-p1", "行政复议", True),
        ("part-1-p1", "行政复议", True),
        ("part-1-p1", "行政复议", False),
        ("part-1-p1", "行政复议", False),
        ("part-1-p2", "行政复议", False),
        ("part-2-p1", "行政复议", True),
    ]


def test_link_scope_is_configurable():
    assert [x[2] for x in linked("all")] == [True] * 6
    assert [x[2] for x in linked("page")] == [True, True, False, False, False, True]


def test_links_render_without_changing_text_items_or_headings():
    variants = annotate(convert_text(REPORT, "x.txt", Settings(slug="x")), load_glossary(GLOSSARY))
    for lang, report in variants.items():
        page = render.render_report(report, ui(lang), "note")["x/part-1.md"]
        heading = next(line for line in page.splitlines() if line.startswith("# "))
        assert "行政复议" in heading or "行政復議" in heading  # zh-Hant: the project dictionary's form
        assert "term" not in heading  # headings are never linked
        para = next(line for line in page.splitlines() if 'id="part-1-p1"' in line)
        assert para.count('class="item"') == 2 and para.count('class="term"') == 1
        assert 'href="../../glossary/#administrative-reconsideration"' in para
        text = report.sections[0].blocks[0].text
        assert html.unescape(re.sub(r"<[^>]+>", "", para)) == text


def test_the_seed_glossary_is_complete_and_matches_alike_in_both_scripts():
    gloss = load_glossary(GLOSSARY)
    assert len(gloss.entries) >= 40
    assert all(e.english and e.explanation and e.explanation_en for e in gloss.entries)
    variants = annotate(convert_text(SEED.read_text(encoding="utf-8"), "seed.txt", Settings(slug="s")), gloss)
    counts = {lang: Counter(r.term.id for p in paragraphs(rep) for r in p.terms) for lang, rep in variants.items()}
    assert counts["zh-Hans"] == counts["zh-Hant"]
    assert len(counts["zh-Hans"]) >= 40  # at least 40 entries occur in the seed


def paragraphs(report):
    def walk(s):
        yield from s.blocks
        for c in s.children:
            yield from walk(c)

    yield from report.preamble
    for s in report.sections:
        yield from walk(s)


def test_reading_order_is_pinyin_for_hans_and_zhuyin_for_hant():
    gloss = load_glossary(GLOSSARY)
    hans = [e.id for _, es in collation.grouped(gloss.entries, "zh-Hans") for e in es]
    order = [hans.index(i) for i in ("eight-entries", "yangtze-river-delta", "major-administrative-decisions")]
    assert order == sorted(order)  # ba1, chang2, zhong4
    heads = [h for h, _ in collation.grouped(gloss.entries, "zh-Hans")]
    assert heads == sorted(heads) and "C" in heads  # 长三角 read chang2 (data), not zhang3
    hant_heads = [h for h, _ in collation.grouped(gloss.entries, "zh-Hant")]
    assert hant_heads[0] == "ㄅ" and all("\u3105" <= h <= "\u3129" for h in hant_heads)
    assert hant_heads == sorted(hant_heads)


ENTRY = """  - id: legality-review
    zh-Hans: 合法性审查
    en: legality review
    explain: 审查是否合法。
    explain-en: Review of lawfulness.
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("terms: [1, 2]\nlink: everywhere\n", 1, "link: 'everywhere' is not one of"),
        ("terms:\n" + ENTRY + "    colour: red\n", 2, "unknown field 'colour'"),
        ("terms:\n" + ENTRY.replace("    en: legality review\n", ""), 2, "needs `en:`"),
        ("terms:\n" + ENTRY.replace("legality-review", "Legality Review"), 2, "is not lower-case ASCII"),
        ("terms:\n" + ENTRY + ENTRY, 7, "id 'legality-review' is used twice (first at line 2)"),
        ("terms:\n" + ENTRY + ENTRY.replace("id: legality-review", "id: other"), 7, "form '合法性审查' names both"),
        ("terms:\n" + ENTRY + "    forms: [legality]\n", 2, "is not a Chinese term"),
        ("terms:\n" + ENTRY + "    pinyin: he2 fa3\n", 2, "is not 5 tone-numbered syllables"),
        ("terms:\n" + ENTRY + "    note: ''\n", 2, "`note:` of entry 'legality-review' must be a non-empty text"),
        ("terms:\n  - [a]\n", 1, "must be a mapping"),
        ("terms:\n" + ENTRY + "    en: a: b\n", 7, "not valid YAML"),
        ("- a\n", 1, "must be a mapping with a list `terms:`"),
    ],
)
def test_schema_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        load_glossary(path, "seeds/glossary.yml")
    assert err.value.path == "seeds/glossary.yml" or err.value.path == str(path)
    assert err.value.line == line, str(err.value)
    assert message in err.value.message
    assert err.value.hint


def test_a_valid_entry_loads(tmp_path: Path):
    path = tmp_path / "glossary.yml"
    path.write_text("link: all\nterms:\n" + ENTRY + "    pinyin: he2 fa3 xing4 shen3 cha2\n", encoding="utf-8")
    gloss = load_glossary(path)
    assert gloss.scope == "all" and gloss.entries[0].forms == ("合法性审查",) and gloss.entries[0].line == 3


def test_a_report_may_add_its_own_entries(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "glossary.yml").write_text(GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "seeds" / "one.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    own = "terms:\n" + ENTRY.replace("legality-review", "wharf").replace("合法性审查", "镇海区")
    (tmp_path / "seeds" / "one.glossary.yml").write_text(own, encoding="utf-8")
    built = build(tmp_path, write=False)
    assert 'href="../../glossary/#wharf"' in built.files["zh-Hant/one/part-1.md"]
    assert "### 鎮海區 {#wharf}" in built.files["zh-Hant/glossary.md"]
    clash = "terms:\n" + ENTRY.replace("legality-review", "again")
    (tmp_path / "seeds" / "one.glossary.yml").write_text(clash, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        build(tmp_path, write=False)
    assert err.value.path == "seeds/one.glossary.yml" and err.value.line == 2
    assert "names both 'legality-review' and 'again'" in err.value.message


def test_module_boundaries_of_the_glossary_stages():
    import ast

    def imports(name: str) -> set[str]:
        tree = ast.parse((ROOT / "build_tools" / name).read_text(encoding="utf-8"))
        found = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        return found | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}

    assert not {"render", "render_terms"} & imports("glossary.py")  # matching renders no Markdown
    assert not {"os", "pathlib", "shutil", "tempfile", "opencc"} & imports("render_terms.py")
    users = [p.name for p in (ROOT / "build_tools").glob("*.py") if any("pypinyin" in m for m in imports(p.name))]
    assert users == ["collation.py"]


def test_an_explicit_traditional_heading_replaces_the_conversion(tmp_path: Path):
    path = tmp_path / "glossary.yml"
    entry = ENTRY.replace("    en:", "    zh-Hant: 適法性審查\n    forms: [合法性审查, “合审”]\n    en:")
    path.write_text("terms:\n" + entry, encoding="utf-8")
    (hant,) = terms_for(load_glossary(path), converter("s2tw"))
    assert hant.term == "適法性審查" and hant.forms == ("適法性審查", "“合審”")
    assert hant.explanation == "審查是否合法。" and hant.english == "legality review"
