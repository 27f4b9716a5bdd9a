"""The PDFs: written where each index page links them, complete, citable, properly set.

Checked with poppler (pdftotext, pdffonts) and pypdf on the PDFs `python -m build_tools pdf`
writes into the built site, as `make site` does.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from pypdf import PdfReader

from build_tools import pdf
from build_tools.conversion import convert_file, convert_text
from build_tools.fidelity import body_texts
from build_tools.model import Report, Section, Settings
from build_tools.parse.text import squash

SLUG = "zhenhai-2024-law-based-government"
LANGS = ("zh-Hans", "zh-Hant", "zh-HK")  # the seed switches zh-HK on
MM = 72 / 25.4  # points per millimetre (pdftotext measures in points at its default 72 dpi)


@pytest.fixture(scope="module")
def pdfs(built_site: Path) -> dict[str, Path]:
    """Written by `python -m build_tools pdf`, which the built_site fixture runs as `make site` does."""
    return {
        "zh-Hans": built_site / SLUG / f"{SLUG}.zh-Hans.pdf",
        "zh-Hant": built_site / "zh-Hant" / SLUG / f"{SLUG}.zh-Hant.pdf",
        "zh-HK": built_site / "zh-HK" / SLUG / f"{SLUG}.zh-HK.pdf",
    }


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return convert_file(SEED)


def pdftotext(path: Path, *options: str) -> str:
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def body_box() -> list[str]:
    """pdftotext options that keep only the text block: no running header, page number or margin ids."""
    m, page = pdf.MARGIN_MM, pdf.PAGE_MM
    x, y = m["left"] * MM, m["top"] * MM
    w, h = (page["width"] - m["left"] - m["right"]) * MM, (page["height"] - m["top"] - m["bottom"]) * MM
    return ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w) + 1), "-H", str(int(h) + 1)]


def sentences(texts: list[str]) -> list[str]:
    return [squash(s) for t in texts for s in re.split(r"(?<=[。；;])", t) if squash(s)]


def missing_in_order(expected: list[str], text: str) -> list[str]:
    missing, at = [], 0
    for s in expected:
        found = text.find(s, at)
        if found < 0:
            missing.append(s)
        else:
            at = found + len(s)
    return missing


def after_contents(path: Path) -> str:
    """The body text (pages after the table of contents), whitespace removed."""
    reader = PdfReader(path)
    toc_page = reader.get_destination_page_number(reader.named_destinations["contents"]) + 1  # 1-based
    return squash(pdftotext(path, "-f", str(toc_page + 1), *body_box()))


def test_each_index_page_links_its_own_variants_pdf(pdfs: dict[str, Path], built_site: Path) -> None:
    for lang in LANGS:
        page = built_site / ("" if lang == "zh-Hans" else lang) / SLUG / "index.html"
        links = re.findall(r'<a href="([^"]+\.pdf)"', page.read_text(encoding="utf-8"))
        assert links == [f"{SLUG}.{lang}.pdf"]
        assert (page.parent / links[0]).resolve() == pdfs[lang].resolve()
        assert pdfs[lang].read_bytes().startswith(b"%PDF-")


def test_zh_hans_pdf_has_every_sentence_of_the_seed_in_order(pdfs: dict[str, Path], reports: dict[str, Report]) -> None:
    """Straight from the seed file: every line but the header and the recorded chrome."""
    report = reports["zh-Hans"]
    skipped = {r.line for r in report.removed} | set(report.header_lines)
    lines = [t for n, t in enumerate(SEED.read_text(encoding="utf-8").split("\n"), 1) if n not in skipped]
    expected = sentences(lines)
    assert len(expected) > 100
    assert missing_in_order(expected, after_contents(pdfs["zh-Hans"])) == []


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-HK"])
def test_traditional_pdf_has_every_sentence_of_the_variant_in_order(
    pdfs: dict[str, Path], reports: dict[str, Report], lang: str
) -> None:
    expected = sentences(list(body_texts(reports[lang])))
    assert len(expected) > 100
    assert missing_in_order(expected, after_contents(pdfs[lang])) == []


@pytest.mark.parametrize("lang", LANGS)
def test_cover_has_title_publisher_date_and_metadata(pdfs: dict[str, Path], reports: dict[str, Report], lang: str):
    report = reports[lang]
    cover = squash(pdftotext(pdfs[lang], "-l", "1"))
    assert squash(report.title) in cover
    for field in report.metadata:
        assert squash(field.label + field.value) in cover
    assert report.publisher and report.publisher in cover and report.date and report.date in cover


@pytest.mark.parametrize("lang", LANGS)
def test_one_font_an_embedded_subset_of_the_variants_face(pdfs: dict[str, Path], lang: str) -> None:
    """One face in one weight (each more is another subset of the same characters)."""
    run = subprocess.run(["pdffonts", str(pdfs[lang])], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()[2:]]
    assert rows
    face = {"zh-Hans": "CJK-SC", "zh-Hant": "CJK-TC", "zh-HK": "CJK-TC"}[lang]
    for name, *_, emb, sub, uni, _obj, _gen in rows:
        assert (emb, sub, uni) == ("yes", "yes", "yes"), name
        assert re.fullmatch(rf"[A-Z]{{6}}\+Noto-Serif-{face}", name), name
    assert len(rows) == 1, rows


@pytest.mark.parametrize("lang", LANGS)
def test_pages_after_the_cover_carry_their_number_and_the_title(
    pdfs: dict[str, Path], reports: dict[str, Report], lang: str
) -> None:
    count = len(PdfReader(pdfs[lang]).pages)
    assert count >= 4
    m = pdf.MARGIN_MM
    foot = ["-y", str(int((pdf.PAGE_MM["height"] - m["bottom"]) * MM)), "-H", str(int(m["bottom"] * MM))]
    head = ["-y", "0", "-H", str(int(m["top"] * MM))]
    for n in range(1, count + 1):
        page = ["-f", str(n), "-l", str(n), "-x", "0", "-W", "1000"]
        number = re.findall(r"\d+", pdftotext(pdfs[lang], *page, *foot))
        header = squash(pdftotext(pdfs[lang], *page, *head))
        if n == 1:
            assert number == [] and header == ""  # the cover stands alone
        else:
            assert number == [str(n)]
            assert header == squash(reports[lang].title)


def _outline(reader: PdfReader, items: list, depth: int = 0) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []
    for item in items:
        if isinstance(item, list):
            out += _outline(reader, item, depth + 1)
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_bookmarks_for_parts_and_sections(pdfs: dict[str, Path], reports: dict[str, Report], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    got = [(depth, title) for depth, title, _ in _outline(reader, reader.outline)]
    expected = [(0, pdf_contents_word(lang))]
    for part in reports[lang].sections:
        expected.append((0, part.number + part.title))
        expected += [(1, s.number + s.title) for s in part.children]
    assert got == expected


def pdf_contents_word(lang: str) -> str:
    return {"zh-Hans": "目录", "zh-Hant": "目錄", "zh-HK": "目錄"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_contents_gives_the_page_each_heading_is_on(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    entries = _outline(reader, reader.outline)[1:]
    toc_page = reader.get_destination_page_number(reader.named_destinations["contents"]) + 1
    toc = squash(pdftotext(pdfs[lang], "-f", str(toc_page), "-l", str(toc_page)))
    for _, title, page in entries:
        # the heading is really on that page, and the contents line ends with that number
        on_page = squash(pdftotext(pdfs[lang], "-f", str(page), "-l", str(page), *body_box()))
        assert squash(title) in on_page
        assert re.search(re.escape(squash(title)) + r"\.+" + str(page) + r"(?!\d)", toc), title


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_ends_with_a_heading(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    for _, title, page in _outline(reader, reader.outline)[1:]:
        assert _page_lines(pdfs[lang], page)[-1] != squash(title), f"{title} is the last line of page {page}"


def test_a_heading_keeps_its_first_lines_on_its_page(tmp_path: Path) -> None:
    """Many short sections make page breaks fall everywhere; without break-after: avoid, several
    headings end a page (7 of 99 when tried), with it none."""
    from build_tools.pdfbuild import write_pdf

    sections = "".join(f"（{i}）第{i}项工作\n\n{'推进工作落实' * ((i * 37) % 23 + 3)}。\n\n" for i in range(1, 100))
    report = convert_text(f"某某情况报告\n\n一、总体情况\n\n{sections}", "h.txt", Settings(slug="h"))["zh-Hans"]
    target = tmp_path / "headings.pdf"
    write_pdf(report, target)
    reader = PdfReader(target)
    entries = _outline(reader, reader.outline)
    assert len(entries) == 101 and len(reader.pages) > 10
    ends = [title for _, title, page in entries if _page_lines(target, page)[-1] == squash(title)]
    assert ends == []


@functools.cache
def _page_lines(path: Path, page: int) -> list[str]:
    text = pdftotext(path, "-f", str(page), "-l", str(page), *body_box())
    return [squash(line) for line in text.splitlines() if squash(line)]


@pytest.mark.parametrize("lang", LANGS)
def test_properties_title_author_language(pdfs: dict[str, Path], reports: dict[str, Report], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    assert reader.metadata is not None
    assert reader.metadata.title == reports[lang].title
    assert reader.metadata.author == reports[lang].publisher
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged: reading order for screen readers


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_has_the_sites_id_as_anchor_and_margin_label(
    pdfs: dict[str, Path], reports: dict[str, Report], lang: str
) -> None:
    reader = PdfReader(pdfs[lang])
    ids = [p.id for p in reports[lang].preamble]

    def walk(section: Section) -> None:
        ids.extend(b.id for b in section.blocks)
        for child in section.children:
            walk(child)

    for part in reports[lang].sections:
        walk(part)
    assert len(ids) > 15
    assert set(ids) <= set(reader.named_destinations)
    margins = pdftotext(pdfs[lang], "-x", "0", "-W", str(int(pdf.MARGIN_MM["left"] * MM)), "-y", "0", "-H", "900")
    assert margins.split() == ids  # in the margin, in order, and nothing else there


@pytest.mark.parametrize("lang", LANGS)
def test_seed_pdf_stays_small(pdfs: dict[str, Path], lang: str) -> None:
    assert pdfs[lang].stat().st_size < 1024 * 1024  # 355-391 KiB with one face


def test_pdf_step_names_a_bad_config_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text("某某报告\n\n正文。\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_dir: [\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "pdf", "--root", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "mkdocs.yml" in run.stderr and "hint:" in run.stderr and "Traceback" not in run.stderr


def test_pdf_step_reads_site_dir_from_configs_with_python_tags(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text("某某报告\n\n正文。\n", encoding="utf-8")
    tag = "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.x\n"
    (tmp_path / "mkdocs.yml").write_text(f"site_dir: out\n{tag}", encoding="utf-8")
    (tmp_path / "mkdocs.zh-Hant.yml").write_text("INHERIT: mkdocs.yml\nsite_dir: out/zh-Hant\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "pdf", "--root", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "r" / "r.zh-Hans.pdf").is_file()
    assert (tmp_path / "out" / "zh-Hant" / "r" / "r.zh-Hant.pdf").is_file()
    assert "报告" in pdftotext(tmp_path / "out" / "r" / "r.zh-Hans.pdf")


HOSTILE = (
    "关于<b>加粗</b> & *星号* 的报告\n\n"
    "开头 <script>alert(1)</script> 与 [a](b) | # 完。\n\n"
    "一、总体 <i>情况</i>\n\n"
    "正文 &amp; 第二句；第三句。\n"
)


def test_print_html_escapes_report_text() -> None:
    report = convert_text(HOSTILE, "hostile.txt", Settings(slug="hostile"))["zh-Hans"]
    html = pdf.print_html(report, {**_ui(), "site_name": "库"}, "注 <u>", None)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "<u>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "正文 &amp;amp; 第二句" in html  # an entity in the text stays text


def test_hostile_text_prints_literally(tmp_path: Path) -> None:
    from build_tools.pdfbuild import write_pdf

    report = convert_text(HOSTILE, "hostile.txt", Settings(slug="hostile"))["zh-Hans"]
    target = tmp_path / "hostile.pdf"
    write_pdf(report, target)
    text = squash(pdftotext(target))
    for literal in (
        "关于<b>加粗</b>&*星号*的报告",
        "<script>alert(1)</script>与[a](b)|#完。",
        "总体<i>情况</i>",
        "正文&amp;第二句；",
    ):
        assert literal in text


def _small_document() -> str:
    from build_tools.pdfbuild import print_document

    report = convert_text("某某情况报告\n\n一、总体情况\n\n推进工作落实。\n", "s.txt", Settings(slug="s"))["zh-Hans"]
    return print_document(report, {**_ui(), "site_name": "库"})


def test_streams_compressed_once_are_the_bytes_pydyf_writes(tmp_path: Path) -> None:
    """At pydyf's level the finisher changes no byte: it only spares the second compression."""
    import weasyprint

    from build_tools.pdfbuild import STYLESHEET, compress_streams_once

    def write(**options: object) -> bytes:
        document = weasyprint.HTML(string=_small_document(), base_url=str(tmp_path))
        css = weasyprint.CSS(filename=str(STYLESHEET))
        return document.write_pdf(stylesheets=[css], pdf_identifier=b"s", pdf_tags=True, **options)

    assert write(finisher=functools.partial(compress_streams_once, level=9)) == write()


