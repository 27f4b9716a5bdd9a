"""The order of stages: seeds -> decode -> parse -> fidelity -> variants -> render -> docs/.

I/O only at the two ends. Every report is converted before anything is written, so one
bad report stops the build with docs/ untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import render, yamlfile
from .cache import ConversionCache
from .converter import converter
from .decode import check_size, decode
from .errors import ReportError
from .fidelity import check_fidelity
from .model import Report, Settings
from .parse import parse
from .parse.grammar import DATA
from .reproducible import source_date_epoch
from .searchdict import HANT_DICT, hant_dictionary, jieba_dictionary
from .settings import load_settings
from .sitefiles import write_if_changed, write_tree
from .variants import detect_script, to_variant

LANGS = render.LANGS
CACHE = "build/cache"  # converted reports by content (build_tools/cache.py)
SOURCE_DATE = "build/source-date-epoch"  # the Makefile gives it to MkDocs as SOURCE_DATE_EPOCH
REVERSE = {"s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}


@dataclass(frozen=True)
class Built:
    reports: dict[str, list[Report]]  # lang -> reports, in home-page order
    files: dict[str, str]  # docs-relative path -> Markdown
    navs: dict[str, list[Any]]  # lang -> MkDocs nav
    changed: tuple[str, ...]
    failed: tuple[ReportError, ...] = ()  # bad reports skipped (only with keep_going)


def build(root: Path, write: bool = True, keep_going: bool = False) -> Built:
    """Convert every seed, then write docs/. A bad report raises before anything is written;
    with keep_going, the bad ones are listed in Built.failed and the good ones are written."""
    seeds = sorted((root / "seeds").glob("*.txt"))
    if not seeds:
        raise ReportError(str(root / "seeds"), "no reports (*.txt) found", "put a report's text in seeds/NAME.txt")
    store = ConversionCache(root / CACHE)
    variants, failed = _convert_all(seeds, root, keep_going, store)
    reports = {lang: sorted((v[lang] for v in variants), key=_home_order) for lang in LANGS}
    files: dict[str, str] = {}
    for lang in LANGS:
        files[f"{lang}/index.md"] = render.render_home(reports[lang], ui(lang))
        for report in reports[lang]:
            pages = render.render_report(report, ui(lang), conversion_note(report))
            files.update({f"{lang}/{rel}": text for rel, text in pages.items()})
    if write:  # docs/ last: whatever fails before it leaves the previous docs/ as it was
        store.commit()
        write_search_dictionary(root)
        write_if_changed(root / SOURCE_DATE, f"{source_date_epoch(reports[LANGS[0]])}\n")
    changed = write_tree(root / "docs", files) if write else []
    navs = {lang: render.nav(reports[lang], ui(lang)) for lang in LANGS}
    return Built(reports, files, navs, tuple(changed), tuple(failed))


def _convert_all(
    seeds: list[Path], root: Path, keep_going: bool, store: ConversionCache
) -> tuple[list[dict[str, Report]], list[ReportError]]:
    variants: list[dict[str, Report]] = []
    failed: list[ReportError] = []
    slugs: dict[str, str] = {}
    for path in seeds:
        try:
            converted = convert_file(path, root, store)
            _check_unique_slug(converted, slugs)
            variants.append(converted)
        except ReportError as err:
            if not keep_going:
                raise
            failed.append(err)
    if not variants:
        raise failed[0]  # nothing good to build: keep the previous docs/
    return variants, failed


def write_search_dictionary(root: Path) -> None:
    """build/jieba/dict.zh-Hant.txt, which mkdocs.zh-Hant.yml gives the search plugin."""
    target = root / HANT_DICT
    if not target.exists():  # derived only from pinned jieba and OpenCC: made once
        source = jieba_dictionary().read_text(encoding="utf-8")
        write_if_changed(target, hant_dictionary(source, converter("s2tw")))


def convert_file(path: Path, root: Path | None = None, store: ConversionCache | None = None) -> dict[str, Report]:
    """One seed file to its report in every variant (from `store` when its content was converted
    before). Raises ReportError for bad input."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    if path.is_dir():
        raise ReportError(shown, "a directory, not a readable file", "give the path of a report's .txt file")
    if not path.is_file():
        raise ReportError(shown, "not a readable file", "give the path of a report's .txt file")
    settings = load_settings(path)
    data = _read(path, shown)
    key = store.key(data, settings, shown) if store else ""
    cached = store.get(key) if store else None
    if cached is not None:
        return cached
    variants = convert_text(decode(data, shown, settings.encoding), shown, settings)
    if store:
        store.put(key, variants)
    return variants


def _read(path: Path, shown: str) -> bytes:
    try:
        check_size(path.stat().st_size, shown)
        return path.read_bytes()
    except OSError as err:
        raise ReportError(shown, f"cannot be read: {err.strerror}", "check the file's permissions") from None


def convert_text(text: str, path: str, settings: Settings) -> dict[str, Report]:
    source_lang = detect_script(text, converter("t2s"), converter("s2t"))
    report = parse(text, path, settings, source_lang)
    check_fidelity(report, text)
    if source_lang == "zh-Hans":
        other, config = "zh-Hant", settings.hant_config
    else:
        other, config = "zh-Hans", REVERSE[settings.hant_config]
    return {source_lang: report, other: to_variant(report, other, converter(config))}


def conversion_note(report: Report) -> str:
    words = ui(report.lang)
    if report.lang == report.source_lang:
        return words["converted_from"]
    config = report.settings.hant_config if report.lang == "zh-Hant" else REVERSE[report.settings.hant_config]
    names = words["names"]
    return str(words["converted_to"]).format(source=names[report.source_lang], config=config, target=names[report.lang])


@cache
def ui(lang: str) -> dict[str, Any]:
    return dict(yamlfile.load(DATA / "ui.yml")[lang])


def _home_order(report: Report) -> tuple[str, str]:
    return ("~" if not report.date else _invert(report.date), report.title)


def _invert(date: str) -> str:
    """Newest first: turn each digit d into 9-d so an ascending sort puts later dates first."""
    return "".join(str(9 - int(c)) if c.isdigit() else c for c in date)


def _check_unique_slug(variants: dict[str, Report], seen: dict[str, str]) -> None:
    report = next(iter(variants.values()))
    if report.slug in seen:
        raise ReportError(
            report.path,
            f"slug {report.slug!r} is already used by {seen[report.slug]}",
            "give one of them another `slug:` in its settings file",
        )
    seen[report.slug] = report.path
