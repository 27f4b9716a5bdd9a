"""Per-report settings: seeds/<name>.yml beside seeds/<name>.txt (all fields optional)."""

from __future__ import annotations

import re
from pathlib import Path

from . import dictionary, yamlfile
from .errors import ReportError
from .model import Phrase, Settings

_FIELDS = {"slug", "title", "source_url", "hant_config", "encoding", "conversion", "locks", "accepted", "zh_hk"}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Character-level targets only: s2twp/s2hkp would also swap vocabulary and change official text.
HANT_CONFIGS = ("s2tw", "s2hk", "s2t")


def load_settings(txt: Path) -> Settings:
    path = txt.with_suffix(".yml")
    raw = yamlfile.load(path) if path.exists() else {}
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ReportError(str(path), "settings must be a mapping of field: value", f"use fields {sorted(_FIELDS)}", 1)
    for key in raw:
        if key not in _FIELDS:
            raise ReportError(str(path), f"unknown setting {key!r}", f"use one of {sorted(_FIELDS)}", _line(path, key))
    slug = str(raw.get("slug") or txt.stem)
    if not _SLUG.match(slug):
        raise ReportError(
            str(path) if raw.get("slug") else str(txt),
            f"slug {slug!r} is not lower-case ASCII words joined by -",
            "rename the file or set `slug: zhenhai-2024-report` in its settings",
            _line(path, "slug"),
        )
    hant = str(raw.get("hant_config", "s2tw"))
    if hant not in HANT_CONFIGS:
        raise ReportError(
            str(path),
            f"hant_config {hant!r} is not allowed",
            f"use one of {', '.join(HANT_CONFIGS)} (vocabulary-changing configs such as s2twp alter official text)",
            _line(path, "hant_config"),
        )
    if _flag(raw, "zh_hk", path) and hant == "s2hk":
        hint = "keep hant_config: s2tw for the zh-Hant site, or drop zh_hk"
        raise ReportError(str(path), "zh_hk: true would repeat hant_config: s2hk", hint, _line(path, "zh_hk"))
    return Settings(
        slug=slug,
        title=_opt(raw, "title"),
        source_url=_opt(raw, "source_url"),
        hant_config=hant,
        encoding=_opt(raw, "encoding"),
        phrases=_phrases(raw, str(path)),
        accepted=dictionary.read_table(raw.get("accepted"), str(path), "accepted", _line(path, "accepted")),
        zh_hk=_flag(raw, "zh_hk", path),
    )


def _flag(raw: dict[str, object], key: str, path: Path) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        message = f"{key} must be true or false, not {value!r}"
        raise ReportError(str(path), message, f"write `{key}: true`", _line(path, key))
    return value


def _phrases(raw: dict[str, object], shown: str) -> tuple[Phrase, ...]:
    """The report's own dictionary entries and locks (schema and checks in dictionary.py)."""
    path = Path(shown)
    entries = dictionary.read_table(raw.get("conversion"), shown, "entry", _line(path, "conversion"))
    return entries + dictionary.read_locks(raw.get("locks"), shown, _line(path, "locks"))


def _opt(raw: dict[str, object], key: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(value)


def _line(path: Path, key: str) -> int | None:
    if not path.exists():
        return None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return n
    return None
