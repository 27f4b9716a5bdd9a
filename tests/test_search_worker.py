"""The browser's search worker (overrides/assets/javascripts/workers/search.js) and its Python twin
(searchindex.query, which the other search tests and the benchmark use) agree: the same index files
fetched, the same sections found, the first one first."""

from __future__ import annotations

import re
from dataclasses import asdict
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from test_browser import _url

from build_tools.foldmap import search_fold_map
from build_tools.searchindex import FOLDER, _hit, fnv1a, part_keys, query


@pytest.mark.parametrize(
    ("lang", "text"),
    [("zh-Hans", "行政复议"), ("zh-Hant", "行政复议"), ("zh-Hans", "reconsideration"), ("zh-HK", "2024 法治 政府")],
)
def test_the_worker_fetches_and_finds_what_the_python_query_does(site_url, new_page, lang: str, text: str) -> None:
    base = _url(site_url, lang, "")
    fetched: list[str] = []
    page = new_page()
    page.on("request", lambda r: fetched.append(r.url) if f"/{FOLDER}/" in r.url else None)
    page.goto(base + "?q=" + quote(text))  # Material's deep link: one query, not one per typed letter
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # let Material finish rendering the result list
    hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "l => l.map(a => a.href)")
    links = [re.sub(r"\?h=[^#]*", "", link) for link in hrefs if "#" in link]

    read_names: list[str] = []

    def read(name: str) -> str:
        read_names.append(name)
        with urlopen(base + FOLDER + "/" + name) as answer:
            return answer.read().decode("utf-8")

    groups = query(text, read, search_fold_map())
    assert sorted({re.sub(r"\?v=\w+$", "", u.rsplit("/", 1)[1]) for u in fetched}) == sorted(read_names)
    sections = [base + hit.location for group in groups for hit in group if "#" in hit.location]
    assert links and sorted(links) == sorted(sections)
    assert links[0] == sections[0]


def test_the_worker_hashes_and_folds_keys_as_the_index_builder(site_url, new_page) -> None:
    """Shards are found by hash: the worker's fnv1a and partKeys, run in the browser, give Python's."""
    page = new_page()
    page.goto(_url(site_url, "zh-Hans", ""))
    keys = ["行政", "复议", "#行政", "a", "rec", "20", "𠀀丁", "é"]
    parts = ["行政复议", "行政复", "复", "reconsideration", "𠀀丁丂"]
    got = page.evaluate(
        """async ([keys, parts]) => {
             const src = await (await fetch("assets/javascripts/workers/search.js")).text();
             const pick = name => {
               const at = src.indexOf("function " + name);
               return src.slice(at, src.indexOf("\\n}\\n", at) + 2);
             };
             const HAN = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\\\u{20000}-\\\\u{3134f}";
             const HAN_RUN = new RegExp("^[" + HAN + "]+$", "u");
             const fnv1a = eval("(" + pick("fnv1a") + ")"), partKeys = eval("(" + pick("partKeys") + ")");
             return [keys.map(fnv1a), parts.map(partKeys)];
           }""",
        [keys, parts],
    )
    assert got == [[fnv1a(k) for k in keys], [part_keys(p) for p in parts]]


def _worker_functions(page, names: list[str]) -> str:
    """JS source defining the worker's constants and the named functions, for page.evaluate."""
    return page.evaluate(
        """async names => {
             const src = await (await fetch("assets/javascripts/workers/search.js")).text();
             const pick = name => {
               const at = src.indexOf("function " + name + "(");
               return src.slice(at, src.indexOf("\\n}\\n", at) + 2);
             };
             const at = src.indexOf("var MAX_CHUNKS"), consts = src.slice(at, src.indexOf(";", at) + 1);
             return consts + "\\n" + names.map(pick).join("\\n");
           }""",
        names,
    )


def test_the_worker_escapes_and_marks_as_the_python_query(site_url, new_page) -> None:
    """Text is data: a section holding markup is shown as typed, in the browser's worker too."""
    page = new_page()
    page.goto(_url(site_url, "zh-Hans", ""))
    rows = [
        ["r/#a", "<b>行政復議</b> & 题", '导言：<script>alert("x")</script> 行政复议 <img src=x onerror=alert(3)> &'],
        ["r/", "𠀀行政复议", "前" * 100 + "行政复议" + "后" * 200, 0.5],
        ["r/#b", "无关", "行政 复议"],
    ]
    fold = {"復": "复", "議": "议"}
    source = _worker_functions(page, ["fold", "spans", "escapeHtml", "marked", "hit"])
    got = page.evaluate(
        "([source, rows, fold]) => { self.FOLD_MAP = fold; eval(source); return rows.map(r => hit(r, ['行政复议'])); }",
        [source, rows, fold],
    )
    want = []
    for row in rows:
        hit = _hit(row, ["行政复议"], fold)
        want.append(hit and {**asdict(hit), "terms": dict.fromkeys(hit.terms, True)})
    assert got == want
    assert "&lt;script&gt;" in got[0]["text"] and "<script" not in got[0]["text"]  # escaped, not live


def test_the_worker_names_each_results_report_as_the_python_query(site_url, new_page) -> None:
    """Under each result's title, the report it is in (searchindex._labelled and its twin in the worker)."""
    base = _url(site_url, "zh-Hant", "")
    page = new_page()
    page.goto(base + "?q=" + quote("行政复议"))
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)
    shown = page.eval_on_selector_all(".md-search-result__item article h1", "l => l.map(h => h.innerHTML)")

    def read(name: str) -> str:
        with urlopen(base + FOLDER + "/" + name) as answer:
            return answer.read().decode("utf-8")

    groups = query("行政复议", read, search_fold_map())
    pages = [next(hit.title for hit in group if "#" not in hit.location) for group in groups]
    assert shown == pages
    report = "寧波市鎮海區人民政府關於2024年法治政府建設情況報告 · 鎮海區政府辦公室 · 2025"
    assert shown[0] == f'一、2024年法治政府建設主要舉措和成效<span class="search-report">{report}</span>'
    assert shown[-1] == "術語表"  # the glossary is no report's page
