"""`make bench` / `python -m bench.run [N ...]`: build synthetic sites of N reports and measure.

Writes bench/results.json ({"machine": {...}, "runs": [...]}, runs of other sizes from an
earlier call are kept) and bench/results.md (the table). Every site is built in a temporary
copy of the project; nothing in the project's own docs/ or site/ is touched.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from importlib import import_module
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

from build_tools import searchindex
from build_tools.annotation import shared_glossary
from build_tools.configs import REVERSE, config_for, project_converter
from build_tools.conversion import convert_reports, convert_text, parse_text
from build_tools.converter import converter, opencc_version
from build_tools.decode import decode
from build_tools.foldmap import search_fold_map
from build_tools.glossary import Glossary, link_report, terms_for
from build_tools.model import Report, Settings
from build_tools.render import ALL_SITES
from build_tools.settings import load_settings
from build_tools.variants import detect_script

from .synth import DEMO, ROOT, bases, write_corpus

OUT = ROOT / "bench"
Input = tuple[bytes, Settings, str]  # a seed's bytes, settings and path
SIZES = (1, 10, 100, 1000)


def main(argv: list[str]) -> int:
    sizes = [int(a) for arg in argv for a in arg.split()] or list(SIZES)
    results = _previous()
    results["machine"] = machine()
    results["sources"] = [b.name for b in bases()]
    for n in sizes:
        print(f"bench: N={n} …", flush=True)
        run = measure(n)
        print(json.dumps(run, ensure_ascii=False), flush=True)
        results["runs"] = sorted([r for r in results["runs"] if r["n"] != n] + [run], key=lambda r: r["n"])
        _write(results)  # after every size: a long run that is stopped keeps what it measured
    print(f"bench: wrote {OUT / 'results.json'} and {OUT / 'results.md'}")
    return 0


def measure(n: int) -> dict[str, Any]:
    # BENCH_KEEP=1 keeps each size's project (its site/ with PDFs) to look at; its path is printed
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    try:
        if os.environ.get("BENCH_KEEP"):
            print(f"bench: N={n} kept in {work}", flush=True)
        return _measure(work, n)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work)


def _measure(work: Path, n: int) -> dict[str, Any]:
    chars = write_corpus(work, n)
    _project(work)
    shutil.copy(DEMO / "glossary.yml", work / "seeds" / "glossary.yml")  # links to make, as on the site
    run: dict[str, Any] = {"n": n, "chars": chars, "date": datetime.now(UTC).isoformat(timespec="seconds")}
    run["load_before"] = round(os.getloadavg()[0], 2)  # other work on the machine skews the times
    convert_s, _, convert_cpu = timed_cpu([sys.executable, "-m", "build_tools", "convert", "--root", str(work)], work)
    steps = sites_and_pdfs(work)  # cold: every PDF rendered, in workers, beside the MkDocs builds
    builds, pdf_cpu = steps["builds"], steps["pdf_cpu"]
    build_cpu = sum(c for _, _, c in builds)
    # CPU seconds: on a shared machine wall time measures the other work too. On a machine of its
    # own the MkDocs builds (one process) and the PDF workers share the cores: the middle phase
    # lasts their CPU seconds over the cores, and never less than the builds' own
    cores = os.cpu_count() or 1
    run["site_cpu_s"] = round(convert_cpu + build_cpu + pdf_cpu, 1)
    run["pdf_cpu_s"] = round(pdf_cpu, 1)
    run["site_idle_estimate_s"] = round(convert_cpu + max(build_cpu, (build_cpu + pdf_cpu) / cores))
    run["convert_cli_s"] = round(convert_s, 2)
    run["build_s"] = round(sum(s for s, _, _ in builds), 2)
    run["build_s_per_report"] = round(run["build_s"] / n, 3)
    run["pdf_cold_s"] = round(steps["pdf_s"], 2)
    run["pdf_s_per_report"] = round(steps["pdf_s"] / n, 3)
    run["site_total_s"] = round(convert_s + steps["wall_s"], 2)
    run["peak_rss_mb"] = round(max(rss for _, rss, _ in builds), 1)
    run["pdf_peak_rss_mb"] = round(steps["pdf_rss"], 1)
    run.update(weights(work / "site"))
    run.update(library_bytes(work / "site", n))
    if "throughput" in os.environ.get("BENCH_SKIP", ""):  # the paired OpenCC rounds: minutes at N = 1000
        run.update(_earlier_throughput(n))
    else:
        run.update(_in_child(throughput, work))
    run.update(reconvert_one(work))
    run.update(rebuild_after_edit(work))
    run["load_after"] = round(os.getloadavg()[0], 2)
    return run


def _earlier_throughput(n: int) -> dict[str, Any]:
    """BENCH_SKIP=throughput: the throughput figures of the last run of this size, with its date."""
    earlier = next((r for r in _previous()["runs"] if r["n"] == n), {})
    keys = ("convert_chars_per_s", "opencc_chars_per_s", "convert_vs_opencc", "convert_vs_opencc_range")
    keys += ("opencc_back_to_back_chars_per_s", "convert_s", "detect_script_s", "glossary_s", "glossary_terms")
    found = {k: earlier[k] for k in keys if k in earlier}
    return {**found, "throughput_date": earlier.get("throughput_date", earlier.get("date"))} if found else {}


def _in_child(measure: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """measure(*args) in a fresh Python process. This one stays small: a process forked from it
    to run MkDocs counts this one's memory in its own peak RSS (a child of a 5M-string parent
    reported 724 MB, of a small one 82 MB)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(getattr(import_module("bench.run"), measure.__name__), args)


