"""A Traditional-script jieba dictionary for the zh-Hant search index.

jieba's dictionary is Simplified: it cuts 行政復議 into 行政/復/議, so a reader's query finds
nothing. Converting its words with OpenCC gives the zh-Hant index the same words.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

HANT_DICT = Path("build/jieba/dict.zh-Hant.txt")


def jieba_dictionary() -> Path:
    """jieba's own dictionary file, found without importing jieba (slow, noisy)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed; run `make site` to install the pinned packages")
    return Path(spec.origin).parent / "dict.txt"


def hant_dictionary(source: str, convert: Callable[[str], str]) -> str:
    """The dictionary text with every word converted; frequencies of merged words add up."""
    words: dict[str, list[str]] = {}
    converted = convert("\n".join(line.split(" ", 1)[0] for line in source.splitlines())).split("\n")
    for word, line in zip(converted, source.splitlines(), strict=True):
        _, freq, *tag = line.split(" ")
        if word in words:
            words[word][0] = str(int(words[word][0]) + int(freq))
        else:
            words[word] = [freq, *tag]
    return "".join(f"{word} {' '.join(rest)}\n" for word, rest in words.items())


def add_words(text: str, source: str, entries: list[tuple[str, str]]) -> str:
    """A report's own dictionary forms as words too (编制 -> 編製 in one report), with the frequency
    of the word they replace, so the index does not cut them into single characters."""
    freq = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in source.splitlines()}
    have = {line.split(" ", 1)[0] for line in text.splitlines()}
    added = {form: freq[phrase] for phrase, form in sorted(entries) if phrase in freq and form not in have}
    return text + "".join(f"{form} {rest}\n" for form, rest in added.items())
