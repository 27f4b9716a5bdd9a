"""The zh-Hant search dictionary follows the project dictionary, including a report's own entries."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED
from test_site import _search

from build_tools.searchdict import add_words


def test_a_report_entry_is_one_word_in_the_search_index(built_site: Path) -> None:
    """The seed's own entry 编制 -> 編製 reaches the search dictionary: 編製 is found, not cut in two."""
    index = json.loads((built_site / "zh-Hant" / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = _search(index, "編製")
    assert hits and all(h.startswith(f"{SEED.stem}/") for h in hits)


def test_add_words_gives_a_new_form_the_replaced_word_frequency() -> None:
    source = "编制 2926 v\n发展 100 v\n"
    text = "編制 2926 v\n發展 100 v\n"
    assert add_words(text, source, [("编制", "編製"), ("发展", "發展"), ("被发", "被發")]) == text + "編製 2926 v\n"
