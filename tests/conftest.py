"""Shared fixtures: the project root, the demo report, the corpus (skipped when absent), built sites.

The tool's tests never read the repository's seeds/ or site.yml (the publication): they build
scratch projects from the fixtures in tests/fixtures/ (the demo report, its settings and the
glossary, in tests/fixtures/demo/) and from corpus files, with the tool's default identity. So
they pass whatever reports the publication holds and whatever it is called (.ci/run proves it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Browser fixtures (site_url, browser, new_page) live in browser.py; importing them registers them.
from browser import browser, new_page, site_url  # noqa: F401
from english import english_site, english_url  # noqa: F401  (a site with a partial English catalogue)
from library_fixture import library_served  # noqa: F401 (a twelve-report library, served)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = FIXTURES / "demo"  # a seeds/ folder: the demo report, its settings (.yml) and glossary.yml
SEED = DEMO / "zhenhai-2024-law-based-government.txt"  # the demo report (SEED.parent / "glossary.yml")
CORPUS = ROOT.parent / "shared" / "corpus"
TEST_SITE_URL = "https://example.github.io/gov-reports/"  # the address scratch sites are built for
SITE_CONFIGS = ("mkdocs.yml", "mkdocs.zh-Hant.yml", "mkdocs.zh-HK.yml", "mkdocs.en.yml")
TOOL_FILES = (*SITE_CONFIGS, "pyproject.toml")
DEMO_TRANSLATIONS = FIXTURES / "translations"  # a translations/ folder: the demo report in English


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus document {name} not found in {CORPUS} (the shared corpus is not beside this checkout)")
    return path


def demo_seeds(more: dict[str, str]) -> dict[str, str]:
    """{file name: text} of seeds/: the demo report, its settings and glossary.yml, and `more`."""
    names = (SEED.name, SEED.with_suffix(".yml").name, "glossary.yml")
    return {name: (DEMO / name).read_text(encoding="utf-8") for name in names} | more


def project(work: Path, seeds: dict[str, str] | None = None, translations: dict[str, str] | None = None) -> Path:
    """A scratch project in `work`: the tool (its MkDocs configs, theme overrides and build_tools,
    linked), seeds/ with the demo report (or the given {file name: text}) and translations/ with the
    demo's English catalogue (or, when seeds or translations are given, the given catalogues as
    {relative path: text}). No site.yml: the tool's default identity. Returns work."""
    for name in TOOL_FILES:
        shutil.copy(ROOT / name, work / name)
    for name in ("overrides", "docs"):
        shutil.copytree(
            ROOT / name,
            work / name,
            ignore=shutil.ignore_patterns("zh-Hans", "zh-Hant", "zh-HK", "en", ".generated.json"),
        )
    if seeds is None and translations is None:
        shutil.copytree(DEMO_TRANSLATIONS, work / "translations")
    else:
        (work / "translations").mkdir()
        for rel, text in (translations or {}).items():
            (work / "translations" / rel).parent.mkdir(parents=True, exist_ok=True)
            (work / "translations" / rel).write_text(text, encoding="utf-8")
    if seeds is None:
        shutil.copytree(DEMO, work / "seeds")
    else:
        (work / "seeds").mkdir()
        for name, text in seeds.items():
            (work / "seeds" / name).write_text(text, encoding="utf-8")
    os.symlink(ROOT / "build_tools", work / "build_tools")
    return work


def build_project(
    work: Path,
    seeds: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    pdf: bool = False,
    translations: dict[str, str] | None = None,
) -> Path:
    """A scratch project in `work` (project(): the demo report, or the given seeds and catalogues),
    built as `make site` builds (the four sites --strict, then the PDFs if asked); returns its site/."""
    return build_in(project(work, seeds, translations), env, pdf)


def build_in(work: Path, env: dict[str, str] | None = None, pdf: bool = False) -> Path:
    """Convert and build the four sites --strict (then the PDFs, if asked) in a project made by
    project() or build_project, as `make site` does; return site/."""
    # built for TEST_SITE_URL unless a test gives another SITE_URL (as the Pages workflow does)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": TEST_SITE_URL, **(env or {})}
    # as `make site` does: convert first (MkDocs checks that docs_dir exists before any hook runs)
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", "--root", str(work)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, f"convert failed:\n{run.stdout}\n{run.stderr}"
    # as `make site` does: the sitemap's date is the newest report's, unless SOURCE_DATE_EPOCH is set
    env.setdefault("SOURCE_DATE_EPOCH", (work / "build" / "source-date-epoch").read_text(encoding="utf-8").strip())
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    for config in SITE_CONFIGS:
        run = subprocess.run([*mkdocs, "-f", config], cwd=work, env=env, capture_output=True, text=True)
        assert run.returncode == 0, f"mkdocs build -f {config} failed:\n{run.stdout}\n{run.stderr}"
    if pdf:  # as `make site` does after the MkDocs builds
        run = subprocess.run(
            [sys.executable, "-m", "build_tools", "pdf", "--root", str(work)], env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, f"pdf failed:\n{run.stdout}\n{run.stderr}"
    return work / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report's site as `make site` builds it (mkdocs build --strict, then the PDFs), in a
    scratch project (build_project)."""
    return build_project(tmp_path_factory.mktemp("project"), pdf=True)


OTHER_ROOT = "https://owner.github.io/my-repo/"
WIDE_ROW = "\t".join(f"第{n}列很长的单元格内容" for n in range(1, 13))


@pytest.fixture(scope="session")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report with a hostile title and a wide table and without its settings, built as the
    Pages workflow builds (SITE_URL set)."""
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
