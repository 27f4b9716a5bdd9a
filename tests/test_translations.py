"""The translation catalogues: `translations update` and `status` (build_tools/translations/)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import DEMO, ROOT, SEED

from build_tools.conversion import parse_text
from build_tools.errors import ReportError
from build_tools.glossary import load_glossary
from build_tools.model import Settings
from build_tools.pages import ui
from build_tools.translations import catalogue, terms
from build_tools.translations.catalogue import Entry
from build_tools.translations.english import english
from build_tools.translations.render import report_pages
from build_tools.translations.status import FUZZY, TRANSLATED, UNTRANSLATED, state, status
from build_tools.translations.units import Unit, units

SLUG = SEED.stem
PO = Path("translations/en") / f"{SLUG}.po"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "translations", *args, "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def project(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "seeds")
    return tmp_path


def translate(path: Path, ids: dict[str, str]) -> None:
    """As a translator's PO editor would: fill some msgstr."""
    po = polib.pofile(str(path))
    for e in po:
        if e.msgctxt in ids:
            e.msgstr = ids[e.msgctxt]
    po.save(str(path))


def test_update_creates_a_catalogue_with_one_entry_per_unit_keyed_by_id(tmp_path):
    root = project(tmp_path)
    got = run(root, "update")
    assert got.returncode == 0 and "translations update NAME" in got.stdout  # no catalogue: nothing made
    assert not (root / PO).exists()
    got = run(root, "update", SLUG)
    assert got.returncode == 0, got.stderr
    po = polib.pofile(str(root / PO))
    assert po.metadata["Language"] == "en" and po.metadata["Project-Id-Version"] == SLUG
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    ids = [e.msgctxt for e in po]
    assert ids[:4] == ["title", "meta-1-label", "meta-1", "meta-2-label"]
    assert {"preamble-p1", "part-1", "part-1-1", "part-1-1-p1", "part-3-5-p1"} <= set(ids)
    assert len(ids) == len(set(ids))
    by_id = {e.msgctxt: e for e in po}
    assert by_id["part-1"].msgid == "一、2024年法治政府建设主要举措和成效"
    assert by_id["meta-3"].msgstr == "2025-03-11"  # a date is its own translation
    assert by_id["part-1-1-p1"].msgstr == "" and by_id["part-1-1-p1"].occurrences
    assert "法治政府: law-based government" in by_id["title"].comment  # the terms, for the translator
    again = run(root, "update", f"seeds/{SEED.name}")  # a report named by its file: nothing to change
    assert again.returncode == 0 and again.stdout == f"{PO}: no change\n"
    bad = run(root, "update", "no-such-report")
    assert bad.returncode == 1 and "no-such-report: no such report in seeds/" in bad.stderr


def test_editing_one_sentence_makes_exactly_that_unit_fuzzy(tmp_path):
    root = project(tmp_path)
    run(root, "update", SLUG)
    po = polib.pofile(str(root / PO))
    everything = {e.msgctxt: f"English of {e.msgctxt}." for e in po}
    translate(root / PO, everything)
    seed = root / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    old = "全区共700余名区管领导干部完成上一年度述职述法。"
    assert text.count(old) == 1
    seed.write_text(text.replace(old, "全区共800余名区管领导干部完成上一年度述职述法。"), encoding="utf-8")
    got = run(root, "update")
    assert got.returncode == 0, got.stderr
    assert "1 fuzzy" in got.stdout
    po = polib.pofile(str(root / PO))
    fuzzy = [e for e in po if "fuzzy" in e.flags]
    assert [e.msgctxt for e in fuzzy] == ["part-1-1-p1"]
    assert fuzzy[0].msgstr == "English of part-1-1-p1."  # the old English stays, as a suggestion
    assert old in fuzzy[0].previous_msgid and "800余名" in fuzzy[0].msgid
    assert all(e.msgstr == everything[e.msgctxt] for e in po)
    status = run(root, "status")
    assert f"{PO}: {len(po)} units: {len(po) - 1} translated, 1 fuzzy, 0 untranslated" in status.stdout


