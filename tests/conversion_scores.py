"""Scores of the conversion and of the review list on the gold sets (tests/cases/conversion_gold/).

For each gold report, three conversions, each reviewed as the build reviews it (same rules, the
shared accepted words of build_tools/data/accepted.yml):
- now: OpenCC with the project's dictionary as it is (what the site publishes);
- opencc: plain OpenCC, no dictionary;
- before: OpenCC with the dictionary of before issue 15 (tests/cases/conversion_before_issue_15.yml).
The converter is scored on `now` (wrong characters: target 0); the review list on its recall of
the real errors of `opencc` and `before` among the items it flags (open and risky: target 100 %),
and on how much it asks an editor to read (flagged choices and words per 10,000 characters).

`python tests/conversion_scores.py` prints the table kept in build_tools/conversion.md.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from conversion_gold import GoldItem, gold_files, gold_items

from build_tools import dictionary, review, yamlfile
from build_tools.conversion import parse_text
from build_tools.converter import character_table, converter
from build_tools.errors import ReportError
from build_tools.model import Phrase, Report, Settings
from build_tools.reading import reader
from build_tools.variants import to_variant

BEFORE = Path(__file__).parent / "cases" / "conversion_before_issue_15.yml"
CHANGES = Path(__file__).parent / "cases" / "conversion_changes.yml"
LANG = {"s2tw": "zh-Hant", "s2hk": "zh-HK"}


@dataclass(frozen=True)
class Scored:
    """One gold report under one conversion: what came out wrong, and what the review flags."""

    report: str
    config: str
    conversion: str  # now, opencc or before
    chars: int  # characters of the report's converted texts
    judged: int  # gold items scored (every published one-to-many character)
    wrong: tuple[GoldItem, ...]  # items whose converted form is not acceptable
    missed: tuple[GoldItem, ...]  # wrong items the review does not flag
    flagged: int  # open risky choices
    words: int  # the words in context they make (what an editor reads)
    seconds: float  # the review of this report (trace, jieba, rules), CPU


def score(gold: Path, conversion: str) -> Scored:
    data = yamlfile.load(gold)
    config, name = data["config"], Path(data["report"]).name
    source = _source(data["report"])
    start = time.process_time()
    items = reviewed(source, config, conversion)
    seconds = time.process_time() - start
    at = _positions(source, data["report"])
    by_place = {(i.place, i.offset): i for i in items}
    wrong, missed, judged = [], [], 0
    chrome = {r.line for r in source.removed}  # removed by a listed rule (and recorded): never converted
    for gold_item in gold_items(gold):
        where = at.get((gold_item.line, gold_item.column))
        if where is None:
            unpublished = not gold_item.published or gold_item.line in chrome
            assert unpublished, f"{name}: {gold_item} is published but not in the model"
            continue
        judged += 1
        item = by_place[where]
        if item.form not in gold_item.forms:
            wrong.append(gold_item)
            if not (item.status == "open" and item.risky):
                missed.append(gold_item)
    flagged, words = review.open_risky(items)
    chars = sum(len(text) for _, _, text in review.texts(source))
    return Scored(name, config, conversion, chars, judged, tuple(wrong), tuple(missed), flagged, words, seconds)


def reviewed(source: Report, config: str, conversion: str) -> list[review.Item]:
    """The review list of one report converted by `conversion` (now, opencc or before)."""
    decided, pairs = _dictionary(config, conversion)
    convert = converter(config, pairs)
    variant = to_variant(source, LANG[config], convert)
    accepted = dictionary.accepted(config, source.settings)
    return review.review(source, variant, character_table(config), decided, accepted, reader(config, pairs, convert))


@cache
def _source(report: str) -> Report:
    """A corpus file parsed as the build parses it (its first line as the title where the parser
    finds none: a copy that starts with body text)."""
    from conftest import corpus_file

    path = corpus_file(report)
    text = path.read_text(encoding="utf-8")
    try:
        return parse_text(text, report, Settings(slug=path.stem)).report
    except ReportError:
        return parse_text(text, report, Settings(slug=path.stem, title=text.split("\n")[0][:60])).report


def corpus_fixes(config: str) -> tuple[int, list[str]]:
    """The fixes of issue 15 over the whole corpus (rows of tests/cases/conversion_changes.yml where
    the project before it was wrong too, each judged right): how many there are, and those the
    review of plain OpenCC's text does not flag."""
    rows = yamlfile.load(CHANGES)[config] or {}
    total, missed = 0, []
    for report, found in rows.items():
        fixes = [r for r in found if r["before"] != r["after"]]
        if not fixes or report.startswith("seeds/"):
            continue
        source = _source(report)
        at = _positions(source, report)
        by_place = {(i.place, i.offset): i for i in reviewed(source, config, "opencc")}
        for row in fixes:
            line, column = (int(n) for n in row["at"].split(":"))
            total += 1
            item = by_place.get(at.get((line, column), ("", -1)))
            if item is None or not (item.status == "open" and item.risky):
                missed.append(f"{report}:{row['at']} {row['source']}")
    return total, missed