def test_a_worker_renders_the_same_bytes_whatever_came_before(tmp_path: Path, reports: dict[str, Report]) -> None:
    """The font configuration and stylesheet a process keeps carry nothing from one PDF to the next:
    a document rendered after others is the one a fresh configuration renders."""
    import weasyprint

    from build_tools.pdfbuild import STYLESHEET, compress_streams_once, print_document, render_pdf

    small, seed = _small_document(), print_document(reports["zh-Hant"], {**_ui(), "site_name": "库"})
    render_pdf(small, tmp_path / "first.pdf", "s")
    render_pdf(seed, tmp_path / "seed.pdf", "seed")  # another face (TC), many more characters
    render_pdf(small, tmp_path / "again.pdf", "s")
    fresh = weasyprint.HTML(string=small, base_url=str(tmp_path)).write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))],
        finisher=compress_streams_once,
        pdf_identifier=b"s",
        pdf_tags=True,
    )
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "again.pdf").read_bytes() == fresh


def _ui() -> dict[str, str]:
    from build_tools.pages import ui

    return ui("zh-Hans")


def test_only_pdfbuild_imports_weasyprint() -> None:
    users = [
        p.name
        for p in (ROOT / "build_tools").rglob("*.py")
        if re.search(r"^\s*import weasyprint|^\s*from weasyprint", p.read_text(encoding="utf-8"), re.M)
    ]
    assert users == ["pdfbuild.py"]
