"""Property-based tests: any bytes decode or fail with ReportError; any text with CJK, markup,
numbering and odd spaces parses or fails with ReportError, and when it parses nothing is lost."""

from __future__ import annotations

import codecs
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import render
from build_tools.converter import converter
from build_tools.decode import decode, normalize_newlines
from build_tools.errors import ReportError
from build_tools.fidelity import body_texts, check_fidelity
from build_tools.model import Settings
from build_tools.pages import conversion_note, ui
from build_tools.parse import parse
from build_tools.parse.text import probe
from build_tools.variants import to_variant

# modest counts so `make test` stays fast; PROPERTY_EXAMPLES=5000 to hunt for more
FEW = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 60)),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
MANY = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

ZERO_WIDTH = "\u200b\ufeff"
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
FRAGMENTS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "**",
        "_",
        "`",
        "[a](javascript:x)",
        "|",
        "# ",
        "{#id}",
        "<!-- x -->",
        "&amp;",
        "\\",
        "。",
        "，",
        "：",
        "；",
        "！",
        "？",
        "、",
        "（",
        "）",
        "“",
        "”",
        "《",
        "》",
        "\t",
        "\u3000",
        "\u00a0",
        "\u2002",
        "\u200b",
        "\ufeff",
        " ",
        "2024年",
        "12.5%",
        "一是",
        "二是",
        "各位代表：",
        "索引号: 1/2",
        "来源:",
        "字号:",
        "分享:",
        "附件",
        "名词解释",
    ]
)
NUMBERS = st.sampled_from(["", "", "", "一、", "二、", "十二、", "（一）", "(二)", "1.", "2．", "（1）", "(3)", "1、"])
WORDS = st.text(CJK, min_size=1, max_size=12)
LINE = st.builds(lambda n, parts: n + "".join(parts), NUMBERS, st.lists(st.one_of(WORDS, FRAGMENTS), max_size=8))
NEWLINE = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\r"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, min_size=0, max_size=25))
    return "".join(line + draw(NEWLINE) for line in lines)


@MANY
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode(data, "x.txt")
    except ReportError as err:
        assert err.path == "x.txt" and err.hint
        return
    assert "\r" not in text


@MANY
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_declared_or_marked_text_round_trips(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    declared = encoding if encoding == "gb18030" else None
    if declared is None and encoding == "utf-8" and ("\x00" in text or data.startswith(codecs.BOM_UTF8)):
        return  # a NUL byte is binary; a leading U+FEFF is read as a BOM
    assert decode(data, "x.txt", declared) == normalize_newlines(text)


@MANY
@given(st.text(st.one_of(CJK, st.sampled_from("，。、：\n 1234年（一）")), min_size=1, max_size=300))
def test_legacy_encoded_text_is_read_right_or_refused(text: str) -> None:
    """Never the wrong characters: GB18030 bytes give the text, or an error asking to declare the
    encoding (bytes that happen to be valid UTF-8 are read as UTF-8, as any such file is)."""
    data = text.encode("gb18030")
    try:
        decoded = decode(data, "x.txt")
    except ReportError:
        return
    assert decoded == normalize_newlines(text) or decoded == normalize_newlines(data.decode("utf-8"))


@FEW
@given(documents(), st.booleans())
def test_any_report_parses_or_fails_cleanly_and_loses_nothing(text: str, titled: bool) -> None:
    text = normalize_newlines(text)
    config = Settings(slug="p", title="设定的标题" if titled else None)
    try:
        report = parse(text, "p.txt", config)
    except ReportError as err:
        assert err.path == "p.txt" and err.hint
        return
    check_fidelity(report, text)  # raises ReportError when text was lost or changed
    # fidelity ignores zero-width characters; they must be kept all the same (but on lines that
    # are blank apart from them, which are blank lines)
    skipped = {r.line for r in report.removed} | set(report.header_lines)
    body = [line for n, line in enumerate(text.split("\n"), 1) if n not in skipped and probe(line)]
    kept = "".join(body_texts(report))
    for ch in ZERO_WIDTH:
        assert kept.count(ch) == sum(line.count(ch) for line in body), repr(ch)
    hant = to_variant(report, "zh-Hant", converter("s2tw"))
    for variant in (report, hant):
        pages = render.render_report(variant, ui(variant.lang), conversion_note(variant))
        assert pages and all(isinstance(page, str) for page in pages.values())
