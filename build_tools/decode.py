"""Bytes to text, deliberately: BOMs, a declared encoding, newlines. Nothing about headings."""

from __future__ import annotations

import codecs

from .errors import ReportError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Return the text with LF newlines; raise ReportError for what is not text."""
    name = encoding or _sniff(data)
    if name == "utf-8" and b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReportError(path, "binary data (a NUL byte), not a text report", _HINT, line)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReportError(path, f"not valid {name}: byte {err.start} cannot be decoded", _HINT, line) from None
    except LookupError:
        raise ReportError(path, f"unknown encoding {name!r}", "use a Python codec name such as gb18030") from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return "utf-8"


_HINT = "save the report as UTF-8, or declare its encoding (encoding: gb18030) in its settings file"
