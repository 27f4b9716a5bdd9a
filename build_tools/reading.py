"""Both readings of a report's texts for the review list: how OpenCC decided each character
(trace.py), and the second opinion, the Simplified text cut into words by jieba (words.py) with
each word converted alone by the same OpenCC.

The words of all texts of a report go to OpenCC in one call (converter.OpenCCConvert.many: no
phrase matches across the line break that joins them, so each word converts as it would alone).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import trace, words
from .converter import Convert
from .risk import Reading
from .variants import convert_many


def reader(config: str, pairs: tuple[tuple[str, str], ...], convert: Convert) -> Callable[..., list[Reading]]:
    """read([(src, out), …]) -> their Readings, for OpenCC's `config` with the project's pairs, whose
    conversion is `convert`. Word boundaries come from the Simplified side (the source, or for a
    Traditional source the output: jieba's dictionary is Simplified)."""
    tracer = trace.tracer(config, pairs)
    simplified_source = config.startswith("s2")

    def read(texts: Sequence[tuple[str, str]]) -> list[Reading]:
        spans = [words.spans(src if simplified_source else out) for src, out in texts]
        pieces = [src[a:b] for (src, _), found in zip(texts, spans, strict=True) for a, b in found]
        converted = iter(convert_many(convert, pieces))
        out = []
        for (src, text), found in zip(texts, spans, strict=True):
            second = "".join(next(converted) for _ in found)
            if len(second) != len(src):  # never so with OpenCC's configs; never misalign
                second = text
            out.append(Reading(src, text, second, found, tracer.pieces(src)))
        return out

    return read
