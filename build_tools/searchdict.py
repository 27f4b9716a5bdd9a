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
