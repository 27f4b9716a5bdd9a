"""Writing docs/: only files whose content changed, all or nothing, and removing generated
files gone stale.

A manifest (docs/.generated.json) lists what the converter wrote, so files written by hand
are never deleted. Writing is two-phase: every changed file is first written in full to a
temporary file beside its target; only when all of them are written are they renamed into
place. A failure or an interrupt while writing leaves the previous docs/ as it was.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".generated.json"


def write_tree(root: Path, files: dict[str, str]) -> list[str]:
    """Write `files` (relative path -> text) under root; return the paths that changed."""
    old = _manifest(root)
    listing = json.dumps(sorted(files), ensure_ascii=False, indent=1) + "\n"
    staged = _stage(root, {**files, MANIFEST: listing})
    manifest = staged.pop(MANIFEST, None)
    for tmp, target in staged.values():
        os.replace(tmp, target)  # renames only: the slow, failure-prone writing is done
    changed = list(staged)
    for rel in sorted(old - set(files)):
        stale = root / rel
        if stale.is_file():
            stale.unlink()
            changed.append(rel)
            _prune_empty(stale.parent, root)
    if manifest:  # last: if stopped before this, the old manifest still lists the stale files
        os.replace(*manifest)
    return changed


def unlisted_files(root: Path, folder: Path) -> list[Path]:
    """The files under `folder` (inside root) that root's manifest does not list: written by hand."""
    listed = _manifest(root)
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(root).as_posix() not in listed)


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(_temp_file(path, data), path)  # readers never see a half-written file
    return True


def _stage(root: Path, files: dict[str, str]) -> dict[str, tuple[Path, Path]]:
    """Write each changed file to a temporary file beside its target; on any failure remove
    them all (and folders made for them) and re-raise."""
    staged: dict[str, tuple[Path, Path]] = {}
    made: list[Path] = []
    try:
        for rel, text in sorted(files.items()):
            target = root / rel
            data = text.encode("utf-8")
            if target.is_file() and target.read_bytes() == data:
                continue
            made.extend(_mkdirs(target.parent))
            staged[rel] = (_temp_file(target, data), target)
    except BaseException:
        for tmp, _ in staged.values():
            tmp.unlink(missing_ok=True)
        for folder in reversed(made):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    return staged


def _temp_file(target: Path, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def _mkdirs(folder: Path) -> list[Path]:
    """Make folder and its missing parents; return the ones made, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _manifest(root: Path) -> set[str]:
    try:
        return set(json.loads((root / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