def test_a_unit_gone_becomes_obsolete_and_ids_never_move(tmp_path):
    units = [Unit("p1", "第一段。", "paragraph", 1), Unit("p2", "第二段。", "paragraph", 2)]
    po, _ = catalogue.update(None, units, "x", "seeds/x.txt", lambda u: "")
    po[0].msgstr, po[1].msgstr = "First.", "Second."
    # p1 is deleted: the old second paragraph is now p1, and a new p2 follows
    shifted = [Unit("p1", "第二段。", "paragraph", 1), Unit("p2", "第三段。", "paragraph", 2)]
    po, changes = catalogue.update(polib.pofile(str(po)), shifted, "x", "seeds/x.txt", lambda u: "")
    by_id = {e.msgctxt: e for e in po}
    assert by_id["p1"].msgid == "第二段。" and by_id["p1"].msgstr == "First." and "fuzzy" in by_id["p1"].flags
    assert by_id["p2"].msgid == "第三段。" and by_id["p2"].msgstr == "Second." and "fuzzy" in by_id["p2"].flags
    assert changes.fuzzy == ["p1", "p2"]
    # a unit that disappears: obsolete when translated, kept at the end; back again: revived
    po, changes = catalogue.update(po, shifted[:1], "x", "seeds/x.txt", lambda u: "")
    assert changes.obsolete == ["p2"] and po[-1].obsolete and po[-1].msgstr == "Second."
    assert '#~ msgctxt "p2"' in catalogue.text_of(po)
    po, changes = catalogue.update(polib.pofile(catalogue.text_of(po)), shifted, "x", "seeds/x.txt", lambda u: "")
    assert changes.revived == ["p2"] and not po[-1].obsolete


def test_a_new_unit_with_a_known_text_gets_its_translation_as_a_suggestion():
    po, _ = catalogue.update(None, [Unit("p1", "同一段。", "paragraph", 1)], "x", "x.txt", lambda u: "")
    po[0].msgstr = "Same."
    moved = [Unit("p1", "新的一段。", "paragraph", 1), Unit("p2", "同一段。", "paragraph", 2)]
    po, _ = catalogue.update(po, moved, "x", "x.txt", lambda u: "")
    p2 = next(e for e in po if e.msgctxt == "p2")
    assert p2.msgstr == "Same." and "fuzzy" in p2.flags and p2.previous_msgctxt == "p1"


def test_translator_comments_and_header_fields_survive_an_update(tmp_path):
    units = [Unit("p1", "法治政府。", "paragraph", 1)]
    po, _ = catalogue.update(None, units, "x", "x.txt", lambda u: "tool")
    po[0].msgstr, po[0].tcomment = "Law-based government.", "term 法治政府: checked"
    po.metadata["Last-Translator"] = "A Translator <a@example.org>"
    po, changes = catalogue.update(polib.pofile(str(po)), units, "x", "x.txt", lambda u: "tool again")
    assert changes.text() == "no change"
    assert po[0].tcomment == "term 法治政府: checked" and po[0].comment == "tool again"
    assert po.metadata["Last-Translator"] == "A Translator <a@example.org>"


def test_state_counts_a_stale_entry_as_fuzzy_even_before_update():
    unit = Unit("p1", "新文本。", "paragraph", 1)
    stale = {"p1": catalogue.Entry("旧文本。", "Old text.", False, "")}
    assert state(unit, stale) == FUZZY
    assert state(unit, {"p1": catalogue.Entry("新文本。", "New text.", False, "")}) == TRANSLATED
    assert state(unit, {"p1": catalogue.Entry("新文本。", "", False, "")}) == UNTRANSLATED
    assert state(unit, {}) == UNTRANSLATED
    s = status([unit, Unit("p2", "二。", "paragraph", 2)], {"p1": catalogue.Entry("新文本。", "New.", True, "")})
    assert s.units == {"translated": 0, "fuzzy": 1, "untranslated": 1} and s.chars["fuzzy"] == 4


