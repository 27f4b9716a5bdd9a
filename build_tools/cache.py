"""Converted reports, cached by content: a report is converted again only when its bytes, its
settings, its path, OpenCC or any file of this package (code and grammar data) change.

Anything else that conversion comes to read must join the key (fingerprint()), or the cache
would serve stale pages. The cache lives in build/cache/; deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from .converter import opencc_version
from .model import Report, Settings

PACKAGE = Path(__file__).resolve().parent
Variants = dict[str, Report]


class ConversionCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.pending: dict[str, Variants] = {}

    def key(self, data: bytes, settings: Settings, path: str) -> str:
        digest = hashlib.sha256(f"{fingerprint()}\0{settings!r}\0{path}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Variants | None:
        self.used.add(key)
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                found = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None  # missing or from an older model: convert again
        return found if isinstance(found, dict) else None

    def put(self, key: str, variants: Variants) -> None:
        self.used.add(key)
        self.pending[key] = variants

    def commit(self) -> None:
        """Write the new entries and drop those this build did not use (removed or edited reports)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, variants in self.pending.items():
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(variants, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{key}.pickle")
        self.pending.clear()
        for entry in self.folder.glob("*.pickle"):
            if entry.stem not in self.used:
                entry.unlink()


@cache
def fingerprint() -> str:
    """OpenCC's version and every file of this package: code and grammar data."""
    digest = hashlib.sha256(opencc_version().encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
