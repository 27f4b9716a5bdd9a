"""Per-stage timings: `convert --timings` says which stages ran how often (the converter only for
the edited report after an edit); a plain `convert` prints no timings. No test reads a duration."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from build_tools import timings
from build_tools.timings import Timings


def _convert(root: Path, *flags: str) -> str:
    run = [sys.executable, "-m", "build_tools", "convert", "--root", str(root), *flags]
    result = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _counts(output: str) -> dict[str, int]:
    line = next(line for line in output.splitlines() if line.startswith("timings: "))
    parts = [re.fullmatch(r"([a-z ]+) \d+\.\d{3} s \((\d+)×\)", p) for p in line.removeprefix("timings: ").split(", ")]
    assert all(parts), line
    return {m[1]: int(m[2]) for m in parts if m}


def test_after_an_edit_only_the_edited_report_goes_through_the_converter(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    text = SEED.read_text(encoding="utf-8")
    for name in ("a", "b", "c"):  # three reports: the seed and two with another last paragraph
        (tmp_path / "seeds" / f"{name}.txt").write_text(text + f"\n本报告编号{name}。\n", encoding="utf-8")
    shutil.copy(SEED.parent / "glossary.yml", tmp_path / "seeds" / "glossary.yml")
    first = _counts(_convert(tmp_path, "--timings"))
    assert first["parse"] == 3 and first["variants"] == 1 and first["cache read"] == 3  # the three together
    assert {"read and convert", "glossary and citations", "render", "write"} <= set(first)
    edited = tmp_path / "seeds" / "b.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "补充说明。\n", encoding="utf-8")
    again = _counts(_convert(tmp_path, "--timings"))
    assert again["parse"] == 1 and again["variants"] == 1 and again["cache read"] == 3
    unchanged = _counts(_convert(tmp_path, "--timings"))
    assert "parse" not in unchanged and "variants" not in unchanged and unchanged["cache read"] == 3
    assert "timings:" not in _convert(tmp_path)


def test_laps_and_stages_add_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a clock that ticks one second per reading: a lap is the time since the previous one;
    a stage is the time inside it, summed over its runs."""
    ticks = iter(range(100))
    monkeypatch.setattr(timings.time, "perf_counter", lambda: float(next(ticks)))
    clock = Timings()  # reads 0
    with clock.stage("inner"):  # 1 .. 2
        pass
    clock.lap("first")  # 3: 3 s since 0
    with clock.stage("inner"):  # 4 .. 5
        pass
    clock.lap("second")  # 6: 3 s since 3
    assert clock.seconds == {"inner": 2.0, "first": 3.0, "second": 3.0}
    assert clock.counts == {"inner": 2, "first": 1, "second": 1}
    assert clock.text() == "timings: inner 2.000 s (2×), first 3.000 s (1×), second 3.000 s (1×)"