def throughput(work: Path) -> dict[str, Any]:
    """decode+parse+fidelity+convert next to raw OpenCC on the same texts, in this process, each
    side warm (configs loaded), timed in CPU seconds of this process (time.process_time: other
    work on a shared machine does not count). The two sides are timed in turns, raw OpenCC
    before and after each pipeline sample; the ratio is the median of the rounds' ratios (the
    machine's speed drifts by tens of percent over seconds: a ratio of neighbours is steadier
    than a ratio of two separate bests).

    Each timed run follows an untimed run of the same side on one more synthetic report, not in
    the corpus, as every conversion but the first follows another report's in a build: OpenCC
    converting the very text it has just converted runs faster than on any other (measured at
    N = 1: 1.7 ms a call back to back, 2.6-2.8 ms when another report was converted first). That
    state is no build's, and at N = 1, where the corpus is one text, it was the whole of raw
    OpenCC's sample. Each round also times raw OpenCC back to back, with nothing between its runs
    (opencc_back_to_back_chars_per_s), the way this bench measured it before."""
    n = len(list((work / "seeds").glob("*.txt")))
    write_corpus(work / "next", n + 1, first=n)  # outside seeds/: not part of the site
    inputs, other = _inputs(work / "seeds"), _inputs(work / "next" / "seeds")
    convert_text(decode(*inputs[0][::2]), inputs[0][2], inputs[0][1])  # warm caches: grammar, OpenCC
    for _, settings, _ in inputs + other:  # load every OpenCC config both sides use before timing either side
        for config in (settings.hant_config, REVERSE[settings.hant_config]):
            converter(config)("")
            project_converter(config, settings)("")

    def pipeline(inputs: list[Input]) -> list[dict[str, Report]]:
        # as the build converts the reports it has no cached conversion of
        return convert_reports([parse_text(decode(data, path, s.encoding), path, s) for data, s, path in inputs])

    def opencc(texts: list[tuple[str, str]]) -> list[str]:
        return [converter(config)(text) for text, config in texts]

    converted = pipeline(inputs)
    texts = _opencc_texts(inputs, converted)
    other_texts = _opencc_texts(other, pipeline(other))
    rounds = _paired(
        lambda: pipeline(inputs),
        lambda: opencc(texts),
        before=(lambda: pipeline(other), lambda: opencc(other_texts)),
    )
    pipeline_s, opencc_s = median(p for p, _, _ in rounds), median(r for _, r, _ in rounds)
    back_to_back_s = median(b for _, _, b in rounds)
    (detect_s,) = _best(lambda: [detect_script(text, converter("t2s"), converter("s2t")) for text, _ in texts])
    gloss = shared_glossary(work)
    (glossary_s,) = _best(lambda: link_all(converted, gloss))
    chars = sum(len(t) for t, _ in texts)
    ratios = sorted(r / p for p, r, _ in rounds)
    return {
        "convert_chars_per_s": round(chars / pipeline_s),
        "opencc_chars_per_s": round(chars / opencc_s),
        "convert_vs_opencc": round(median(ratios), 3),
        "convert_vs_opencc_range": [round(ratios[0], 3), round(ratios[-1], 3)],
        "opencc_back_to_back_chars_per_s": round(chars / back_to_back_s),
        "convert_s": round(pipeline_s, 3),
        "detect_script_s": round(detect_s, 3),
        "glossary_s": round(glossary_s, 3),
        "glossary_terms": len(gloss.entries),
    }


