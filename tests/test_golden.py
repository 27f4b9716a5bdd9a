"""Golden files: the seed's generated Markdown in both variants, read by a person before commit.

UPDATE_GOLDEN=1 make test (or pytest) rewrites them and deletes golden files no longer produced.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import SEED

from build_tools import pipeline

GOLDEN = Path(__file__).parent / "golden"


def _generated(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    settings = SEED.with_suffix(".yml")  # its dictionary entries and locks
    shutil.copy(settings, tmp_path / "seeds" / settings.name)
    shutil.copy(SEED.parent / "glossary.yml", tmp_path / "seeds" / "glossary.yml")
    return pipeline.build(tmp_path, write=False).files


def test_seed_markdown_matches_golden(tmp_path: Path) -> None:
    files = _generated(tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    # the pages' Markdown and the library's filter data (library/library.json)
    golden = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(golden) == sorted(files), "generated pages differ from tests/golden (UPDATE_GOLDEN=1 to accept)"
    for rel, text in files.items():
        assert text == golden[rel], f"{rel} differs from its golden file (UPDATE_GOLDEN=1 to accept after reading)"
