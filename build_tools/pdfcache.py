"""PDFs built once per change: each report's PDF in each variant is kept in build/pdf/ under a key
made of everything it depends on, and copied (hard-linked where it can be) into site/ while that
key is unchanged. New or changed PDFs are rendered in parallel worker processes, one per core.

The key covers: the print HTML (pdf.py makes it from the report's converted model, the words of
the interface and the site's address: every character the PDF prints), the print stylesheet, the
code that renders (pdf.py, pdfbuild.py, this module, the versions of WeasyPrint and the libraries
it writes PDFs and subsets fonts with) and the font files fontconfig picks for the variant's face.
Deleting build/pdf/ is always safe: everything is rendered again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path

from . import pdf

FOLDER = "build/pdf"
PACKAGE = Path(__file__).resolve().parent
CODE = ("pdf.py", "pdfbuild.py", "pdfcache.py", "data/pdf.css")
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "pillow")


@dataclass(frozen=True)
class Job:
    html: str  # the print document
    identifier: str  # the PDF's /ID (the report's slug): part of what is written
    target: Path  # where the site wants it

    @cached_property  # a hash of the whole print document: publish and fill both ask
    def key(self) -> str:
        digest = hashlib.sha256(f"{dependencies()}\0{self.identifier}\0".encode())
        digest.update(self.html.encode("utf-8"))
        return digest.hexdigest()


@dataclass(frozen=True)
class Outcome:
    rendered: list[Path]  # targets rendered by this run
    reused: list[Path]  # targets copied from the cache


Render = Callable[[str, Path, str], None]  # (print HTML, where to write, identifier)


def publish(root: Path, jobs: list[Job], render: Render, workers: int | None = None) -> Outcome:
    """Put every job's PDF at its target: from the cache when its key is there, else rendered
    (in `workers` processes, default one per core) into the cache first. Entries no job used are
    removed, so the cache holds one PDF per report and variant."""
    folder = root / FOLDER
    keyed = [(job, folder / f"{job.key}.pdf") for job in jobs]
    missing = fill(root, jobs, render, workers)
    for job, cached in keyed:
        _place(cached, job.target)
    used = {cached.name for _, cached in keyed}
    for entry in folder.glob("*.pdf"):
        if entry.name not in used:
            entry.unlink()
    rendered = [job.target for job in missing.values()]
    return Outcome(rendered, [job.target for job, cached in keyed if cached not in missing])


def fill(root: Path, jobs: list[Job], render: Render, workers: int | None = None) -> dict[Path, Job]:
    """Render into the cache every job whose key is not there (`workers` processes, default one
    per core), touching nothing else: `make site` runs this beside the MkDocs builds, which empty
    site/. Returns the cache files rendered, with their jobs."""
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    missing = {cached: job for job in jobs if not (cached := folder / f"{job.key}.pdf").is_file()}
    _render_all(missing, render, workers or os.cpu_count() or 1)
    return missing


def _render_all(missing: dict[Path, Job], render: Render, workers: int) -> None:
    """Render each job into the cache: to a temporary file, renamed under its key as soon as it is
    done (an interrupted run keeps every PDF it finished and leaves none half-written)."""
    tasks = {
        cached: (job.html, cached.with_name(f".tmp-{cached.name}"), job.identifier) for cached, job in missing.items()
    }
    if len(tasks) <= 1 or workers <= 1:  # no pool to start for one PDF
        for cached, task in tasks.items():
            render(*task)
            os.replace(task[1], cached)
        return
    # fork: the workers start at once and share the parent's loaded modules; each loads
    # WeasyPrint and the fonts once, for all the PDFs it renders
    with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=get_context("fork")) as pool:
        running = {pool.submit(render, *task): cached for cached, task in tasks.items()}
        for done in as_completed(running):
            done.result()  # a worker's error is raised here
            os.replace(tasks[running[done]][1], running[done])


def _place(cached: Path, target: Path) -> None:
    """The cached PDF at target: a hard link (no bytes copied) where the file system allows it."""
    if target.exists() and os.path.samefile(cached, target):
        return  # already linked (and rename() between two links of one file does nothing)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".tmp-{target.name}")
    tmp.unlink(missing_ok=True)
    try:
        os.link(cached, tmp)
    except OSError:  # another file system, or links not supported
        shutil.copyfile(cached, tmp)
    os.replace(tmp, target)


@cache
def dependencies() -> str:
    """What every PDF depends on besides its print HTML: the rendering code, the print style,
    the libraries' versions and the font files."""
    digest = hashlib.sha256()
    for name in CODE:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={_version(library)}\0".encode())
    for face in sorted(set(pdf.FACES.values())):
        for style in ("", ":bold"):
            digest.update(_font_file(face + style).encode() + b"\0")
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _font_file(pattern: str) -> str:
    """The file fontconfig gives for a face, with its size and modification time (a font
    package upgrade changes them); the pattern itself where fc-match is not installed."""
    try:
        run = subprocess.run(["fc-match", "--format=%{file}", pattern], capture_output=True, text=True, check=True)
        info = Path(run.stdout).stat()
    except (OSError, subprocess.CalledProcessError):
        return pattern
    return f"{pattern}={run.stdout}:{info.st_size}:{info.st_mtime_ns}"
