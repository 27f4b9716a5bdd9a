"""`python -m build_tools glossary suggest REPORT`: candidate terms with counts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED, project

from build_tools.suggest import suggest


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "glossary", "suggest", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def rows(out: str) -> dict[str, tuple[int, str]]:
    lines = [line.split("\t") for line in out.splitlines() if not line.startswith("#")]
    return {phrase: (int(count), kind) for count, kind, phrase in lines}


def test_suggest_lists_quoted_phrases_not_in_the_glossary_with_counts(tmp_path: Path):
    result = run(str(SEED), "--root", str(project(tmp_path)))  # the demo report and its glossary
    assert result.returncode == 0, result.stderr
    found = rows(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    assert found["一站式"] == (text.count("“一站式”"), "quoted") == (3, "quoted")
    assert found["解纷小院"] == (2, "quoted")
    assert "一件事" not in found and "八进" not in found  # already glossary terms
    assert all(count >= 3 for count, kind in found.values() if kind == "compound")
    counts = [count for count, _ in found.values()]
    assert counts == sorted(counts, reverse=True)


def test_suggest_reads_the_glossary_of_the_given_root(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "seeds" / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    found = rows(run(str(tmp_path / "seeds" / SEED.name), "--root", str(tmp_path)).stdout)
    assert found["八进"] == (2, "quoted") and found["一件事"][1] == "quoted"


def test_suggest_reports_a_missing_report_without_a_traceback(tmp_path: Path):
    result = run(str(tmp_path / "nothing.txt"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_known_terms_break_compounds_and_paragraphs_are_never_joined():
    paragraphs = ["推进数字化改革专班建设。"] * 3
    assert any("改革" in c.phrase for c in suggest(paragraphs, set()))
    masked = {c.phrase for c in suggest(paragraphs, {"改革"})}
    assert not any("改革" in p for p in masked)
    split = {c.phrase for c in suggest(["推进数字", "化改革专班"] * 3, set())}
    assert not any("数字化" in p for p in split)
