"""The converter and the review list scored on the gold sets (tests/conversion_scores.py): no wrong
character in what the site publishes, every real error flagged, and a list an editor can finish."""

from __future__ import annotations

import pytest

pytest.importorskip("conversion_gold", reason="the gold sets (tests/conversion_gold.py) are not in this checkout")

from conversion_scores import Scored, corpus_fixes, scores, table

WORDS_PER_20000 = 50  # the most words to check the issue allows for a 20,000-character report


@pytest.fixture(scope="module")
def scored() -> list[Scored]:
    found = scores()
    if not found:
        pytest.skip("no gold set found in tests/cases/conversion_gold/")
    return found


def test_print_the_table(scored: list[Scored], capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + table(scored))
    assert {s.conversion for s in scored} == {"now", "opencc", "before"}


def test_the_published_conversion_has_no_wrong_character(scored: list[Scored]) -> None:
    wrong = {
        f"{s.report} ({s.config})": [f"{i.line}:{i.column} {i.word}" for i in s.wrong]
        for s in scored
        if s.conversion == "now" and s.wrong
    }
    assert wrong == {}
    assert all(s.judged > 1000 for s in scored)


@pytest.mark.parametrize("conversion", ["opencc", "before"])
def test_the_review_flags_every_error(scored: list[Scored], conversion: str) -> None:
    """Reviewing plain OpenCC's text, or the project's before issue 15, flags every wrong character."""
    runs = [s for s in scored if s.conversion == conversion]
    missed = {f"{s.report} ({s.config})": [f"{i.line}:{i.column} {i.word}" for i in s.missed] for s in runs if s.missed}
    assert missed == {}
    assert sum(len(s.wrong) for s in runs) > 20  # there were errors to find


def test_the_list_to_read_is_short(scored: list[Scored]) -> None:
    for s in scored:
        assert s.words * 20_000 / s.chars <= WORDS_PER_20000, f"{s.report} ({s.conversion}): {s.words} words"


@pytest.mark.parametrize("config", ["s2tw", "s2hk"])
def test_the_review_flags_every_fix_of_the_dictionary_over_the_corpus(config: str) -> None:
    """Beyond the gold sets: every character the entries of issue 15 fix in the 26 provincial
    reports and the older files (judged in tests/cases/conversion_changes.yml) is flagged when the
    review reads plain OpenCC's text."""
    total, missed = corpus_fixes(config)
    assert missed == []
    assert total > 150
