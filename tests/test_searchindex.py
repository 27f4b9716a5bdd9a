"""The chunked search index (build_tools/searchindex.py): folding, keys, sharding, what a query
fetches and finds; and, on a site of many synthetic reports, that a query fetches a small part."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from conftest import CORPUS, build_project

from bench.synth import write_corpus
from build_tools import searchindex as si
from build_tools.foldmap import search_fold_map

FOLD = {"復": "复", "議": "议", "臺": "台"}


def _units() -> list[si.Unit]:
    return [
        si.Unit("a/", "甲报告", "导言。"),
        si.Unit("a/#s1", "深化行政复议改革", "三是深化行政复议体制机制改革。"),
        si.Unit("a/#s2", "其他", "行政机关复议机关"),  # every pair of 行政复议 but 政复: not a match
        si.Unit("b/", "乙報告", "行政復議 Reconsideration 2024"),
        si.Unit("glossary/", "术语", "行政复议 administrative reconsideration", 0.0001),
    ]


def _files(units: list[si.Unit]) -> dict[str, str]:
    return si.build(units, FOLD)


def _query(files: dict[str, str], text: str) -> tuple[list[list[si.Hit]], list[str]]:
    read_names: list[str] = []

    def read(name: str) -> str:
        read_names.append(name)
        return files[name]

    return si.query(text, read, FOLD), read_names


def test_folding_keeps_positions_and_lowercases_latin_only() -> None:
    assert si.fold("行政復議 ABC", FOLD) == "行政复议 abc"
    assert len(si.fold("İ行", FOLD)) == 2  # str.lower() would make İ two characters


def test_keys_are_han_characters_pairs_and_latin_prefixes() -> None:
    assert si.keys("行政复议") == {"行", "政", "复", "议", "行政", "政复", "复议"}
    assert si.keys("ab2024 x") == {"a", "ab", "ab2", "x"}
    assert si.keys("行，政") == {"行", "政"}  # no pair across punctuation


def test_a_query_needs_pairs_covering_each_han_run() -> None:
    assert si.query_parts(si.fold("行政復議 Law", FOLD)) == ["行政复议", "law"]
    assert si.part_keys("行政复议") == ["行政", "复议"]
    assert si.part_keys("行政复") == ["行政", "政复"]
    assert si.part_keys("复") == ["复"]
    assert si.part_keys("reconsideration") == ["rec"]


def test_the_hash_is_fnv1a_as_the_worker_computes_it() -> None:
    # FNV-1a 32-bit reference values: "" -> offset basis, "a" -> 0xe40c292c
    assert si.fnv1a("") == 0x811C9DC5 and si.fnv1a("a") == 0xE40C292C
    assert si.fnv1a("行") != si.fnv1a("政")


def test_the_same_units_give_the_same_bytes_and_every_key_lands_in_its_shard() -> None:
    files = _files(_units())
    assert files == _files(_units())
    manifest = json.loads(files["manifest.json"])
    assert manifest["units"] == 5 and manifest["chunks"][0] == 0
    for i in range(manifest["shards"]):
        for key in json.loads(files[f"shard-{i}.json"]):
            assert si.shard_of(key, manifest["shards"]) == i
    assert _files(_units()[::-1]) != files  # order is the caller's (pages sorted by URL)


def test_many_units_make_many_shards_and_chunks_that_name_a_continued_page() -> None:
    text = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(3000))  # many distinct pairs
    sections = range(4)  # about 12,000 characters a page: some chunks start inside one
    units = [
        si.Unit(f"p{n}/" + (f"#s{s}" if s else ""), f"第{n}页{s}", text[n % 50 :]) for n in range(30) for s in sections
    ]
    files = _files(units)
    manifest = json.loads(files["manifest.json"])
    assert manifest["shards"] > 4 and len(manifest["chunks"]) > 4
    continued = 0
    for i, start in enumerate(manifest["chunks"]):
        chunk = json.loads(files[f"chunk-{i}.json"])
        assert chunk["rows"][0][0] == units[start].location
        if "#" in units[start].location:  # starts inside a page: names it
            continued += 1
            page = units[start].location.split("#")[0]
            assert chunk["page"] == [page, f"第{page[1:-1]}页0"]
        else:
            assert "page" not in chunk
    assert continued


def test_a_result_group_gets_its_page_from_a_continued_chunk() -> None:
    units = [si.Unit("p/", "页题", "甲" * si.CHUNK_TARGET), si.Unit("p/#s", "节", "行政复议")]
    files = _files(units)
    groups, names = _query(files, "行政复议")
    assert names[-1] == "chunk-1.json"  # not chunk-0, the page's own unit
    assert [(h.location, h.title) for h in groups[0]] == [("p/#s", "节"), ("p/", "页题")]


def test_a_query_finds_the_phrase_in_either_script_and_shows_the_page_script() -> None:
    groups, _ = _query(_files(_units()), "行政復議")
    locations = [[hit.location for hit in group] for group in groups]
    assert locations == [["a/#s1", "a/"], ["b/"], ["glossary/"]]  # not a/#s2; the glossary last
    first = groups[0][0]
    assert first.title == "深化<mark>行政复议</mark>改革" and first.terms == ("行政复议",)
    assert first.text == "<p>三是深化<mark>行政复议</mark>体制机制改革。</p>"
    assert groups[1][0].terms == ("行政復議",)  # the Traditional page's own form, for ?h=
    assert groups[0][1].score == 0 and groups[0][1].text == ""  # the page, as Material's list expects


def test_latin_words_match_by_prefix_whatever_the_case() -> None:
    groups, _ = _query(_files(_units()), "reconsid")
    assert [g[0].location for g in groups] == ["b/", "glossary/"]
    assert groups[0][0].terms == ("Reconsid",)


def test_no_match_and_empty_queries() -> None:
    files = _files(_units())
    groups, names = _query(files, "行政改革")  # both pairs in a/#s1's title, the phrase nowhere
    assert groups == [] and "chunk-0.json" in names
    assert _query(files, "  ，。 ") == ([], [])  # nothing to look for: nothing fetched
    assert _query(files, "行政复议 不存在")[0] == []  # every part must occur


def test_text_is_escaped_and_excerpts_start_near_the_match() -> None:
    long = "前" * 200 + "<b>行政复议</b>" + "后" * 200  # the excerpt starts 30 characters before 行
    groups, _ = _query(_files([si.Unit("x/", "<i>题</i>", long)]), "行政复议")
    hit = groups[0][0]
    assert hit.title == "&lt;i&gt;题&lt;/i&gt;"
    assert hit.text.startswith("<p>…" + "前" * (si.EXCERPT_BEFORE - 3) + "&lt;b&gt;<mark>行政复议</mark>&lt;/b&gt;")
    assert hit.text.endswith("…</p>")


def test_a_query_fetches_the_manifest_its_shards_and_only_candidate_chunks() -> None:
    units = [si.Unit(f"p{n}/", f"页{n}", ("行政复议" if n == 7 else "其他内容") + "字" * 3000) for n in range(30)]
    files = _files(units)
    _, names = _query(files, "行政复议")
    manifest = json.loads(files["manifest.json"])
    assert names[0] == "manifest.json"
    assert set(names[1:-1]) == {f"shard-{si.shard_of(k, manifest['shards'])}.json" for k in ("行政", "复议")}
    assert si.shard_of("#行政", manifest["shards"]) == si.shard_of("行政", manifest["shards"])
    assert names[-1] == f"chunk-{si._chunk_of(7, manifest['chunks'])}.json"  # the one chunk holding p7


def test_page_units_follow_materials_sections_and_drop_markup() -> None:
    content = (
        '<h1 id="t">标题</h1><p>前言 &lt;b&gt;</p>'
        '<h2 id="s1">第一节<a class="headerlink" href="#s1">¶</a></h2><p>正文</p><ul><li>甲</li></ul>'
        "<div data-search-exclude><p>不入索引</p></div>"
    )
    units = si.page_units(content, "r/", "页题", 0.5)
    assert units == [si.Unit("r/", "标题", "前言 <b>", 0.5), si.Unit("r/#s1", "第一节", "正文 甲", 0.5)]


# --- a site of many synthetic reports ----------------------------------------------------------


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 synthetic reports (bench/synth.py: the seed, and the corpus's reports when present)."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), 24)
        seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((Path(tmp) / "seeds").iterdir())}
    return build_project(tmp_path_factory.mktemp("many"), seeds)


@pytest.mark.parametrize("variant", ["", "zh-Hant"])
def test_a_query_downloads_a_small_part_of_a_big_index(big_site: Path, variant: str) -> None:
    folder = big_site / variant / si.FOLDER
    total = sum(si.gzip_size(p.read_text(encoding="utf-8")) for p in folder.iterdir())
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["shards"] >= 8 and len(manifest["chunks"]) >= 8, manifest
    for query in ("行政复议", "行政復議", "法治政府", "复"):
        got = si.fetched(query, folder, search_fold_map())
        assert any(name.startswith("chunk-") for name in got), query  # it finds something
        assert len([n for n in got if n.startswith("chunk-")]) <= si.MAX_CHUNKS
        fetched = sum(si.gzip_size(text) for text in got.values())
        assert fetched < total / 3, (query, fetched, total)
    if CORPUS.is_dir():
        assert total > 300_000  # with the corpus's big reports: an index Material would send whole


def test_a_result_names_its_report_under_the_title() -> None:
    """Two reports' parts with the same heading: each result says which report it is in; on a
    report's own index page, whose title is the report's, the publisher and year only."""
    a, b = ("北京市政府工作报告", "北京市人民政府 · 2026"), ("政府工作报告", "上海市人民政府 · 2026")
    units = [
        si.Unit("a/", a[0], "导言。", report=a),
        si.Unit("a/part-3/", "三、2026年重点工作", "扎实推进重点工作。", report=a),
        si.Unit("b/part-3/", "三、2026年重点工作", "扎实推进<重点>工作。", report=b),
        si.Unit("glossary/", "术语", "重点工作", 0.0001),
    ]
    groups, _ = _query(_files(units), "重点工作")
    titles = {group[0].location: group[0].title for group in groups}
    label = '<span class="search-report">{}</span>'
    assert titles["a/part-3/"] == "三、2026年<mark>重点工作</mark>" + label.format(
        "北京市政府工作报告 · 北京市人民政府 · 2026"
    )
    assert titles["b/part-3/"].endswith(label.format("政府工作报告 · 上海市人民政府 · 2026"))
    assert titles["glossary/"] == "术语"  # not a report's page
    groups, _ = _query(_files(units), "导言")
    assert groups[0][0].title == "北京市政府工作报告" + label.format("北京市人民政府 · 2026")


def test_report_facts_come_from_the_pages_citation_data() -> None:
    cite = {"report": "某某报告", "publisher": "某某市人民政府", "date": "2026-01-26", "sections": {}}
    assert si.report_facts(cite) == ("某某报告", "某某市人民政府 · 2026")
    assert si.report_facts({"report": "某某报告", "publisher": "", "date": "2026年1月"}) == ("某某报告", "2026")
    assert si.report_facts({}) is None
