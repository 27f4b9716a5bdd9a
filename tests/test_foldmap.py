"""The cross-script search's character map (build_tools/foldmap.py), as the site ships it."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.foldmap import TARGET, fold_map


def _shipped(site: Path) -> dict[str, str]:
    text = (site / TARGET).read_text(encoding="utf-8")
    return json.loads(text.split("self.FOLD_MAP=", 1)[1].rstrip().rstrip(";"))


def test_fold_map_folds_traditional_and_variant_forms_to_simplified(built_site: Path) -> None:
    assert not (built_site / "zh-Hant" / TARGET).exists()  # one copy, shared by every variant
    mapping = _shipped(built_site)
    assert len(mapping) > 2500
    # both Traditional forms of 复 fold to it; Taiwan 裡 and the OpenCC form 裏 to 里
    for traditional, simplified in {"複": "复", "復": "复", "議": "议", "裡": "里", "裏": "里", "髮": "发"}.items():
        assert mapping[traditional] == simplified
    assert "复" not in mapping and "行" not in mapping  # Simplified and shared characters stay


def test_first_converter_that_changes_a_character_wins() -> None:
    upper, lower = str.upper, str.lower
    assert fold_map([lambda c: c, lambda c: "x" if c == "一" else c, lambda c: "y"])["一"] == "x"
    assert "一" not in fold_map([upper, lower])  # no change: not in the map
