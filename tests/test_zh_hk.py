"""The optional zh-HK variant: built, linked and searchable for reports that switch it on, absent otherwise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SEED, build_project
from test_site import _search

from build_tools import dictionary, pipeline
from build_tools.converter import converter
from build_tools.errors import ReportError
from build_tools.model import Settings
from build_tools.searchdict import add_words
from build_tools.settings import load_settings

ON = SEED.stem  # the seed's settings say zh_hk: true
OFF = "plain-copy"  # the same text without settings: no zh-HK variant


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = SEED.read_text(encoding="utf-8")
    seeds = {SEED.name: text, SEED.with_suffix(".yml").name: SEED.with_suffix(".yml").read_text(encoding="utf-8")}
    return build_project(tmp_path_factory.mktemp("hk"), {**seeds, f"{OFF}.txt": text})


def _links(page: Path) -> dict[str, str]:
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(zh-[A-Za-z]+)"', page.read_text())}


def test_zh_hk_pages_exist_only_for_the_report_that_asks(two_sites: Path) -> None:
    hk = two_sites / "zh-HK"
    assert (hk / ON / "part-1" / "index.html").is_file()
    assert not (hk / OFF).exists()
    assert '<html lang="zh-HK"' in (hk / ON / "part-1" / "index.html").read_text(encoding="utf-8")
    home = (hk / "index.html").read_text(encoding="utf-8")
    assert f'href="{ON}/"' in home and f'href="{OFF}/"' not in home


def test_language_switch_offers_zh_hk_only_where_it_exists(two_sites: Path) -> None:
    on = two_sites / ON / "part-3" / "index.html"
    assert (on.parent / _links(on)["zh-HK"]).resolve() == (two_sites / "zh-HK" / ON / "part-3").resolve()
    off = two_sites / OFF / "part-3" / "index.html"
    assert "zh-HK" not in _links(off) and "zh-Hant" in _links(off)
    back = two_sites / "zh-HK" / ON / "part-3" / "index.html"
    assert (back.parent / _links(back)["zh-Hant"]).resolve() == (two_sites / "zh-Hant" / ON / "part-3").resolve()
    assert "zh-HK" in _links(two_sites / "index.html")  # home pages always exist


def test_zh_hk_search_finds_what_the_pages_say(two_sites: Path) -> None:
    index = json.loads((two_sites / "zh-HK" / "search" / "search_index.json").read_text(encoding="utf-8"))
    query = converter("s2hk", dictionary.pairs("s2hk", load_settings(SEED)))("行政复议")
    assert query == "行政復議"
    hits = _search(index, query)
    assert hits and hits[0] == f"{ON}/part-1/#part-1-2"


def test_zh_hk_text_uses_hong_kong_forms() -> None:
    report = pipeline.convert_file(SEED)["zh-HK"]
    text = "".join(b.text for s in report.sections for c in s.children for b in c.blocks if hasattr(b, "text"))
    assert "平台" in text and "平臺" not in text  # Hong Kong 台
    assert "着力" in text and "負責人參加" in text  # 着, and no 人蔘 slip
    assert pipeline.config_for(report) == "s2hk"


def test_zh_hk_needs_a_simplified_source() -> None:
    text = "關於發展的報告\n\n一、總體情況\n\n幹部瞭解情況。\n"
    with pytest.raises(ReportError) as caught:
        pipeline.convert_text(text, "seeds/t.txt", Settings(slug="t", zh_hk=True))
    assert caught.value.path == "seeds/t.yml"


def test_zh_hk_setting_must_be_a_flag(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("报告\n", encoding="utf-8")
    (tmp_path / "r.yml").write_text("slug: r\nzh_hk: yes please\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_settings(tmp_path / "r.txt")
    assert caught.value.line == 2


def test_zh_hk_and_a_hong_kong_zh_hant_would_repeat_each_other(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("报告\n", encoding="utf-8")
    (tmp_path / "r.yml").write_text("hant_config: s2hk\nzh_hk: true\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_settings(tmp_path / "r.txt")
    assert caught.value.line == 2


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-HK"])
def test_a_report_entry_is_one_word_in_the_search_index(two_sites: Path, lang: str) -> None:
    """The seed's own entry 编制 -> 編製 reaches the search dictionary: 編製 is found, not cut in two."""
    index = json.loads((two_sites / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = _search(index, "編製")
    assert hits and all(h.startswith(f"{ON}/") for h in hits)


def test_add_words_gives_a_new_form_the_replaced_word_frequency() -> None:
    source = "编制 2926 v\n发展 100 v\n"
    text = "編制 2926 v\n發展 100 v\n"
    assert add_words(text, source, [("编制", "編製"), ("发展", "發展"), ("被发", "被發")]) == text + "編製 2926 v\n"
