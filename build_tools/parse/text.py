"""Small text helpers shared by the parse stages."""

from __future__ import annotations

import re
from functools import lru_cache

# Invisible characters that must not change how a line is classified (they stay in the text).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


@lru_cache(maxsize=4096)  # each stage of the parse probes the same lines again
def probe(line: str) -> str:
    """The line as the grammar sees it: no invisible characters, no outer whitespace."""
    if not has_invisible(line):  # the common case: no regex pass, no copy (probe runs on every line, often)
        return line.strip()
    return _INVISIBLE.sub("", line).strip()


def has_invisible(text: str) -> bool:
    """Whether _INVISIBLE would find anything; five substring tests are much faster than the regex."""
    return "\u200b" in text or "\u200c" in text or "\u200d" in text or "\u2060" in text or "\ufeff" in text


def squash(text: str) -> str:
    """Text with all whitespace and invisible characters removed, for comparisons."""
    if has_invisible(text):
        text = _INVISIBLE.sub("", text)
    # str.split() cuts at exactly the characters \s matches (tests/test_speedups.py), five times faster
    return "".join(text.split())


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f"


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines of one paragraph: nothing between CJK, a space between Latin words."""
    out = ""
    for part in parts:
        if out and part and not is_cjk(out[-1]) and not is_cjk(part[0]) and out[-1].isalnum() and part[0].isalnum():
            out += " "
        out += part
    return out


def keep_invisible(line: str, pieces: list[str]) -> list[str]:
    """`pieces` were cut from probe(line); give them back the invisible characters probe dropped.

    Whitespace around pieces stays dropped (it is layout); an invisible character goes with the
    piece that follows it, or with the last non-empty piece at the end of the line. When the
    pieces do not line up with the line, they are returned unchanged.
    """
    if not has_invisible(line):
        return pieces
    out: list[str] = []
    pos = 0
    for piece in pieces:
        kept: list[str] = []
        k = 0
        while k < len(piece):
            if pos >= len(line):
                return pieces
            ch = line[pos]
            pos += 1
            if ch == piece[k]:
                kept.append(ch)
                k += 1
            elif _INVISIBLE.match(ch):
                kept.append(ch)
            elif not (k == 0 and ch.isspace()):
                return pieces
        out.append("".join(kept))
    tail = "".join(_INVISIBLE.findall(line[pos:]))
    last = max((n for n, piece in enumerate(out) if piece), default=None)
    if tail and last is not None:
        out[last] += tail
    return out
