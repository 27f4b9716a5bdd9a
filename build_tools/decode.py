"""Bytes to text, deliberately: BOMs, a declared encoding, GB18030/Big5 detection, newlines.

Nothing about headings. Order: a BOM wins; then an encoding declared in the settings; then
strict UTF-8; only when UTF-8 fails, charset-normalizer may name a Chinese legacy encoding.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import ReportError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What detection may answer. Anything else it guesses (cp720, latin-1 …) from Chinese bytes is
# mojibake, so the file is reported as bad UTF-8 instead. GBK and GB2312 are subsets of GB18030.
_DETECTABLE = {
    "gb18030": "gb18030",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
}
# Below this, a guess is unsafe: short GB18030 texts read as valid Big5 (wrong characters, no
# error). From about 100 characters up, natural and random Chinese text were detected right.
MIN_DETECT_BYTES = 200
MAX_BYTES = 20_000_000  # ~6.6 M characters; the longest real reports are under 1 MB


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Return the text with LF newlines; raise ReportError for what is not text."""
    check_size(len(data), path)
    name = _bom(data) or encoding
    if name is None and b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReportError(path, "binary data (a NUL byte), not a text report", _HINT, line)
    try:
        text = data.decode(name or "utf-8")
    except UnicodeDecodeError as err:
        detected = None if name else _detect(data, err)
        if detected is None:
            line = data[: err.start].count(b"\n") + 1
            raise ReportError(
                path, f"not valid {name or 'utf-8'}: byte {err.start} cannot be decoded", _HINT, line
            ) from None
        text = detected
    except LookupError:
        raise ReportError(path, f"unknown encoding {name!r}", "use a Python codec name such as gb18030") from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _detect(data: bytes, err: UnicodeDecodeError) -> str | None:
    """The text in a Chinese legacy encoding, or None (then the UTF-8 error stands)."""
    if err.reason == "unexpected end of data" or len(data) < MIN_DETECT_BYTES:
        return None  # valid UTF-8 cut short, or too little to tell: the UTF-8 error stands
    best = from_bytes(data).best()
    encoding = _DETECTABLE.get(best.encoding) if best else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def check_size(size: int, path: str) -> None:
    """Refuse a file too large to be one report, before reading it."""
    if size > MAX_BYTES:
        raise ReportError(
            path,
            f"file too large: {size:,} bytes (the limit is {MAX_BYTES:,})",
            "a report is text of at most a few hundred KB; check that this is the right file, or split it",
        )


_HINT = "save the report as UTF-8, or declare its encoding (encoding: gb18030) in its settings file"
