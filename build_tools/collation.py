"""Reader's order for the glossary: Hanyu Pinyin for zh-Hans and zh-HK, Zhuyin (bopomofo) for zh-Hant;
and ASCII ids from pinyin (the library's publisher pages). The only module that reads pinyin.

Zhuyin is the order of Taiwanese dictionaries, and the zh-Hant site follows Taiwan's standard
(OpenCC s2tw). Readings come from pypinyin, or from an entry's `pinyin:` where pypinyin errs.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin
from pypinyin.style.bopomofo import BopomofoConverter

from .glossary import Entry

_TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5}
_BOPOMOFO = BopomofoConverter()

Key = tuple[tuple[str, int], ...]


def ascii_id(text: str) -> str:
    """An ASCII id from the toneless pinyin of the text (镇海区政府办公室 -> zhen-hai-qu-zheng-fu-...)."""
    syllables = (re.sub(r"[^a-z0-9]", "", s.lower()) for s in lazy_pinyin(text))
    return "-".join(s for s in syllables if s)


def readings(entry: Entry) -> list[str]:
    """Tone-numbered pinyin syllables, one per Chinese character of the head term."""
    if entry.pinyin:
        return entry.pinyin.split()
    return lazy_pinyin(entry.term, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")


def plain_pinyin(text: str) -> str:
    """The Hanyu Pinyin of a word without tones, syllables run together (北京市 -> beijingshi);
    other characters as they are (a report's slug, slugs.py)."""
    return "".join(lazy_pinyin(text, errors="default"))


def sort_key(entry: Entry, lang: str) -> Key:
    syllables = readings(entry)
    if lang == "zh-Hant":
        return tuple(_zhuyin(s) for s in syllables)
    return tuple((s.rstrip("12345").replace("v", "ü"), int(s[-1]) if s[-1].isdigit() else 5) for s in syllables)


def _zhuyin(syllable: str) -> tuple[str, int]:
    """Bopomofo letters (their Unicode order is the dictionary order) and the tone."""
    z = _BOPOMOFO.to_bopomofo(syllable)
    tone = next((n for mark, n in _TONES.items() if mark in z), 1)
    return "".join(c for c in z if c not in _TONES), tone


def grouped(entries: tuple[Entry, ...], lang: str) -> list[tuple[str, list[Entry]]]:
    """Entries in reader's order, under a heading per initial letter (A … / ㄅ …)."""
    groups: list[tuple[str, list[Entry]]] = []
    for entry in sorted(entries, key=lambda e: (sort_key(e, lang), e.term)):
        key = sort_key(entry, lang)
        head = key[0][0][:1].upper() if key else "#"
        if not groups or groups[-1][0] != head:
            groups.append((head, []))
        groups[-1][1].append(entry)
    return groups
