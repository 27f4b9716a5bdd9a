"""The stamp of a conversion: `make site` converts once, then runs three MkDocs builds whose hook
would convert again. The stamp (build/docs-stamp.json) records what the conversion read (the
seeds/ folder, site.yml, this package's code and data, OpenCC's version), what it left for MkDocs (docs/ and
the sitemap's date: their paths, sizes and modification times) and the
navigation it made. While all of that is unchanged the hook takes the navigation from the stamp;
any edit, in the inputs or in what MkDocs reads, means a full conversion. Deleting it is safe.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .cache import fingerprint
from .identity import FILE as IDENTITY
from .sitefiles import write_if_changed

STAMP = "build/docs-stamp.json"
OUTPUTS = ("docs", "build/source-date-epoch")  # what the MkDocs builds read


INPUTS = ("seeds", "translations")  # what a conversion reads, besides this package


def inputs_key(root: Path) -> str:
    """Every file under seeds/ and translations/ (name and bytes), the site's identity (site.yml)
    and the package's fingerprint."""
    digest = hashlib.sha256(fingerprint().encode())
    for folder in INPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(b"\0" + str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    identity = root / IDENTITY
    digest.update(b"\0" + (identity.read_bytes() if identity.is_file() else b""))
    return digest.hexdigest()


def outputs_key(root: Path) -> str:
    """The path, size and modification time of every file MkDocs reads from the conversion."""
    rows = []
    for name in OUTPUTS:
        top = root / name
        for path in sorted([top, *top.rglob("*")] if top.is_dir() else [top]):
            if path.is_file():
                info = path.stat()
                rows.append(f"{path.relative_to(root)}\0{info.st_size}\0{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def save(root: Path, inputs: str, site: dict[str, Any]) -> None:
    """After a conversion that read `inputs` and wrote its files; `site` is what the hook needs."""
    data = {"inputs": inputs, "outputs": outputs_key(root), "site": site}
    write_if_changed(root / STAMP, json.dumps(data, ensure_ascii=False) + "\n")


def load(root: Path) -> dict[str, Any] | None:
    """The saved `site` if the inputs and the outputs are as the last conversion left them."""
    try:
        data = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("site"), dict):
        return None
    if data.get("inputs") != inputs_key(root) or data.get("outputs") != outputs_key(root):
        return None
    return data["site"]