def _dictionary(config: str, conversion: str) -> tuple[dict[str, Phrase], tuple[tuple[str, str], ...]]:
    """The entries that decide (for the review list) and the pairs OpenCC gets, of one conversion."""
    settings = Settings(slug="gold")
    if conversion == "now":
        return dictionary.entries(config, settings), dictionary.pairs(config, settings)
    if conversion == "opencc":
        return {}, ()
    layers = [dictionary.load_table(BEFORE, "entry"), dictionary.load_locks(dictionary.DATA / "locks.yml")]
    merged = dictionary.merge(layers, config)
    return merged, tuple(sorted((p.phrase, p.form) for p in merged.values()))


def _positions(source: Report, report: str) -> dict[tuple[int, int], tuple[str, int]]:
    """(line, column) of the corpus file, 1-based -> (place, offset) of that character in the model."""
    from conftest import corpus_file

    lines = corpus_file(report).read_text(encoding="utf-8").split("\n")
    found: dict[tuple[int, int], tuple[str, int]] = {}
    for place, line, text in review.texts(source):
        # the model keeps no line for the source and publisher: they stand on one of the header's lines
        for n in source.header_lines if place in ("source", "publisher") else (line,):
            column = lines[n - 1].find(text) if text and 0 < n <= len(lines) else -1
            if column >= 0:
                found.update(((n, column + 1 + k), (place, k)) for k in range(len(text)))
    return found


def scores() -> list[Scored]:
    return [score(gold, conversion) for gold in gold_files() for conversion in ("now", "opencc", "before")]


def table(found: list[Scored]) -> str:
    """The maintainers' table: one row per gold report and config."""
    rows = [
        "| report | config | characters | judged | wrong now | wrong OpenCC | wrong before "
        "| flagged (recall OpenCC / before) | risky open now | words to check now | per 10,000 characters |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    keyed = {(s.report, s.config, s.conversion): s for s in found}
    for report, config in dict.fromkeys((s.report, s.config) for s in found):
        now, plain, before = (keyed[report, config, c] for c in ("now", "opencc", "before"))
        recall = f"{_recall(plain)} / {_recall(before)}"
        per = f"{now.flagged * 1e4 / now.chars:.1f} / {now.words * 1e4 / now.chars:.1f} words"
        cells = (report.removesuffix("-government-work-report.txt"), config, f"{now.chars:,}", f"{now.judged:,}")
        cells += (str(len(now.wrong)), str(len(plain.wrong)), str(len(before.wrong)), recall)
        rows.append("| " + " | ".join((*cells, str(now.flagged), str(now.words), per)) + " |")
    return "\n".join(rows)


def _recall(s: Scored) -> str:
    caught = len(s.wrong) - len(s.missed)
    return f"{caught}/{len(s.wrong)} ({100 * caught / len(s.wrong):.0f} %)" if s.wrong else "no error"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    found = scores()
    print(table(found))
    for s in found:
        for item in s.missed:
            print(f"missed ({s.conversion}): {s.report}:{item.line}:{item.column} {item.word} {item.char}")
        if s.conversion == "now":
            for item in s.wrong:
                print(f"wrong now: {s.report}:{item.line}:{item.column} {item.word} {item.char} -> {item.forms}")
    print(f"review CPU seconds per report: {', '.join(f'{s.seconds:.2f}' for s in found if s.conversion == 'now')}")
    for config in ("s2tw", "s2hk"):
        total, missed = corpus_fixes(config)
        flagged = total - len(missed)
        print(f"{config}: the review of plain OpenCC flags {flagged} of the {total} fixes of issue 15 in the corpus")
        print("\n".join(f"  missed: {m}" for m in missed))
