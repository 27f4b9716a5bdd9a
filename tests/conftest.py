"""Shared fixtures: the project root, the seed, the corpus (skipped when absent), a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Browser fixtures (site_url, browser, new_page) live in browser.py; importing them registers them.
from browser import browser, new_page, site_url  # noqa: F401
from library_fixture import library_served  # noqa: F401 (a twelve-report library, served)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "zhenhai-2024-law-based-government.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus document {name} not found in {CORPUS} (the shared corpus is not beside this checkout)")
    return path


def build_project(
    work: Path, seeds: dict[str, str] | None = None, env: dict[str, str] | None = None, pdf: bool = False
) -> Path:
    """Copy the project to `work` (with other seeds if given), build the three sites --strict, return site/."""
    for name in ("mkdocs.yml", "mkdocs.zh-Hant.yml", "mkdocs.zh-HK.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, work / name)
    for name in ("overrides", "docs"):
        shutil.copytree(
            ROOT / name, work / name, ignore=shutil.ignore_patterns("zh-Hans", "zh-Hant", "zh-HK", ".generated.json")
        )
    if seeds is None:
        shutil.copytree(ROOT / "seeds", work / "seeds")
    else:
        (work / "seeds").mkdir()
        for name, text in seeds.items():
            (work / "seeds" / name).write_text(text, encoding="utf-8")
    os.symlink(ROOT / "build_tools", work / "build_tools")
    return build_in(work, env, pdf)


def build_in(work: Path, env: dict[str, str] | None = None, pdf: bool = False) -> Path:
    """Convert and build both sites --strict (then the PDFs, if asked) in a project copy made by
    build_project, as `make site` does; return site/."""
    # the placeholder SITE_URL unless a test gives one (the Pages workflow sets it for `make site`)
    inherited = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    # as `make site` does: convert first (MkDocs checks that docs_dir exists before any hook runs)
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", "--root", str(work)], capture_output=True, text=True
    )
    assert run.returncode == 0, f"convert failed:\n{run.stdout}\n{run.stderr}"
    # as `make site` does: the sitemap's date is the newest report's, unless SOURCE_DATE_EPOCH is set
    env.setdefault("SOURCE_DATE_EPOCH", (work / "build" / "source-date-epoch").read_text(encoding="utf-8").strip())
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    for config in ("mkdocs.yml", "mkdocs.zh-Hant.yml", "mkdocs.zh-HK.yml"):
        run = subprocess.run([*mkdocs, "-f", config], cwd=work, env=env, capture_output=True, text=True)
        assert run.returncode == 0, f"mkdocs build -f {config} failed:\n{run.stdout}\n{run.stderr}"
    if pdf:  # as `make site` does after the MkDocs builds
        run = subprocess.run(
            [sys.executable, "-m", "build_tools", "pdf", "--root", str(work)], capture_output=True, text=True
        )
        assert run.returncode == 0, f"pdf failed:\n{run.stdout}\n{run.stderr}"
    return work / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make site` builds it (mkdocs build --strict, then the PDFs), from a copy."""
    return build_project(tmp_path_factory.mktemp("project"), pdf=True)


OTHER_ROOT = "https://owner.github.io/my-repo/"
WIDE_ROW = "\t".join(f"第{n}列很长的单元格内容" for n in range(1, 13))


@pytest.fixture(scope="session")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed with a hostile title and a wide table, built as the Pages workflow builds (SITE_URL set)."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace(
        "宁波市镇海区人民政府关于2024年法治政府建设情况报告\n", "关于</script><script>alert(1)</script>的报告\n", 1
    )
    text = text.replace(
        "二、2024年法治政府建设存在的不足和原因\n",
        f"二、2024年法治政府建设存在的不足和原因\n\n{WIDE_ROW}\n{WIDE_ROW}\n",
        1,
    )
    return build_project(tmp_path_factory.mktemp("other"), {"hostile.txt": text}, {"SITE_URL": OTHER_ROOT})