def _inputs(seeds: Path) -> list[Input]:
    return [(p.read_bytes(), load_settings(p), str(p)) for p in sorted(seeds.glob("*.txt"))]


def _opencc_texts(inputs: list[Input], converted: list[dict[str, Report]]) -> list[tuple[str, str]]:
    """(whole text, shipped config) per report: what raw OpenCC converts for the same reports."""
    out = []
    for (data, settings, path), variants in zip(inputs, converted, strict=True):
        source = next(r for r in variants.values() if r.lang == r.source_lang)
        config = settings.hant_config if source.source_lang == "zh-Hans" else REVERSE[settings.hant_config]
        out.append((decode(data, path, settings.encoding), config))
    return out


def link_all(converted: list[dict[str, Report]], gloss: Glossary) -> None:
    """The glossary links of every variant of every report, as annotation.annotate makes them."""
    for variants in converted:
        for lang, report in variants.items():
            hant = config_for(report) if lang != "zh-Hans" else None
            to_hant = project_converter(hant, report.settings) if hant else None
            link_report(report, terms_for(gloss, to_hant), gloss.scope)


REPEATS = 5
ROUNDS = 9
SAMPLE_S = 0.25  # a sample lasts at least this long: a run of a few milliseconds is mostly noise


def _best(*runs: Callable[[], object]) -> tuple[float, ...]:
    """The least CPU time per run of REPEATS samples of each; a sample repeats its run until it
    lasts SAMPLE_S (small N takes milliseconds a run), and the samples of the runs take turns, so
    that a change in the machine's load while measuring weighs on every one of them alike."""
    rounds = [_repeats_for(_cpu(run, 1)) for run in runs]
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(REPEATS):
        for run, count, spent in zip(runs, rounds, times, strict=True):
            spent.append(_cpu(run, count) / count)
    return tuple(min(spent) for spent in times)


def _paired(
    subject: Callable[[], object], baseline: Callable[[], object], before: tuple[Callable[[], object], ...]
) -> list[tuple[float, float, float]]:
    """ROUNDS of (CPU seconds of subject, mean CPU seconds of baseline timed just before and just
    after it, CPU seconds of baseline back to back), per run; each sample repeats its run until it
    lasts SAMPLE_S. `before`: what runs, untimed, before each run of subject and of baseline in
    the first two figures; in the third nothing does."""
    first, then = before
    counts = [_repeats_for(_cpu(run, 1, pre)) for run, pre in ((subject, first), (baseline, then))]
    out = []
    for _ in range(ROUNDS):
        was = _cpu(baseline, counts[1], then) / counts[1]
        spent = _cpu(subject, counts[0], first) / counts[0]
        after = _cpu(baseline, counts[1], then) / counts[1]
        out.append((spent, (was + after) / 2, _cpu(baseline, counts[1]) / counts[1]))
    return out


