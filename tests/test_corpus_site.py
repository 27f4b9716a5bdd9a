"""All 29 corpus documents built together in one site (copied into a scratch seeds/, never into the
repository), with a report under a Chinese file name and one with attachments and notes: each with
its title, attachments and notes, the notes linked both ways in every variant and in the PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import CORPUS, build_project
from pypdf import PdfReader

EXPECTED = Path(__file__).parent / "corpus_expected"
NOTES_REPORT = """2026年某省政府工作报告
——2026年1月26日在某省第十四届人民代表大会第五次会议上
某省省长 张某
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，我们扎实推进“两重”［1］建设和“两新”［2］工作，经济运行稳中有进。
二、2026年工作安排
坚持用好“两重”［1］政策。
附件1
2026年省政府民生实事
一、就业增收
实现城镇新增就业60万人以上。
附件2 名词解释
［1］“两重”：是指国家重大战略实施和重点领域安全能力建设。
［2］“两新”：是指大规模设备更新和消费品以旧换新。"""
SITES = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "zh-HK": "zh-HK/"}
NOTE_LINK = re.compile(r'<a class="note-(ref|back)"[^>]* href="([^"]+)"')


def _corpus() -> dict[str, str]:
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if len(files) < 29:
        pytest.skip(f"the 29 corpus documents are not in {CORPUS}")
    return {path.name: path.read_text(encoding="utf-8") for path in files}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = _corpus()
    seeds["prc-1954-government-work-report-traditional.yml"] = "title: 1954年政府工作報告\n"  # it has no title line
    seeds["北京市2026年政府工作报告.txt"] = seeds["beijing-2026-government-work-report.txt"]
    seeds["notes-example.txt"] = NOTES_REPORT
    seeds["notes-example.yml"] = "zh_hk: true\n"
    return build_project(tmp_path_factory.mktemp("corpus-site"), seeds)


def _title(page: Path) -> str:
    h1 = re.search(r'<h1 id="title">(.*?)<a', page.read_text(encoding="utf-8"), re.S)
    assert h1, page
    return h1[1].strip()


def test_every_corpus_report_has_its_title(site: Path) -> None:
    expected = sorted(EXPECTED.glob("*.json"))
    assert len(expected) == 29
    for path in expected:
        title = json.loads(path.read_text(encoding="utf-8"))["title"]
        shown = {_title(site / folder / path.stem / "index.html") for folder in ("", "zh-Hant")}
        assert title in shown, path.stem  # the source's own script (the 1954 report's is Traditional)
    assert _title(site / "2026-beijingshi-zhengfu-gongzuo-baogao" / "index.html") == "2026年北京市政府工作报告"


def test_attachments_and_note_lists_have_pages_of_their_own(site: Path) -> None:
    annex = (site / "inner-mongolia-2026-government-work-report/annex-1/index.html").read_text(encoding="utf-8")
    assert "附件 2026年自治区民生实事" in annex
    notes = (site / "sichuan-2026-government-work-report/notes/index.html").read_text(encoding="utf-8")
    assert [f"note-{n}" for n in range(1, 21)] == re.findall(r'<p id="(note-\d+)" class="para note">', notes)
    example = site / "notes-example"
    assert {p.name for p in example.iterdir() if p.is_dir()} >= {"part-1", "part-2", "annex-1", "annex-2"}
    index = (example / "index.html").read_text(encoding="utf-8")
    assert '<p class="front-subtitle">——2026年1月26日在某省第十四届人民代表大会第五次会议上</p>' in index
    assert '<p class="front-speaker">某省省长 张某</p>' in index


@pytest.mark.parametrize("lang", SITES)
def test_note_markers_and_notes_link_both_ways(site: Path, lang: str) -> None:
    root = site / SITES[lang] / "notes-example"
    links = []
    for page in root.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        links += [
            (page, kind, href) for kind, href in re.findall(r'<a class="note-(ref|back)"[^>]* href="([^"]+)"', html)
        ]
    refs = [href for _, kind, href in links if kind == "ref"]
    backs = [href for _, kind, href in links if kind == "back"]
    assert sorted(refs) == ["../../notes-example/annex-2/#note-1"] * 2 + ["../../notes-example/annex-2/#note-2"]
    assert sorted(backs) == ["../../notes-example/part-1/#ref-1", "../../notes-example/part-1/#ref-2"]
    for page, _, href in links:
        url = urljoin(str(page.relative_to(site.parent)), href)
        target, anchor = url.split("#")
        html = (site.parent / target / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, (page, href)


def test_notes_link_both_ways_in_the_pdf(tmp_path: Path) -> None:
    site = build_project(tmp_path, {"notes-example.txt": NOTES_REPORT}, pdf=True)
    for lang, folder in (("zh-Hans", ""), ("zh-Hant", "zh-Hant/")):
        reader = PdfReader(site / folder / "notes-example" / f"notes-example.{lang}.pdf")
        assert {"ref-1", "ref-1-2", "ref-2", "note-1", "note-2"} <= set(reader.named_destinations)
        targets = []
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A") or {}
                dest = annot.get_object().get("/Dest") or action.get("/D")
                if dest is not None:
                    targets.append(str(dest))
        assert {"note-1", "note-2", "ref-1", "ref-2"} <= set(targets), targets
