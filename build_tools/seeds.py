"""The files of seeds/: which are reports, which are settings, what is not read at all, and a
report's bytes and settings as read."""

from __future__ import annotations

from pathlib import Path

from .decode import check_size
from .errors import ReportError
from .model import Notice, Settings
from .settings import load_settings

GLOSSARY = "glossary.yml"


def report_files(folder: Path) -> list[Path]:
    """The reports: *.txt in any case (.TXT, as Windows often saves them), in name order (a folder
    so named is one too: reading it fails with a clear error)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt")


def unread_files(root: Path) -> list[tuple[str, Notice]]:
    """(path as shown, warning) for each file of root/seeds/ the build does not read: never
    skipped silently."""
    folder = root / "seeds"
    reports = report_files(folder)
    stems = {p.stem for p in reports}
    out = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        name = path.name
        if path in reports or name == GLOSSARY or name.startswith("."):
            continue
        stem = name.removesuffix(".glossary.yml").removesuffix(".yml")
        if name.endswith(".yml") and stem in stems:
            continue
        if name.endswith(".yml"):
            why = f"settings for a report {stem}.txt that is not in seeds/"
            hint = f"name it after its report's file ({stem}.txt → {stem}.yml), or remove it"
        elif path.is_dir():
            why, hint = "a folder: reports are read from seeds/ itself", "move its reports into seeds/"
        else:
            why = "not read: only .txt files are reports (settings: NAME.yml, glossary: NAME.glossary.yml)"
            hint = "save the report as plain text (NAME.txt), or move the file out of seeds/"
        out.append((str(path.relative_to(root)), Notice(0, why, hint)))
    return out


def read_seed(path: Path, root: Path | None) -> tuple[bytes, Settings, str]:
    """(bytes, settings, the path as shown in messages) of a seed file."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    if path.is_dir():
        raise ReportError(shown, "a directory, not a readable file", "give the path of a report's .txt file")
    if not path.is_file():
        raise ReportError(shown, "not a readable file", "give the path of a report's .txt file")
    return _read(path, shown), load_settings(path), shown


def _read(path: Path, shown: str) -> bytes:
    try:
        check_size(path.stat().st_size, shown)
        return path.read_bytes()
    except OSError as err:
        raise ReportError(shown, f"cannot be read: {err.strerror}", "check the file's permissions") from None


def find_report(arg: str, root: Path, slug_of: object = None) -> Path:
    """A report given by its file's path, or by its name or slug in seeds/ (outline, review)."""
    path = Path(arg)
    if path.exists() or path.suffix.lower() == ".txt":
        return path
    folder = root / "seeds"
    for candidate in report_files(folder):
        if candidate.stem == arg:
            return candidate
    if callable(slug_of):
        for candidate in report_files(folder):
            try:
                if slug_of(candidate) == arg:
                    return candidate
            except ReportError:
                continue
    raise ReportError(arg, "no such file, and no report in seeds/ has this name or slug", _FIND_HINT)


_FIND_HINT = "give the path of a report's .txt file, or the slug shown on its page (seeds/ of --root)"