def _repeats_for(seconds: float) -> int:
    """How many runs of `seconds` each make a sample of SAMPLE_S."""
    return max(1, round(SAMPLE_S / max(seconds, 1e-6)))


def _cpu(run: Callable[[], object], count: int, before: Callable[[], object] | None = None) -> float:
    """CPU seconds of `count` runs; what `before` does before each run is not counted."""
    spent = 0.0
    for _ in range(count):
        if before is not None:
            before()
        start = time.process_time()
        run()
        spent += time.process_time() - start
    return spent


def rebuild_after_edit(work: Path) -> dict[str, Any]:
    """After reconvert_one's edit and `convert`: the MkDocs builds and the PDFs, as `make site`
    runs them; how many PDFs were rendered (the edited report's, in each of its variants)."""
    steps = sites_and_pdfs(work)
    builds = steps["builds"]
    rendered = re.search(r"PDFs: (\d+) rendered into", steps["render_out"])
    unchanged = re.search(r"(\d+) copied from build/pdf/", steps["place_out"])
    return {
        "edit_build_s": round(sum(s for s, _, _ in builds), 2),
        "edit_build_cpu_s": round(sum(c for _, _, c in builds), 1),
        "edit_pdf_s": round(steps["pdf_s"], 2),
        "edit_pdf_cpu_s": round(steps["pdf_cpu"], 1),
        "edit_pdfs_rendered": int(rendered[1]) if rendered else None,
        "edit_pdfs_unchanged": int(unchanged[1]) - int(rendered[1]) if rendered and unchanged else None,
    }


def sites_and_pdfs(work: Path) -> dict[str, Any]:
    """What `make site` runs after `convert`: `pdf --render-only` started, the MkDocs builds one
    after the other meanwhile, then `pdf`, which puts the PDFs into site/. The PDFs' wall time
    is the renderer's (from its start: mostly beside the builds) plus the placing step's."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:  # not a pipe: 2,000 lines would fill it unread
        command = [*_PDF, str(work), "--render-only"]
        renderer = subprocess.Popen(command, cwd=work, env=_ENV, stdout=output, stderr=subprocess.STDOUT)
        with ThreadPoolExecutor(1) as waiter:  # waited for as it ends: its own wall time
            rendered = waiter.submit(_waited, renderer, start, command)
            builds = [timed_cpu([*_MKDOCS, "-f", config], work) for config in CONFIGS]
            render_s, render_rss, render_cpu = rendered.result()
        output.seek(0)
        render_out = output.read().decode(errors="replace")
    place_s, _, place_cpu, place_out = timed_run([*_PDF, str(work)], work)
    return {
        "builds": builds,
        "pdf_s": render_s + place_s,
        "pdf_cpu": render_cpu + place_cpu,
        "pdf_rss": render_rss,
        "wall_s": time.perf_counter() - start,
        "render_out": render_out,
        "place_out": place_out,
    }


def library_bytes(site: Path, n: int) -> dict[str, Any]:
    """Bytes per report of each part and variant, the fixed part, how many reports fit in 1 GB,
    and the home page (what a phone downloads, gzip'd, and whether three taps reach every report)."""
    from build_tools import sitesize

    per: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site)
            lang = rel.parts[0] if rel.parts[0] in ALL_SITES else "zh-Hans"  # the others inside its site
            part = {"HTML pages": "html", "search index": "search", "PDFs": "pdf"}.get(sitesize.part_of(rel), "fixed")
            key = "fixed" if part == "fixed" else f"{part}_{lang}"
            per[key] = per.get(key, 0) + path.stat().st_size
    growing = sum(v for k, v in per.items() if k != "fixed")
    out = {f"bytes_per_report_{k}": round(v / n) for k, v in sorted(per.items()) if k != "fixed"}
    out["bytes_per_report"] = round(growing / n)
    out["fixed_bytes"] = per.get("fixed", 0)
    out["reports_in_1gb"] = int((10**9 - per.get("fixed", 0)) / (growing / n))
    out["home_gzip_bytes"] = page_weight(site / "index.html", site)
    out["home_taps_reach"] = taps_reach(site, n)
    return out


