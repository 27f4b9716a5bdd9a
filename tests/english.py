"""A site with English for tests: the seed with a partial catalogue made here (a few units
translated, one fuzzy, the rest untranslated), and a copy of the seed without a catalogue. The
tests never depend on the seed's full translation (test_english.py checks that one on its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from served import free_port, serve

from build_tools import conversion
from build_tools.translations import catalogue
from build_tools.translations.units import units

SLUG = "zhenhai-2024-law-based-government"  # the seed's (conftest.SEED)
OTHER = "plain-copy"  # the seed's text again, without a catalogue: no English
PO = f"en/{SLUG}.po"
ENGLISH = {
    "title": "Report of the People's Government of Zhenhai District, Ningbo, on Building a Law-based Government "
    "in 2024",
    "meta-1-label": "Index number",
    "meta-5-label": "Issuing body",
    "meta-5": "District Government Office",
    "source": "Zhenhai District Government Office",
    "preamble-p1": "In 2024, under the correct leadership of the municipal Party committee and the municipal "
    "government and with the supervision and support of the district people's congress and the district CPPCC, "
    "the Zhenhai District Government took Xi Jinping Thought on Socialism with Chinese Characteristics for a New "
    "Era as its guide, studied and applied Xi Jinping Thought on the Rule of Law, and fully implemented the "
    "guiding principles of the 20th National Congress of the Party and the Third Plenary Session of the 20th CPC "
    "Central Committee, building a law-based government steadily.",
    "part-1": "I. Main Measures and Results in Building a Law-based Government in 2024",
    "part-1-1": "(1) Upholding the Party's leadership and making responsibility for building a law-based "
    "government fully binding",
    "part-1-1-p1": "First, overall planning and deployment were stepped up across the board.",
    "part-1-1-p2": "Second, the line of defence of supervision over power was strengthened.",
}
FUZZY = ("part-1-1-p2",)  # marked fuzzy: shown with its English, as needing review
UNTRANSLATED = "part-1-1-p3"  # one of the units left untranslated


def partial_catalogue() -> str:
    """The seed's catalogue as `translations update` makes it, with ENGLISH filled in."""
    from conftest import SEED  # here: conftest imports this module

    report = conversion.convert_file(SEED)["zh-Hans"]
    po, _ = catalogue.update(None, units(report), SLUG, f"seeds/{SEED.name}", lambda u: "")
    for entry in po:
        if entry.msgctxt in ENGLISH:
            entry.msgstr = ENGLISH[entry.msgctxt]
            entry.flags = ["fuzzy"] if entry.msgctxt in FUZZY else []
    return catalogue.text_of(po)


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ of the two reports, built as `make site` builds it (no PDFs)."""
    from conftest import SEED, build_project, demo_seeds

    seeds = demo_seeds({f"{OTHER}.txt": SEED.read_text(encoding="utf-8")})
    return build_project(tmp_path_factory.mktemp("english"), seeds, translations={PO: partial_catalogue()})


@pytest.fixture(scope="session")
def english_url(english_site: Path) -> Iterator[str]:
    """english_site served over HTTP under /gov-reports/."""
    with serve(english_site, port=free_port()) as url:
        yield url
