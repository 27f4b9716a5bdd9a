"""The terminology check: a translated unit whose Chinese contains a glossary term must name it as
the glossary does, with the term's `en` or one of its `en-alternatives` (seeds/glossary.yml, the
single place to change a rendering).

Terms are found in the Chinese as the glossary links them (longest form first, a “quoted” form
only between quotation marks, never inside a 《cited title》: a title's English is its own name).
The English is compared word by word, ignoring case, quotation marks, hyphens, a leading "the",
a plural -s and a rendering's parenthesised words. A translator may justify an exception with
a translator comment on the entry: `term <term or its id>: <why>`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..glossary import Glossary, find_terms, protected_ranges, terms_for
from ..model import Paragraph, Term
from .catalogue import Entry

_WORD = re.compile(r"[a-z0-9]+")
_PARENS = re.compile(r"\([^()]*\)")
_JUSTIFIED = re.compile(r"^\s*term\s+(.+?)\s*[:：]\s*\S")
JUSTIFY_HINT = (
    "use the glossary's rendering, add an `en-alternatives:` to the term, "
    "or justify the exception with a translator comment `# term TERM: why`"
)


@dataclass(frozen=True)
class Miss:
    unit: str  # the unit's id
    term: Term
    english: str  # the translation that does not name it
    line: int  # the entry's line in the catalogue


def terms_in(text: str, gloss: Glossary) -> list[Term]:
    """The glossary terms in a zh-Hans text, each once, in order of first occurrence."""
    protected = protected_ranges(Paragraph("", text, 0))  # cited titles
    found = find_terms(text, terms_for(gloss, None), protected)
    return list({term.id: term for _, _, term in found}.values())


def names(english: str, term: Term, alternatives: tuple[str, ...]) -> bool:
    """Whether the English names the term by its rendering or one of its alternatives."""
    words = _words(english)
    for rendering in (term.english, *alternatives):
        wanted = _words(_PARENS.sub(" ", rendering))
        if wanted[:1] == ("the",):
            wanted = wanted[1:]
        if wanted and any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
            return True
    return False


def justified(comment: str, term: Term) -> bool:
    """A translator comment line `term <term, a form or its id>: <reason>`."""
    accepted = {term.id, term.term, *(f.strip("“”") for f in term.forms)}
    return any((m := _JUSTIFIED.match(line)) and m[1].strip("“”") in accepted for line in comment.splitlines())


def misses(entries: dict[str, Entry], gloss: Glossary) -> list[Miss]:
    """Every unjustified miss of the translated (not fuzzy) entries, in catalogue order."""
    alternatives = {e.id: e.english_alternatives for e in gloss.entries}
    out = []
    for unit, entry in entries.items():
        if not entry.text or entry.fuzzy:
            continue
        for term in terms_in(entry.source, gloss):
            if not names(entry.text, term, alternatives[term.id]) and not justified(entry.comment, term):
                out.append(Miss(unit, term, entry.text, entry.line))
    return out


def miss_line(catalogue: str, miss: Miss) -> str:
    """`file:line: unit: term (rendering) is not named in the English`"""
    where = f"{catalogue}:{miss.line}" if miss.line else catalogue
    return f"{where}: {miss.unit}: {miss.term.term} ({miss.term.english}) is not named in the English"


def hint(gloss: Glossary, text: str) -> str:
    """The catalogue's extracted comment for a unit: its terms and their renderings."""
    alternatives = {e.id: e.english_alternatives for e in gloss.entries}
    lines = []
    for term in terms_in(text, gloss):
        also = "".join(f" / {a}" for a in alternatives[term.id])
        lines.append(f"term {term.term}: {term.english}{also}")
    return "\n".join(lines)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return tuple(_singular(w) for w in _WORD.findall(text.replace("'s", "")))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
