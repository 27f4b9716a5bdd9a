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
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .converter import opencc_version
from .model import Report, Settings
from .review import Files

CACHE = "build/cache"  # the project's cache folder
PACKAGE = Path(__file__).resolve().parent
Variants = dict[str, Report]


class ConversionCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.pending: dict[str, Variants] = {}
        self.pending_reviews: dict[str, Files] = {}

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

    def review_files(self, key: str, variants: Variants, make: Callable[[Variants], Files]) -> Files:
        """make(variants), the review lists of the report converted under `key`, kept beside its
        conversion: they depend only on what the key covers (the converted text, the settings,
        the package's data)."""
        path = self.folder / f"{key}{REVIEW}"
        try:
            with path.open("rb") as handle:
                found = pickle.load(handle)
            if isinstance(found, Files):
                return found
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            pass
        files = self.pending_reviews[key] = make(variants)
        return files

    def commit(self) -> None:
        """Write the new entries and drop those this build did not use (removed or edited reports)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, variants in self.pending.items():
            _dump(variants, self.folder / f"{key}.pickle")
        for key, files in self.pending_reviews.items():
            _dump(files, self.folder / f"{key}{REVIEW}")
        self.pending.clear()
        self.pending_reviews.clear()
        for entry in self.folder.glob("*.pickle"):
            if entry.name.split(".")[0] not in self.used:
                entry.unlink()


REVIEW = ".review.pickle"


def _dump(value: object, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)


@cache
def fingerprint() -> str:
    """OpenCC's version and every file of this package: code and grammar data."""
    digest = hashlib.sha256(opencc_version().encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
