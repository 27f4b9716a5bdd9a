"""Which one-to-many choices are risky, why, and what the other reading would be.

For each text the review gives a Reading: the source, OpenCC's output, how OpenCC decided each
character (trace.py), and a second opinion: the source cut into words by jieba (words.py) and
each word converted alone by the same OpenCC. The rules (data/review_rules.yml) compare them; an
editor reads the risky choices first. Pure: texts and tables in, Risk out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import yamlfile
from .converter import character_table
from .errors import ReportError
from .model import Phrase
from .trace import PROJECT, Piece

RULES_FILE = Path(__file__).parent / "data" / "review_rules.yml"
# The rules the code knows, each a test below; the data file orders them and says which are risky.
KNOWN = (
    "not-applied",
    "readings-differ",
    "sentence-sense",
    "several-senses",
    "phrase-form",
    "quoted-term",
    "split-crossing",
    "split-default",
    "crosses-words",
)
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class Rules:
    order: tuple[str, ...]  # rule ids, most urgent first
    risky: frozenset[str]
    says: dict[str, str]
    split: frozenset[str]  # characters whose senses split
    senses: frozenset[str]  # phrases whose sense depends on the sentence
    quotes: dict[str, str]  # opening -> closing quotation mark of a coined term
    longest: int  # the most characters of a coined term


@dataclass(frozen=True)
class Reading:
    """One text as OpenCC converted it, and as the second opinion reads it."""

    src: str
    out: str  # OpenCC's conversion, as long as src
    second: str  # each word converted alone, as long as src
    words: Sequence[tuple[int, int]]  # (start, end) of each word, in order
    pieces: Sequence[Piece]  # the phrases that decided characters (trace.Tracer.pieces)
    at: dict[int, Piece] = field(init=False)  # offset -> the piece covering it
    starts: list[int] = field(init=False)
    ends: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", {i: p for p in self.pieces for i in range(p.start, p.end)})
        object.__setattr__(self, "starts", [a for a, _ in self.words])
        object.__setattr__(self, "ends", frozenset(b for _, b in self.words) | {0})

    def fits(self, start: int, end: int) -> bool:
        """Whether src[start:end] crosses no word boundary of the second opinion halfway: it lies
        inside one word, or starts and ends on word boundaries."""
        return (start in self.ends and end in self.ends) or self.word_at(start) == self.word_at(end - 1)

    def word_at(self, i: int) -> int:
        """The index of the word holding offset i."""
        return bisect_right(self.starts, i) - 1


@dataclass(frozen=True)
class Risk:
    reasons: tuple[str, ...]  # rule ids that apply, most urgent first
    risky: bool
    how: str  # how OpenCC decided the character
    word: tuple[int, int]  # the word in context: what an editor accepts or corrects
    other: str  # the word as the other reading would write it ("" when there is none)


def assess(
    reading: Reading,
    i: int,
    forms: tuple[str, ...],
    alternatives: tuple[str, ...],
    against: Phrase | None,
    against_at: int,
    rules: Rules,
) -> Risk:
    """The risk of the choice OpenCC made at offset i. `forms` are the character's candidates (its
    default first), `alternatives` those it did not get. `against` is a phrase of the project's own
    (entry, lock or accepted word) that covers i from `against_at` and writes it otherwise."""
    src, out = reading.src, reading.out
    piece = reading.at.get(i)
    span = (piece.start, piece.end) if piece else (i, i + 1)
    reasons = []
    if against is not None:
        reasons.append("not-applied")
    if out[i] != reading.second[i]:
        reasons.append("readings-differ")
    sense = _sense(src, i, rules.senses)
    if sense:
        reasons.append("sentence-sense")
        span = (min(span[0], sense[0]), max(span[1], sense[1]))
    if piece and piece.source != PROJECT and len({c[i - piece.start] for c in piece.candidates}) > 1:
        reasons.append("several-senses")
    split = src[i] in rules.split
    if split and piece and piece.source != PROJECT and piece.candidates[0][i - piece.start] != forms[0]:
        reasons.append("phrase-form")
    if split and (piece is None or piece.source != PROJECT) and _quoted(src, i, rules):
        reasons.append("quoted-term")
    if split and piece is None:
        reasons.append("split-default")
    if piece and piece.source != PROJECT and not reading.fits(piece.start, piece.end):
        reasons.append("split-crossing" if split else "crosses-words")
    reasons.sort(key=rules.order.index)
    word = _word(reading, *span, context=bool(sense))
    first = reasons[0] if reasons else ""
    other = _other(reading, i, word, first, piece, alternatives, against, against_at)
    return Risk(tuple(reasons), bool(rules.risky.intersection(reasons)), _how(reading, i, piece), word, other)


def _sense(src: str, i: int, senses: frozenset[str]) -> tuple[int, int] | None:
    for phrase in senses:
        start = src.find(phrase, max(0, i - len(phrase) + 1))
        if 0 <= start <= i < start + len(phrase):
            return start, start + len(phrase)
    return None


def _quoted(src: str, i: int, rules: Rules) -> bool:
    """Whether offset i is inside a quoted term of at most rules.longest characters (“几字弯”)."""
    closing = set(rules.quotes.values())
    for k in range(i - 1, max(-1, i - 1 - rules.longest), -1):
        if src[k] in rules.quotes:
            return 0 <= src.find(rules.quotes[src[k]], i + 1, k + rules.longest + 2)
        if src[k] in closing:
            return False
    return False


def _word(reading: Reading, start: int, end: int, context: bool) -> tuple[int, int]:
    """The words holding src[start:end]; with `context` (a sense that depends on the sentence), or
    when that is one character, a neighbouring word too: an acceptance names a word in its context."""
    words = reading.words
    first, last = reading.word_at(start), reading.word_at(end - 1)
    if context or words[last][1] - words[first][0] < 2:
        if last + 1 < len(words) and _HAN.match(reading.src[words[last + 1][0]]):
            last += 1
        elif first > 0 and (context or last == first):
            first -= 1
        if context and first > 0 and _HAN.search(reading.src[slice(*words[first - 1])]):
            first -= 1
    return words[first][0], words[last][1]


def _other(
    reading: Reading,
    i: int,
    word: tuple[int, int],
    first: str,
    piece: Piece | None,
    alternatives: tuple[str, ...],
    against: Phrase | None,
    against_at: int,
) -> str:
    """The word in context as the first reason's other reading writes it."""
    a, b = word
    out = reading.out
    if first == "readings-differ":
        return reading.second[a:b]
    if first == "not-applied" and against is not None:
        chars = list(out[a:b])
        for k, form in enumerate(against.form, against_at):
            if a <= k < b:
                chars[k - a] = form
        return "".join(chars)
    if first in ("sentence-sense", "several-senses") and piece and len(piece.candidates) > 1:
        return " / ".join(_with(out, a, b, piece.start, c) for c in piece.candidates if c != piece.candidates[0])
    if first in ("sentence-sense", "several-senses", "phrase-form", "quoted-term", "split-crossing", "split-default"):
        return " / ".join(_with(out, a, b, i, alt) for alt in alternatives)
    return ""


