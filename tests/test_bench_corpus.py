"""The benchmark's synthetic reports: no two alike, each one a valid report that loses nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from bench.run import END, START, with_table
from bench.synth import ROOT, bases, write_corpus
from build_tools import conversion


def test_synthetic_reports_differ_and_convert(tmp_path: Path) -> None:
    n = 2 * len(bases())  # every base twice: the second copy must still differ from the first
    chars = write_corpus(tmp_path, n)
    seeds = sorted((tmp_path / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    assert len(seeds) == n and chars == sum(len(t) for t in texts)
    assert len({hashlib.sha256(t.encode()).digest() for t in texts}) == n
    titles = set()
    for path in seeds:
        variants = conversion.convert_file(path)  # raises on a bad report or lost text
        titles.add(next(iter(variants.values())).title)
    assert len(titles) == n


def test_bench_readme_tables_are_the_ones_make_bench_wrote() -> None:
    """bench/README.md's tables come from bench/results.json (make bench rewrites both)."""
    results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    readme = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme
    assert with_table(readme, results) == readme
    assert "| 1000 |" in readme.split(START)[1].split(END)[0]
    assert "bench/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_later_report_alone_is_the_one_a_longer_corpus_holds(tmp_path: Path) -> None:
    """The bench's "next" report (first=n): report n as a corpus of n + 1 would have it, alone."""
    n = len(bases()) + 1  # past the first round of bases: a varied copy, not a base's first
    whole, alone = tmp_path / "whole", tmp_path / "alone"
    write_corpus(whole, n + 1)
    chars = write_corpus(alone, n + 1, first=n)
    assert [p.name for p in (alone / "seeds").iterdir()] == [f"r{n:04d}.txt"]
    text = (alone / "seeds" / f"r{n:04d}.txt").read_text(encoding="utf-8")
    assert text == (whole / "seeds" / f"r{n:04d}.txt").read_text(encoding="utf-8") and chars == len(text)
