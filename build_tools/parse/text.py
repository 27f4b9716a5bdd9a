"""Small text helpers shared by the parse stages."""

from __future__ import annotations

import re

# Invisible characters that must not change how a line is classified (they stay in the text).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACE = re.compile(r"\s+")


def probe(line: str) -> str:
    """The line as the grammar sees it: no invisible characters, no outer whitespace."""
    return _INVISIBLE.sub("", line).strip()


def squash(text: str) -> str:
    """Text with all whitespace and invisible characters removed, for comparisons."""
    return _SPACE.sub("", _INVISIBLE.sub("", text))


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