def _with(out: str, a: int, b: int, at: int, form: str) -> str:
    """out[a:b] with `form` written from offset `at` (only where it differs from the default)."""
    chars = list(out[a:b])
    for k, ch in enumerate(form, at):
        if a <= k < b:
            chars[k - a] = ch
    return "".join(chars)


def _how(reading: Reading, i: int, piece: Piece | None) -> str:
    """`default of 发`, or `STPhrases 编制 → 編制 | 編製`, and the words it crosses if it does."""
    if piece is None:
        how = f"default of {reading.src[i]}"
        a, b = reading.words[reading.word_at(i)]
        cut = [p for p in {reading.at.get(a), reading.at.get(b - 1)} if p and not reading.fits(p.start, p.end)]
        return how + "".join(f", OpenCC's phrase {p.phrase} took a part of {reading.src[a:b]}" for p in cut)
    how = f"{piece.source} {piece.phrase} → {' | '.join(piece.candidates)}"
    if reading.fits(piece.start, piece.end):
        return how
    first, last = reading.word_at(piece.start), reading.word_at(piece.end - 1)
    crossed = "|".join(reading.src[slice(*w)] for w in reading.words[first : last + 1])
    return f"{how}, across the words {crossed}"


@cache
def rules() -> Rules:
    return read_rules(RULES_FILE)


