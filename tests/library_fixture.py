"""A library of twelve reports, made from the seed (bench/synth.py varies places, years and
figures): several years, publishers and kinds of document, for the home and browse pages.
Its fixture is registered in conftest.py, as the browser fixtures are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from served import SUBPATH, free_port, serve

from bench.synth import Base, variant

SEED_TITLE = "宁波市镇海区人民政府关于2024年法治政府建设情况报告"
# Other kinds of document: only the title says so (the seed's header says 体裁分类: 报告).
TITLES = {
    3: "镇海区2024年政府信息公开工作年度报告",
    5: "2024年镇海区国民经济和社会发展统计公报",
    8: "2025年镇海区政府工作报告",
}
COUNT = 12


def library_seeds() -> dict[str, str]:
    """seeds/ of twelve reports: the seed varied, four of them titled as another kind."""
    from conftest import ROOT, SEED  # here: conftest imports this module

    base = Base("seed", SEED.read_text(encoding="utf-8"), ("镇海区", "镇海"))
    seeds = {}
    for k in range(COUNT):
        text = SEED.read_text(encoding="utf-8")
        if k in TITLES:
            text = text.replace(SEED_TITLE, TITLES[k], 1)
        seeds[f"r{k:02d}.txt"] = variant(Base(base.name, text, base.places), k)
    seeds["r00.yml"] = "zh_hk: true\n"  # one report in Hong Kong characters too
    glossary = ROOT / "seeds" / "glossary.yml"
    if glossary.is_file():  # terms to link, as on the real site
        seeds["glossary.yml"] = glossary.read_text(encoding="utf-8")
    return seeds


@pytest.fixture(scope="session")
def library_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(site/, its URL): the twelve-report library built as `make site` builds it (without PDFs)
    for a free local port, and served there under the Pages subpath."""
    from conftest import build_project

    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    site = build_project(tmp_path_factory.mktemp("library"), library_seeds(), {"SITE_URL": url})
    with serve(site, port=port) as served:
        yield site, served