def test_bad_catalogues_name_their_line(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text('msgctxt "a"\nmsgid "一"\nmsgstr "one"\n\nmsgctxt "a"\nmsgid "二"\nmsgstr "two"\n', encoding="utf-8")
    with pytest.raises(ReportError) as err:
        catalogue.read(bad, "bad.po")
    assert "bad.po:5: two entries for unit 'a'" in str(err.value)
    bad.write_text('msgid "一"\nmsgstr "one"\n', encoding="utf-8")
    with pytest.raises(ReportError, match="has no msgctxt"):
        catalogue.read(bad, "bad.po")
    bad.write_text('msgctxt "a"\nmsgid "一"\nmsgstr: "one"\n', encoding="utf-8")
    with pytest.raises(ReportError, match="not a readable PO file") as err:
        catalogue.read(bad, "bad.po")
    assert str(err.value).startswith("bad.po:3: ")


@pytest.fixture(scope="module")
def gloss():
    return load_glossary(SEED.parent / "glossary.yml")


def entry(source: str, text: str, comment: str = "") -> catalogue.Entry:
    return catalogue.Entry(source, text, False, comment, 7)


def test_term_check_finds_a_rendering_missing_from_the_english(gloss):
    source = "全面推进行政复议工作。"
    assert [t.id for t in terms.terms_in(source, gloss)] == ["administrative-reconsideration"]
    good = entry(source, "Administrative Reconsideration was advanced in every respect.")
    bad = entry(source, "Administrative review was advanced in every respect.")
    assert terms.misses({"p1": good}, gloss) == []
    [miss] = terms.misses({"p1": bad}, gloss)
    assert miss.unit == "p1" and miss.term.id == "administrative-reconsideration"
    assert terms.miss_line("x.po", miss) == (
        "x.po:7: p1: 行政复议 (administrative reconsideration) is not named in the English"
    )
    # a justified exception: a translator comment naming the term (or its id) and a reason
    assert terms.misses({"p1": entry(source, bad.text, "term 行政复议: here the general sense")}, gloss) == []
    assert terms.misses({"p1": entry(source, bad.text, "term administrative-reconsideration: ok")}, gloss) == []
    assert terms.misses({"p1": entry(source, bad.text, "term 行政复议:")}, gloss) != []  # no reason given


def test_term_check_ignores_case_plurals_quotes_and_parenthesised_words(gloss):
    term = next(t for t in terms.terms_in("网格", gloss))
    assert term.english == "grid (management)"
    assert terms.names("the Grids of the district", term, ())
    eight = next(t for t in terms.terms_in("“八进”", gloss))
    assert terms.names('an "Eight Settings" campaign', eight, ())
    assert not terms.names("eight visits", eight, ())
    assert terms.names("eight visits", eight, ("eight visits",))  # an alternative recorded in the glossary


def test_term_check_skips_cited_titles_and_untranslated_or_fuzzy_units(gloss):
    assert terms.terms_in("《中华人民共和国行政复议法》", gloss) == []
    fuzzy = catalogue.Entry("行政复议。", "Review.", True, "")
    assert terms.misses({"p1": fuzzy, "p2": entry("行政复议。", "")}, gloss) == []


def test_glossary_alternatives_must_be_a_list_of_texts(tmp_path):
    path = tmp_path / "g.yml"
    path.write_text(
        "terms:\n  - id: a\n    zh-Hans: 行政\n    en: administration\n    explain: 解释\n    explain-en: e\n"
        "    en-alternatives: admin\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportError, match="en-alternatives"):
        load_glossary(path)
    path.write_text(path.read_text().replace("en-alternatives: admin", "en-alternatives: [admin]"))
    assert load_glossary(path).entries[0].english_alternatives == ("admin",)


SPEECH = (
    "政府工作报告\n——2026年1月26日在某省第十四届人民代表大会第五次会议上\n省长 某某\n各位代表：\n"
    "一、工作回顾\n过去一年，经济平稳增长。\n附件\n重点项目清单\n一、交通项目\n建设一条高速公路。\n"
)


def test_front_lines_and_attachments_are_units_and_reach_the_english_page():
    report = parse_text(SPEECH, "speech.txt", Settings(slug="speech")).report
    found = {u.id: u for u in units(report)}
    assert found["front-1"].text.startswith("——2026年1月26日") and found["front-2"].text == "省长 某某"
    assert found["annex-1"].text == "附件 重点项目清单"  # the attachment's label and title, as printed
    assert "annex-1-part-1" in found
    entries = {"front-1": Entry(found["front-1"].text, "Delivered on 26 January 2026", False, "")}
    page = report_pages(english(report, entries, [], "speech.po"), ui("en"))["speech/index.md"]
    assert '<p class="front-subtitle">Delivered on 26 January 2026</p>' in page
    assert '<p class="front-speaker" lang="zh-Hans">省长 某某</p>' in page  # still Chinese, and says so


def test_an_untranslated_note_entry_shows_its_chinese_with_its_way_back_to_the_marker():
    """A note list's entry is a paragraph of its own kind (`para note`); untranslated, the English
    page shows the Chinese entry, still a note, with its link back into the English site."""
    text = "某报告\n一、情况\n正文［1］。\n名词解释\n［1］“两新”：是指设备更新。\n"
    report = parse_text(text, "notes.txt", Settings(slug="notes")).report
    pages = report_pages(english(report, {}, [], "notes.po"), ui("en"))
    page = next(text for path, text in pages.items() if 'id="note-1"' in text)
    entry = re.search(r'<p id="note-1" class="para note tr-untranslated" lang="zh-Hans">.*?</p>', page)
    assert entry and "“两新”：是指设备更新。" in entry[0]
    assert 'href="../../notes/part-1/#ref-1"' in entry[0]  # the way back, within the English site