def read_rules(path: Path) -> Rules:
    raw = yamlfile.load(path)
    shown = str(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ReportError(shown, "expected `rules:` (a list) and the character lists", _HINT, 1)
    order, risky, says = [], set(), {}
    for rule in raw["rules"]:
        line = yamlfile.line_of(rule) or yamlfile.key_line(raw, "rules")
        if not isinstance(rule, dict) or rule.get("id") not in KNOWN:
            found = rule.get("id") if isinstance(rule, dict) else rule
            raise ReportError(shown, f"unknown rule {found!r}", f"the rules are {', '.join(KNOWN)}", line)
        if rule["id"] in order:
            raise ReportError(shown, f"rule {rule['id']} appears twice", "keep one of them", line)
        for key, kind in (("risky", bool), ("says", str)):
            if not isinstance(rule.get(key), kind):
                where = yamlfile.key_line(rule, key) or line
                raise ReportError(shown, f"rule {rule['id']} needs `risky: true|false` and `says: …`", _HINT, where)
        order.append(rule["id"])
        says[rule["id"]] = rule["says"]
        if rule["risky"]:
            risky.add(rule["id"])
    missing = [rule for rule in KNOWN if rule not in order]
    if missing:
        raise ReportError(shown, f"rules {', '.join(missing)} are missing", "list every rule, risky or not", 1)
    table = character_table("s2tw")
    split = _mapping(raw, "split_characters", shown)
    for ch in split:
        where = yamlfile.key_line(split, ch)
        if len(ch) != 1:
            raise ReportError(shown, f"split_characters: {ch!r} is not one character", _HINT, where)
        if len(table.get(ch, ())) < 2:
            raise ReportError(shown, f"split_characters: {ch} has one form only", "remove it", where)
    senses = _mapping(raw, "sentence_senses", shown)
    for phrase in senses:
        if not any(len(table.get(ch, ())) > 1 for ch in phrase):
            where = yamlfile.key_line(senses, phrase)
            message = f"sentence_senses: {phrase} has no character with more than one form"
            raise ReportError(shown, message, _HINT, where)
    quotes, longest = _quoted_terms(raw, shown)
    return Rules(tuple(order), frozenset(risky), says, frozenset(split), frozenset(senses), quotes, longest)


def _quoted_terms(raw: dict, shown: str) -> tuple[dict[str, str], int]:
    value = raw.get("quoted_terms")
    where = yamlfile.key_line(raw, "quoted_terms")
    quotes = value.get("quotes") if isinstance(value, dict) else None
    longest = value.get("longest") if isinstance(value, dict) else None
    if not isinstance(quotes, list) or not all(isinstance(q, str) and len(q) == 2 for q in quotes):
        raise ReportError(shown, "quoted_terms: `quotes:` must list pairs of marks such as “”", _HINT, where)
    if type(longest) is not int or longest < 1:
        raise ReportError(shown, "quoted_terms: `longest:` must be a whole number of characters", _HINT, where)
    return {q[0]: q[1] for q in quotes}, longest


def _mapping(raw: dict, key: str, shown: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(isinstance(k, str) and k for k in value):
        hint = f"write e.g.\n  {key}:\n    发: 發 (issue) / 髮 (hair)"
        raise ReportError(shown, f"`{key}:` must be a mapping of text: explanation", hint, yamlfile.key_line(raw, key))
    return value


_HINT = "see the comments at the top of build_tools/data/review_rules.yml"
