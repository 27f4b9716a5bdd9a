"""Candidate glossary terms in a report: quoted phrases (“…”) and recurring compounds.

For an editor growing the glossary: nothing here is published. Phrases already named by an
entry's form, and compounds overlapping one, are left out.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

import jieba

_QUOTED = re.compile(r"“([^“”\n]{2,20})”")
_RUN = re.compile(r"[\u3400-\u9fff]+")
# A compound that starts or ends with a function word is a fragment of a sentence, not a term.
_EDGE = frozenset("的和及与或等在对为了是将并中把被以于其之也而从向到由个")
MAX_WORDS = 3  # a compound is one to three words (jieba's segmentation) of 3 to 10 characters
jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Candidate:
    phrase: str
    count: int
    kind: str  # "quoted" or "compound"


def suggest(paragraphs: list[str], known: set[str], min_count: int = 3) -> list[Candidate]:
    text = "\n".join(paragraphs)  # non-CJK breaks: no phrase crosses a paragraph
    quoted = Counter(m.group(1) for m in _QUOTED.finditer(text))
    found = [Candidate(p, n, "quoted") for p, n in quoted.items() if p not in known]
    found += [Candidate(p, n, "compound") for p, n in _compounds(_mask(text, known), min_count, set(quoted)).items()]
    return sorted(found, key=lambda c: (-c.count, c.kind != "quoted", -len(c.phrase), c.phrase))


def _mask(text: str, known: set[str]) -> str:
    """Known terms become breaks, so no compound holds or cuts one."""
    for form in sorted(known, key=len, reverse=True):
        text = text.replace(form, "\n")
    return text


def _compounds(text: str, min_count: int, quoted: set[str]) -> dict[str, int]:
    grams: Counter[str] = Counter()
    for run in _RUN.findall(text):
        words = jieba.lcut(run, HMM=False)
        for size in range(1, MAX_WORDS + 1):
            for i in range(len(words) - size + 1):
                part = words[i : i + size]
                if part[0] not in _EDGE and part[-1] not in _EDGE and 3 <= len("".join(part)) <= 10:
                    grams["".join(part)] += 1
    keep = {g: n for g, n in grams.items() if n >= min_count and g not in quoted}
    # Only maximal compounds: drop one inside a longer compound seen as often.
    return {g: n for g, n in keep.items() if not any(g != h and g in h and keep[h] == n for h in keep)}
