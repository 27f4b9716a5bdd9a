"""Every encoding of a report gives the same outline; odd spaces and invisible characters are
handled for parsing while the characters of the text are kept."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from conftest import SEED

from build_tools import conversion
from build_tools.errors import ReportError
from build_tools.outline import outline

TEXT = SEED.read_text(encoding="utf-8")


def source_outline(path: Path) -> dict:
    variants = conversion.convert_file(path)
    return outline(next(r for r in variants.values() if r.lang == r.source_lang))


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("utf8") / "r.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return source_outline(path)


ENCODINGS = {
    "utf-8-bom": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "gb18030-detected": TEXT.encode("gb18030"),
    "gbk-detected": TEXT.encode("gbk"),
    "crlf": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "cr": TEXT.replace("\n", "\r").encode("utf-8"),
    # never a lone "\r" before an empty "\n" line: that pair is one CRLF
    "mixed-newlines": "".join(line + ("\r\n", "\n", "\r")[n % 3] for n, line in enumerate(TEXT.split("\n"))).encode(
        "utf-8"
    ),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_same_outline_from_every_encoding(tmp_path: Path, expected: dict, name: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(ENCODINGS[name])
    assert source_outline(path) == expected


def test_declared_encoding_wins(tmp_path: Path, expected: dict) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("gbk"))
    (tmp_path / "r.yml").write_text("encoding: gbk\n", encoding="utf-8")
    assert source_outline(path) == expected


def test_wrong_declared_encoding_is_an_error_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "r.yml").write_text("encoding: ascii\n", encoding="utf-8")
    with pytest.raises(ReportError, match="not valid ascii") as err:
        conversion.convert_file(path)
    assert err.value.line == 1


def test_mojibake_guess_is_refused(tmp_path: Path) -> None:
    """A stray byte in UTF-8 is not taken as a hint to read the file in some other encoding."""
    data = TEXT.encode("utf-8")
    cut = data.index("二、".encode())
    path = tmp_path / "r.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    with pytest.raises(ReportError, match="not valid utf-8") as err:
        conversion.convert_file(path)
    assert err.value.line == TEXT[: TEXT.index("二、")].count("\n") + 1


# Odd whitespace and invisible characters, as web pages leave them.
ZW = "\u200b\u200c\u200d\u2060\ufeff"
INTERIOR = "\u00a0\u2002\u3000" + ZW  # inserted inside sentences: must be kept


def messy(text: str) -> str:
    """Odd spaces between header fields; in the body, U+3000/NBSP/U+2002/zero-width indentation,
    trailing spaces, and odd spaces and zero-width characters inside every longer line."""
    lines = text.split("\n")
    body = next(n for n, line in enumerate(lines) if line.startswith("2024年,"))
    out = []
    for n, line in enumerate(lines):
        if n < body:
            line = line.replace(" ", ("\u3000", "\u00a0", "\u2002 ")[n % 3])
        elif len(line) > 8:
            line = line[: middle(line)] + INTERIOR + line[middle(line) :]
            line = ("\u3000\u3000", "\u00a0\u00a0", "\u2002", "\u200b", " \t", "\u200b\u3000")[n % 6] + line
            line += (" ", "\u3000", "\t", "\u00a0 ", "", "\u200d")[n % 6]
        out.append(line)
    return "\r\n".join(out)


def middle(line: str) -> int:
    return len(line) // 2


def shape(data: dict) -> object:
    """The outline with every paragraph and title reduced to its visible, non-space characters."""
    if isinstance(data, dict):
        return {k: shape(v) for k, v in data.items() if k not in ("removed",)}
    if isinstance(data, list):
        return [shape(v) for v in data]
    if isinstance(data, str):
        return re.sub(rf"[\s{ZW}]", "", data)
    return data


def test_odd_spaces_and_invisible_characters_keep_the_outline(tmp_path: Path, expected: dict) -> None:
    path = tmp_path / "r.txt"
    path.write_text(messy(TEXT), encoding="utf-8")
    got = source_outline(path)
    assert shape(got) == shape(expected)
    assert [r["rule"] for r in got["removed"]] == [r["rule"] for r in expected["removed"]]


def test_odd_spaces_and_invisible_characters_inside_the_text_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(messy(TEXT), encoding="utf-8")
    got = source_outline(path)
    texts: list[str] = []

    def walk(sections: list[dict]) -> None:
        for s in sections:
            texts.append(s["number"] + s["title"])
            texts.extend(s["paragraphs"])
            walk(s["children"])

    texts.extend(got["preamble"])
    walk(got["sections"])
    joined = "\n".join(texts)
    lines = TEXT.split("\n")
    removed = {r["line"] for r in got["removed"]}
    start = next(n for n, line in enumerate(lines) if line.startswith("2024年,"))
    for n, line in enumerate(lines[start:], start + 1):
        if len(line) > 8 and n not in removed:
            cut = middle(line)
            assert line[cut - 3 : cut] + INTERIOR + line[cut : cut + 3] in joined, line
    assert sum(text.count(INTERIOR) for text in texts) == messy(TEXT).count(INTERIOR) - sum(
        r["text"].count(INTERIOR) for r in got["removed"]
    )
    # zero-width characters at line edges are kept too; only whitespace at line edges is layout
    for ch in ("\u200b", "\u200d"):
        in_removed = sum(r["text"].count(ch) for r in got["removed"])
        assert sum(text.count(ch) for text in texts) == messy(TEXT).count(ch) - in_removed


def test_short_legacy_file_must_declare_its_encoding(tmp_path: Path) -> None:
    """Too short to tell GB18030 from Big5 safely: an error naming the fix, not a guess."""
    path = tmp_path / "r.txt"
    path.write_bytes("某某报告\n正文。".encode("gb18030"))
    with pytest.raises(ReportError, match="not valid utf-8") as err:
        conversion.convert_file(path)
    assert "encoding: gb18030" in err.value.hint
    (tmp_path / "r.yml").write_text("encoding: gb18030\n", encoding="utf-8")
    assert source_outline(path)["title"] == "某某报告"


def test_title_keeps_its_zero_width_characters(tmp_path: Path, expected: dict) -> None:
    title = expected["title"]
    marked = title[:3] + "\u200b" + title[3:] + "\ufeff"
    path = tmp_path / "r.txt"
    path.write_text(TEXT.replace(title, "\u3000" + marked + "  ", 1), encoding="utf-8")
    got = source_outline(path)
    assert got["title"] == marked
    assert shape(got) == shape(expected) and len(got["removed"]) == len(expected["removed"])
