"""Gold conversions of corpus reports, judged by hand: tests/cases/conversion_gold/REPORT.CONFIG.yml.

Every occurrence of a character with more than one candidate in OpenCC's character table was read in
its context and given its right form (and, where usage is contested, the other acceptable forms). The
files keep the words and the decisions, never the report's text: `gold_items` reads them against
the corpus file and yields one GoldItem per judged character. Also recorded, for scoring a review
list: which characters plain OpenCC writes wrong, and which the project wrote wrong before issue 15.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import corpus_file

from build_tools import yamlfile
from build_tools.converter import character_table

GOLD = Path(__file__).parent / "cases" / "conversion_gold"


@dataclass(frozen=True)
class GoldItem:
    line: int  # 1-based, in the corpus file
    column: int  # 1-based, in the line as in the file
    char: str  # the source character
    forms: tuple[str, ...]  # the acceptable forms, the preferred first
    reason: str  # why, for a decision that is not routine ("" for a routine word)
    opencc: str | None  # the form plain OpenCC writes, when it is wrong
    main: str | None  # the form the project wrote before issue 15, when it is wrong
    published: bool  # False for page tools the project removes (nothing converts them)
    word: str  # the word in context the character was judged in


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.yml"))


def gold_items(gold: Path) -> Iterator[GoldItem]:
    """Every judged character of one gold file, in the order of the file's words. Skips the test
    (pytest.skip, with the reason) when the corpus is not beside this checkout; a word that is not
    at its recorded place raises ValueError (the corpus file is not the one that was judged)."""
    data = yamlfile.load(gold)
    lines = corpus_file(data["report"]).read_text(encoding="utf-8").split("\n")
    table = character_table(data["config"])
    for row in data["words"]:
        word, form = row["word"], row["form"]
        also = row.get("also", [])
        for at in row["at"].split():
            line, column = (int(n) for n in at.split(":"))
            if lines[line - 1][column - 1 : column - 1 + len(word)] != word:
                raise ValueError(f"{gold.name}: {word!r} is not at {at} of {data['report']}")
            for i, char in enumerate(word):
                if len(table.get(char, ())) < 2:
                    continue
                forms = tuple(dict.fromkeys([form[i], *(a[i] for a in also)]))
                yield GoldItem(
                    line=line,
                    column=column + i,
                    char=char,
                    forms=forms,
                    reason=row.get("why", ""),
                    opencc=_wrong(row.get("opencc"), i, forms),
                    main=_wrong(row.get("main"), i, forms),
                    published=row.get("published", True),
                    word=word,
                )


def _wrong(written: str | None, i: int, forms: tuple[str, ...]) -> str | None:
    """The character written at i, when it is not one of the acceptable forms."""
    return written[i] if written and written[i] not in forms else None
