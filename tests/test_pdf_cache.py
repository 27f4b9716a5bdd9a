"""PDFs built once per change: a second build renders no PDF, an edited report re-renders only
its own PDFs, and every other PDF stays byte-identical. The size budget of the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, build_in, build_project

from bench.synth import Base, variant
from build_tools import pdfcache, sitesize


def _pdf_step(work: Path, *options: str) -> list[str]:
    """`python -m build_tools pdf` as `make site` runs it; the PDFs it rendered."""
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "pdf", *options, "--root", str(work)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return sorted(Path(line.split()[1]).name for line in run.stdout.splitlines() if line.startswith("rendered "))


def _pdfs(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.pdf")}


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = Base("seed", SEED.read_text(encoding="utf-8"), ("镇海区", "镇海"))
    seeds = {f"r{k}.txt": variant(base, k) for k in range(3)}
    work = tmp_path_factory.mktemp("pdfcache")
    build_project(work, seeds)  # convert and the MkDocs builds; the PDFs below
    return work


def test_pdfs_rendered_while_mkdocs_builds_are_then_placed_without_rendering_again(tmp_path: Path) -> None:
    """`make site` renders into build/pdf/ beside the MkDocs builds (which empty site/), then places."""
    work = tmp_path
    build_project(work, {"r.txt": SEED.read_text(encoding="utf-8")})
    assert _pdf_step(work, "--render-only") == ["r.zh-Hans.pdf", "r.zh-Hant.pdf"]
    assert _pdfs(work / "site") == {}  # site/ left alone
    cached = {p.name: p.read_bytes() for p in (work / pdfcache.FOLDER).glob("*.pdf")}
    assert len(cached) == 2
    assert _pdf_step(work) == []
    assert sorted(_pdfs(work / "site").values()) == sorted(cached.values())
    assert sorted(_pdfs(work / "site")) == ["r/r.zh-Hans.pdf", "zh-Hant/r/r.zh-Hant.pdf"]


def test_second_build_renders_no_pdf_and_an_edit_renders_only_its_own(small_library: Path) -> None:
    work = small_library
    first = _pdf_step(work)
    assert first == sorted(f"r{k}.{lang}.pdf" for k in range(3) for lang in ("zh-Hans", "zh-Hant"))
    before = _pdfs(work / "site")
    assert len(before) == 6

    build_in(work)  # `make site` again, nothing changed: the zh-Hans build empties site/ first
    assert _pdf_step(work) == []
    assert _pdfs(work / "site") == before

    seed = work / "seeds" / "r1.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n补充说明：本段为测试所加。\n", encoding="utf-8")
    build_in(work)
    assert _pdf_step(work) == ["r1.zh-Hans.pdf", "r1.zh-Hant.pdf"]
    after = _pdfs(work / "site")
    assert after.keys() == before.keys()
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == ["r1/r1.zh-Hans.pdf", "zh-Hant/r1/r1.zh-Hant.pdf"]
    # one cached PDF per report and variant: the edited report's old ones are gone
    assert len(list((work / pdfcache.FOLDER).glob("*.pdf"))) == 6


def test_the_key_covers_the_print_document_and_the_identifier() -> None:
    job = pdfcache.Job("<p>一</p>", "r", Path("x.pdf"))
    assert job.key == pdfcache.Job("<p>一</p>", "r", Path("elsewhere.pdf")).key  # where it goes: not in the key
    assert job.key != pdfcache.Job("<p>二</p>", "r", Path("x.pdf")).key
    assert job.key != pdfcache.Job("<p>一</p>", "s", Path("x.pdf")).key


def test_size_step_prints_the_parts_and_stops_over_the_budget(small_library: Path) -> None:
    command = [sys.executable, "-m", "build_tools", "size", "--root", str(small_library)]
    ok = subprocess.run(command, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "of the 1.00 GB budget" in ok.stdout
    for part in ("HTML pages", "search index", "PDFs"):
        assert part in ok.stdout
    over = subprocess.run([*command, "--budget", "100KB"], capture_output=True, text=True)
    assert over.returncode == 1 and "Traceback" not in over.stderr
    assert "is over the site's size budget of 100.0 KB" in over.stderr and "hint:" in over.stderr
    env = subprocess.run(command, capture_output=True, text=True, env={**_env(), "SITE_BUDGET": "1MB"})
    assert env.returncode == 1 and "budget of 1.0 MB" in env.stderr


def test_budget_sizes() -> None:
    assert sitesize.parse_budget("1GB") == 10**9
    assert sitesize.parse_budget("500 MB") == 500 * 10**6
    assert sitesize.parse_budget("2GiB") == 2 * 2**30
    assert sitesize.parse_budget("1234") == 1234
    with pytest.raises(sitesize.ReportError, match="not a size"):
        sitesize.parse_budget("a lot")


@pytest.mark.parametrize("variant", ["", "zh-Hant/", "zh-HK/", "en/"])
def test_every_variants_search_index_and_assets_count_as_such(variant: str) -> None:
    """The other variants' sites stand inside the zh-Hans one: their parts are counted as its are."""
    assert sitesize.part_of(Path(f"{variant}search/index/manifest.json")) == "search index"
    assert sitesize.part_of(Path(f"{variant}assets/x.css")).startswith("assets")
    assert sitesize.part_of(Path(f"{variant}r/index.html")) == "HTML pages"


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_an_interrupted_run_keeps_the_pdfs_it_finished(tmp_path: Path) -> None:
    jobs = [pdfcache.Job(f"<p>{k}</p>", f"r{k}", tmp_path / "site" / f"r{k}.pdf") for k in range(3)]

    def render(html: str, target: Path, identifier: str) -> None:
        if identifier == "r1":
            raise KeyboardInterrupt  # stopped while rendering the second
        target.write_bytes(html.encode())

    with pytest.raises(KeyboardInterrupt):
        pdfcache.publish(tmp_path, jobs, render, workers=1)
    cached = sorted((tmp_path / pdfcache.FOLDER).iterdir())
    assert [p.name for p in cached] == [f"{jobs[0].key}.pdf"]  # the first, whole; nothing half-written
    rendered = []
    done = pdfcache.publish(tmp_path, jobs, lambda h, t, i: (rendered.append(i), t.write_bytes(h.encode())), 1)
    assert rendered == ["r1", "r2"] and done.reused == [jobs[0].target]
    assert (tmp_path / "site" / "r0.pdf").read_bytes() == b"<p>0</p>"
