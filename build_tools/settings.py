"""Per-report settings: seeds/<name>.yml beside seeds/<name>.txt (all fields optional)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from . import dictionary, yamlfile
from .errors import ReportError
from .model import Phrase, Settings

_FIELDS = {
    *("slug", "title", "source_url", "hant_config", "encoding", "conversion", "locks", "accepted", "zh_hk"),
    *("date", "source", "publisher", "body_from"),
}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# a setting's key typed with a full-width colon (a Chinese input method): YAML reads it as text
_FULL_WIDTH_KEY = re.compile(r"\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<colon>：)")
# Character-level targets only: s2twp/s2hkp would also swap vocabulary and change official text.
HANT_CONFIGS = ("s2tw", "s2hk", "s2t")


def load_settings(txt: Path) -> Settings:
    path = txt.with_suffix(".yml")
    if path.exists():
        _check_colons(path)
    raw = yamlfile.load(path) if path.exists() else {}
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ReportError(str(path), "settings must be a mapping of field: value", f"use fields {sorted(_FIELDS)}", 1)
    for key in raw:
        if key not in _FIELDS:
            raise ReportError(str(path), f"unknown setting {key!r}", f"use one of {sorted(_FIELDS)}", _line(path, key))
    # the file's name when it is a slug already; else "": the build makes one from the title (slugs.py)
    slug = str(raw["slug"]) if raw.get("slug") else (txt.stem if SLUG.match(txt.stem) else "")
    if raw.get("slug") and not SLUG.match(slug):
        raise ReportError(
            str(path),
            f"slug {slug!r} is not lower-case ASCII words joined by -",
            "set a slug such as `slug: zhenhai-2024-report`, or leave it out to have one made from the title",
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
        date=_date(raw, path),
        source=_opt(raw, "source"),
        publisher=_opt(raw, "publisher"),
        body_from=_body_from(raw, path),
    )


def _check_colons(path: Path) -> None:
    """`source_url： https://…`: the error points at the full-width colon."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _FULL_WIDTH_KEY.match(line)
        if m:
            column = m.start("colon") + 1
            raise ReportError(
                str(path),
                f"`{m['key']}` is followed by a full-width colon ： (column {column}): YAML reads the line as text,"
                f" not as a setting\n  {line}\n  {' ' * _width(line[: m.start('colon')])}^",
                f"type an ASCII colon and a space: `{m['key']}: …`",
                n,
            )


def _width(text: str) -> int:
    """Columns of text in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _date(raw: dict[str, object], path: Path) -> str | None:
    value = raw.get("date")
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    if not _ISO_DATE.match(text):
        hint = "write the date as YYYY-MM-DD, for example `date: 2026-02-02`"
        raise ReportError(str(path), f"date {text!r} is not a date", hint, _line(path, "date"))
    return text


def _body_from(raw: dict[str, object], path: Path) -> int | None:
    value = raw.get("body_from")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        hint = "give the number of the line where the report's body starts, for example `body_from: 12`"
        raise ReportError(str(path), f"body_from must be a line number, not {value!r}", hint, _line(path, "body_from"))
    return value


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