def taps_reach(site: Path, n: int, taps: int = 3) -> str:
    """How many of the n reports' pages a reader reaches from the home page in `taps` link
    follows within the zh-Hans site (pages only: no assets, no other variant)."""
    site = site.resolve()
    seen, frontier = {site / "index.html"}, [site / "index.html"]
    for _ in range(taps):
        following = []
        for page in frontier:
            for href in re.findall(r'<a [^>]*href="([^"#:?]+/)"', page.read_text(encoding="utf-8")):
                target = (page.parent / href / "index.html").resolve()
                if target.is_file() and target not in seen and not target.is_relative_to(site / "zh-Hant"):
                    seen.add(target)
                    following.append(target)
        frontier = following
    reports = {p.parent.name for p in seen if re.fullmatch(r"r\d{4}", p.parent.name)}
    return f"{len(reports)}/{n}"


def reconvert_one(work: Path) -> dict[str, Any]:
    """Edit one report, convert again: the time, the converter's share (the one edited report
    parsed and converted: the stages parse and variants; the rest is reading the cache, linking,
    rendering, comparing and writing) and how many files changed."""
    first = sorted((work / "seeds").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n补充说明：本段为基准测试所加。\n", encoding="utf-8")
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", "--root", str(work), "--timings"],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    changed = re.search(r"\((\d+) file\(s\) changed\)", out.stdout)
    stages = {name: float(s) for name, s in re.findall(r"(?:timings: |, )([a-z ]+) (\d+\.\d+) s", out.stdout)}
    return {
        "reconvert_one_s": round(seconds, 2),
        "reconvert_one_converter_s": round(stages["parse"] + stages["variants"], 2) if "parse" in stages else None,
        "reconvert_one_stages_s": {name: round(s, 2) for name, s in stages.items()},
        "reconvert_one_files_changed": int(changed[1]) if changed else None,
    }


def weights(site: Path) -> dict[str, Any]:
    """Search index sizes, bytes downloaded for one query, a report page's gzip weight."""
    index, hant_index = site / searchindex.FOLDER, site / "zh-Hant" / searchindex.FOLDER
    workers = site / "assets" / "javascripts" / "workers"
    worker_gz = _gz((workers / "search.js").read_bytes())
    # What the query 行政复议 fetches: the worker's own selection, run in Python (searchindex.query),
    # plus the worker, its fold map and Material's (now empty) search_index.json, each gzip'd.
    fetched = searchindex.fetched("行政复议", index, search_fold_map())
    query_gz = sum(_gz(text.encode()) for text in fetched.values())
    query_gz += worker_gz + _gz((workers / "fold-map.js").read_bytes())
    query_gz += _gz((site / "search" / "search_index.json").read_bytes())
    page = site / "r0000" / "index.html"
    files = sorted(site.rglob("*"))
    return {
        "search_index_bytes": sum(f.stat().st_size for f in index.iterdir()),
        "search_index_hant_bytes": sum(f.stat().st_size for f in hant_index.iterdir()),
        "search_index_gzip_bytes": sum(_gz(f.read_bytes()) for f in index.iterdir()),
        "search_worker_gzip_bytes": worker_gz,
        "query_bytes": query_gz,
        "page_weight_gzip_bytes": page_weight(page, site),
        "site_bytes": sum(f.stat().st_size for f in files if f.is_file()),
        "html_pages": sum(1 for f in files if f.suffix == ".html"),
    }


def page_weight(page: Path, site: Path) -> int:
    """The page's HTML and the CSS and JS it links, each gzip'd (what a first visit downloads)."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    total = _gz(html.encode())
    for ref in refs:
        if "://" in ref:
            continue
        asset = (page.parent / ref.split("?")[0]).resolve()
        if asset.is_file() and asset.is_relative_to(site.resolve()):
            total += _gz(asset.read_bytes())
    return total


def timed_cpu(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user and system) of one child process and its
    waited-for children (the PDF step's workers): CPU seconds are what the step costs on a machine
    where it has the cores to itself."""
    seconds, rss, cpu, _ = timed_run(cmd, cwd)
    return seconds, rss, cpu


def timed_run(cmd: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """timed_cpu(), and what the command printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read() if proc.stdout else b""
    return (*_waited(proc, start, cmd, output), output.decode(errors="replace"))


def _waited(
    proc: subprocess.Popen[bytes], start: float, cmd: list[str], output: bytes = b""
) -> tuple[float, float, float]:
    """Wall seconds since start, peak RSS (MB) and CPU seconds of a finished child and its
    waited-for children; a failed one stops the bench with its output."""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        said = output.decode(errors="replace")[-3000:]
        raise SystemExit(f"bench: {' '.join(cmd)} failed (exit status {proc.returncode}):\n{said}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # KiB on Linux


def machine() -> dict[str, Any]:
    total = re.search(r"MemTotal:\s+(\d+) kB", _read("/proc/meminfo"))
    cpu = re.search(r"model name\s*:\s*(.+)", _read("/proc/cpuinfo"))
    return {
        "cores": os.cpu_count(),
        "cpu": cpu[1].strip() if cpu else platform.processor(),
        "memory_gb": round(int(total[1]) / 1024 / 1024, 1) if total else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "opencc": opencc_version(),
    }


_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
_MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
_PDF = [sys.executable, "-m", "build_tools", "pdf", "--root"]
CONFIGS = ("mkdocs.yml", "mkdocs.zh-Hant.yml", "mkdocs.zh-HK.yml", "mkdocs.en.yml")  # as `make site` runs them


def _project(work: Path) -> None:
    """A copy of the project around the synthetic seeds/, as tests/conftest.py makes one."""
    for name in (*CONFIGS, "pyproject.toml"):
        shutil.copy(ROOT / name, work / name)
    ignore = shutil.ignore_patterns("zh-Hans", "zh-Hant", ".generated.json")
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, work / name, ignore=ignore)
    os.symlink(ROOT / "build_tools", work / "build_tools")
    (work / "translations").mkdir()  # none translated: the English site is its home page


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _previous() -> dict[str, Any]:
    try:
        data = json.loads((OUT / "results.json").read_text(encoding="utf-8"))
        return data if isinstance(data.get("runs"), list) else {"runs": []}
    except (OSError, ValueError):
        return {"runs": []}


def _write(results: dict[str, Any]) -> None:
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / "results.md").write_text(table(results), encoding="utf-8")
    readme = OUT / "README.md"
    if readme.is_file():
        readme.write_text(with_table(readme.read_text(encoding="utf-8"), results), encoding="utf-8")


START, END = "<!-- bench table: written by make bench -->", "<!-- end of bench table -->"


def with_table(readme: str, results: dict[str, Any]) -> str:
    """bench/README.md with the tables between its markers (unchanged without them)."""
    if START not in readme or END not in readme:
        return readme
    head, rest = readme.split(START, 1)
    return f"{head}{START}\n{table(results)}{END}{rest.split(END, 1)[1]}"


COLUMNS = (
    ("N", "n", "{}"),
    ("chars", "chars", "{:,}"),
    ("convert chars/s", "convert_chars_per_s", "{:,}"),
    ("OpenCC chars/s", "opencc_chars_per_s", "{:,}"),
    ("convert ÷ OpenCC", "convert_vs_opencc", "{:.2f}"),
    ("OpenCC back to back, chars/s", "opencc_back_to_back_chars_per_s", "{:,}"),
    ("`convert` s", "convert_cli_s", "{}"),
    ("mkdocs build s (all sites)", "build_s", "{}"),
    ("build s / report", "build_s_per_report", "{}"),
    ("peak RSS MB", "peak_rss_mb", "{}"),
    ("search index (zh-Hans)", "search_index_bytes", "{:,}"),
    ("one query downloads (gzip)", "query_bytes", "{:,}"),
    ("report page + CSS/JS (gzip)", "page_weight_gzip_bytes", "{:,}"),
    ("site size", "site_bytes", "{:,}"),
    ("glossary links s", "glossary_s", "{}"),
    ("re-convert after one edit s", "reconvert_one_s", "{}"),
    ("converter's share of it s", "reconvert_one_converter_s", "{}"),
    ("load avg before/after", "load", "{}"),
)
# The whole `make site` with PDFs, cold and after one edited report, and the bytes of the site.
LIBRARY_COLUMNS = (
    ("N", "n", "{}"),
    ("PDF step cold s", "pdf_cold_s", "{}"),
    ("its CPU s", "pdf_cpu_s", "{}"),
    ("`make site` cold s (convert + mkdocs + PDFs)", "site_total_s", "{}"),
    ("cold on an idle machine s (CPU; PDFs over the cores)", "site_idle_estimate_s", "{}"),
    ("after one edit: convert s", "reconvert_one_s", "{}"),
    ("mkdocs s", "edit_build_s", "{}"),
    ("PDF step s", "edit_pdf_s", "{}"),
    ("its CPU s", "edit_pdf_cpu_s", "{}"),
    ("PDFs rendered / unchanged", "edit_pdfs", "{}"),
    ("HTML / report zh-Hans", "bytes_per_report_html_zh-Hans", "{:,}"),
    ("HTML / report zh-Hant", "bytes_per_report_html_zh-Hant", "{:,}"),
    ("search / report zh-Hans", "bytes_per_report_search_zh-Hans", "{:,}"),
    ("search / report zh-Hant", "bytes_per_report_search_zh-Hant", "{:,}"),
    ("PDF / report zh-Hans", "bytes_per_report_pdf_zh-Hans", "{:,}"),
    ("PDF / report zh-Hant", "bytes_per_report_pdf_zh-Hant", "{:,}"),
    ("all / report", "bytes_per_report", "{:,}"),
    ("fixed (assets, …)", "fixed_bytes", "{:,}"),
    ("reports in 1 GB", "reports_in_1gb", "{:,}"),
    ("home page + CSS/JS (gzip)", "home_gzip_bytes", "{:,}"),
    ("reports in 3 taps from home", "home_taps_reach", "{}"),
)


def table(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}, "
        f"{m['platform']}, OpenCC {m['opencc']}.",
        "",
    ]
    for columns in (COLUMNS, LIBRARY_COLUMNS):
        lines += ["| " + " | ".join(c[0] for c in columns) + " |", "|" + "---:|" * len(columns)]
        for run in results["runs"]:
            run = {**run, "load": f"{run['load_before']}/{run['load_after']}" if "load_after" in run else None}
            if run.get("edit_pdfs_rendered") is not None:
                run["edit_pdfs"] = f"{run['edit_pdfs_rendered']} / {run['edit_pdfs_unchanged']}"
            cells = [fmt.format(run[key]) if run.get(key) is not None else "–" for _, key, fmt in columns]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines) + growth(results["runs"])


def growth(runs: list[dict[str, Any]]) -> str:
    """How each cost grows from one size to the next, next to how N grows (linear: the same)."""
    keys = (("build", "build_s"), ("convert", "convert_s"), ("search index", "search_index_bytes"))
    keys += (("site size", "site_bytes"), ("peak RSS", "peak_rss_mb"))
    out = []
    for a, b in pairwise(runs):
        ratios = ", ".join(f"{name} ×{b[key] / a[key]:.1f}" for name, key in keys if a.get(key) and b.get(key))
        more = f"×{b['n'] / a['n']:g} reports, ×{b['chars'] / a['chars']:.1f} chars"
        out.append(f"- N {a['n']} → {b['n']} ({more}): {ratios}")
    if not out:
        return ""
    return "\nGrowth from one size to the next (a linear cost grows as N does):\n\n" + "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
