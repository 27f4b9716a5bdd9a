"""Writing docs/: only files whose content changed, and removing generated files gone stale.

A manifest (docs/.generated.json) lists what the converter wrote, so files written by hand
are never deleted.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".generated.json"


def write_tree(root: Path, files: dict[str, str]) -> list[str]:
    """Write `files` (relative path -> text) under root; return the paths that changed."""
    changed = [rel for rel, text in sorted(files.items()) if write_if_changed(root / rel, text)]
    old = _manifest(root)
    for rel in sorted(old - set(files)):
        stale = root / rel
        if stale.is_file():
            stale.unlink()
            changed.append(rel)
            _prune_empty(stale.parent, root)
    write_if_changed(root / MANIFEST, json.dumps(sorted(files), ensure_ascii=False, indent=1) + "\n")
    return changed


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)  # readers never see a half-written file
    return True


def _manifest(root: Path) -> set[str]:
    try:
        return set(json.loads((root / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
