"""Text is data: markup in a report renders literally on every page and in the search index."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from conftest import build_project
from htmltext import main_text

from build_tools.converter import converter
from build_tools.foldmap import search_fold_map
from build_tools.parse.text import squash
from build_tools.searchindex import FOLDER
from build_tools.searchindex import query as query_index

NASTY_TITLE = "<b>某区</b>关于*2024*年 [工作](javascript:alert(1)) 的报告 & 说明"
NASTY = f"""{NASTY_TITLE}

导言：<script>alert("x")</script> 与 **加粗** 与 _斜体_ 与 `代码` 与 <!-- 注释 --> 与 &amp; 实体。

一、<i>第一</i>部分 **要点** {{#evil}}

# 井号开头的一行，| 竖线 | 表格 |
- 减号开头的一行
[链接](javascript:alert(2)) 与 ![图](x.png) 与 <img src=x onerror=alert(3)>

（一）小节 `反引号` \\ 反斜杠

1. 数字加点开头也不是列表 {{: .cls }}
"""

LITERALS = [
    '<script>alert("x")</script>',
    "**加粗**",
    "_斜体_",
    "`代码`",
    "<!-- 注释 -->",
    "&amp;",
    "<i>第一</i>部分 **要点** {#evil}",
    "# 井号开头的一行，| 竖线 | 表格 |",
    "- 减号开头的一行",
    "[链接](javascript:alert(2))",
    "![图](x.png)",
    "<img src=x onerror=alert(3)>",
    "`反引号` \\ 反斜杠",
    "{: .cls }",
]


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("nasty"), {"nasty.txt": NASTY})


def test_markup_renders_literally(nasty_site: Path) -> None:
    to_hant = converter("s2tw")
    for root, convert in ((nasty_site, str), (nasty_site / "zh-Hant", to_hant)):
        pages = sorted((root / "nasty").rglob("index.html"))
        text = squash("".join(main_text(p) for p in pages))
        for literal in [NASTY_TITLE, *LITERALS]:
            assert squash(convert(literal)) in text, (root, literal)


def test_no_markup_becomes_live_html(nasty_site: Path) -> None:
    for page in nasty_site.rglob("*.html"):
        # <title> is RCDATA: a literal "<b>" in it is text, shown as typed, never an element
        html = re.sub(r"<title>.*?</title>", "", page.read_text(encoding="utf-8"), flags=re.S)
        article = html[html.find("<article") : html.find("</article>")]
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
        assert "<b>某区</b>" not in html, page  # not in the title, nav or headings either
        assert not re.search(r"<(strong|em|code|h1 id=\"evil|ul|li)[ >][^<]*(加粗|斜体|代码|减号)", article), page


def test_search_results_hold_no_live_markup(nasty_site: Path) -> None:
    """What the search worker answers (searchindex.query is it in Python) shows the markup as text."""
    for root in (nasty_site, nasty_site / "zh-Hant"):
        shown = []
        for query in ("导言", "某区", "链接", "第一", "井号", "代码"):
            hits = [hit for group in _query(root, query) for hit in group]
            assert hits, (root, query)
            shown += [hit.title + hit.text for hit in hits]
        for html in shown:
            assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html, html
            ours = r'</?(mark|p)>|<span class="search-report">|</span>'  # the result's report: search-report
            assert not re.sub(ours, "", html).count("<"), html  # only our own tags
        assert any(escape('<script>alert("x")</script>', quote=False) in html for html in shown), root
        assert any(escape("<img src=x onerror=alert(3)>", quote=False) in html for html in shown), root
        assert any("&lt;b&gt;<mark>" in html for html in shown), root  # the title: <b>某区</b> as typed


def _query(root: Path, query: str) -> list:
    read = lambda path: (root / FOLDER / path).read_text(encoding="utf-8")  # noqa: E731
    return query_index(query, read, search_fold_map())
