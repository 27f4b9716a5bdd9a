"""Shared fixtures: the project root, the seed, the corpus (skipped when absent), a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "zhenhai-2024-law-based-government.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus document {name} not found in {CORPUS} (the shared corpus is not beside this checkout)")
    return path


def build_project(work: Path, seeds: dict[str, str] | None = None) -> Path:
    """Copy the project to `work` (with other seeds if given), build both sites --strict, return site/."""
    for name in ("mkdocs.yml", "mkdocs.zh-Hant.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, work / name)
    for name in ("overrides", "docs"):
        shutil.copytree(
            ROOT / name, work / name, ignore=shutil.ignore_patterns("zh-Hans", "zh-Hant", ".generated.json")
        )
    if seeds is None:
        shutil.copytree(ROOT / "seeds", work / "seeds")
    else:
        (work / "seeds").mkdir()
        for name, text in seeds.items():
            (work / "seeds" / name).write_text(text, encoding="utf-8")
    os.symlink(ROOT / "build_tools", work / "build_tools")
    return build_in(work)


def build_in(work: Path) -> Path:
    """Convert and build both sites --strict in a project copy made by build_project; return site/."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # as `make site` does: convert first (MkDocs checks that docs_dir exists before any hook runs)
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", "--root", str(work)], capture_output=True, text=True
    )
    assert run.returncode == 0, f"convert failed:\n{run.stdout}\n{run.stderr}"
    # as `make site` does: the sitemap's date is the newest report's, unless SOURCE_DATE_EPOCH is set
    env.setdefault("SOURCE_DATE_EPOCH", (work / "build" / "source-date-epoch").read_text(encoding="utf-8").strip())
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    for config in ("mkdocs.yml", "mkdocs.zh-Hant.yml"):
        run = subprocess.run([*mkdocs, "-f", config], cwd=work, env=env, capture_output=True, text=True)
        assert run.returncode == 0, f"mkdocs build -f {config} failed:\n{run.stdout}\n{run.stderr}"
    return work / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built with `mkdocs build --strict` from a copy of the project."""
    return build_project(tmp_path_factory.mktemp("project"))
