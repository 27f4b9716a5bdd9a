"""The order of stages: seeds -> decode -> parse -> fidelity -> variants -> render -> docs/.

I/O only at the two ends. Every report is converted before anything is written, so one
bad report stops the build with docs/ untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import dictionary, render, review, yamlfile
from .converter import character_table, converter
from .decode import decode
from .errors import ReportError
from .fidelity import check_fidelity
from .model import Report, Settings
from .parse import parse
from .parse.grammar import DATA
from .searchdict import HANT_DICT, add_words, hant_dictionary, jieba_dictionary
from .settings import load_settings
from .sitefiles import write_if_changed, write_tree
from .variants import detect_script, to_variant

LANGS = render.LANGS
REVERSE = {"s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}


@dataclass(frozen=True)
class Built:
    reports: dict[str, list[Report]]  # lang -> reports, in home-page order
    files: dict[str, str]  # docs-relative path -> Markdown
    navs: dict[str, list[Any]]  # lang -> MkDocs nav
    changed: tuple[str, ...]


def build(root: Path, write: bool = True) -> Built:
    seeds = sorted((root / "seeds").glob("*.txt"))
    if not seeds:
        raise ReportError(str(root / "seeds"), "no reports (*.txt) found", "put a report's text in seeds/NAME.txt")
    variants = [convert_file(path, root) for path in seeds]
    _check_unique_slugs(variants)
    reports = {lang: sorted((v[lang] for v in variants), key=_home_order) for lang in LANGS}
    files: dict[str, str] = {}
    for lang in LANGS:
        files[f"{lang}/index.md"] = render.render_home(reports[lang], ui(lang))
        for report in reports[lang]:
            pages = render.render_report(report, ui(lang), conversion_note(report))
            files.update({f"{lang}/{rel}": text for rel, text in pages.items()})
    changed = write_tree(root / "docs", files) if write else []
    if write:
        write_search_dictionary(root, variants)
        # for editors, beside the site and outside it: not published, not in any nav
        write_tree(root / "build" / "review", review_files(variants))
    navs = {lang: render.nav(reports[lang], ui(lang)) for lang in LANGS}
    return Built(reports, files, navs, tuple(changed))


def write_search_dictionary(root: Path, variants: list[dict[str, Report]]) -> None:
    """build/jieba/dict.zh-Hant.txt, which mkdocs.zh-Hant.yml gives the search plugin."""
    target, config = root / HANT_DICT, "s2tw"
    pairs = dictionary.pairs(config, Settings(slug=""))  # the shared dictionary: 行政复议 -> 行政復議
    own = _own_entries(variants, config)
    stamp, key = target.with_suffix(".key"), repr((pairs, own))
    if not target.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != key:
        source = jieba_dictionary().read_text(encoding="utf-8")  # remade only when the dictionary changes
        write_if_changed(target, add_words(hant_dictionary(source, converter(config, pairs)), source, own))
        write_if_changed(stamp, key)


def _own_entries(variants: list[dict[str, Report]], config: str) -> list[tuple[str, str]]:
    """The reports' own dictionary entries for `config` (编制 -> 編製), for the search dictionary."""
    settings = [next(iter(v.values())).settings for v in variants]
    return sorted({(p.phrase, p.form) for s in settings for p in s.phrases if p.kind == "entry" and p.config == config})


def convert_file(path: Path, root: Path | None = None) -> dict[str, Report]:
    """One seed file to its report in every variant. Raises ReportError for bad input."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    if not path.is_file():
        raise ReportError(shown, "not a readable file", "give the path of a report's .txt file")
    settings = load_settings(path)
    text = decode(path.read_bytes(), shown, settings.encoding)
    return convert_text(text, shown, settings)


def convert_text(text: str, path: str, settings: Settings) -> dict[str, Report]:
    source_lang = detect_script(text, converter("t2s"), converter("s2t"))
    report = parse(text, path, settings, source_lang)
    check_fidelity(report, text)
    if source_lang == "zh-Hans":
        other, config = "zh-Hant", settings.hant_config
    else:
        other, config = "zh-Hans", REVERSE[settings.hant_config]
    convert = converter(config, dictionary.pairs(config, settings))
    return {source_lang: report, other: to_variant(report, other, convert)}


def conversion_note(report: Report) -> str:
    words = ui(report.lang)
    if report.lang == report.source_lang:
        return words["converted_from"]
    config = config_for(report)
    names = words["names"]
    return str(words["converted_to"]).format(source=names[report.source_lang], config=config, target=names[report.lang])


def config_for(report: Report) -> str:
    """The OpenCC config a converted variant was made with."""
    return report.settings.hant_config if report.lang == "zh-Hant" else REVERSE[report.settings.hant_config]


def review_lists(variants: dict[str, Report]) -> dict[str, tuple[str, list[review.Item]]]:
    """lang -> (config, review items) for every converted variant of one report."""
    source = next(r for r in variants.values() if r.lang == r.source_lang)
    out = {}
    for lang, report in variants.items():
        if lang != source.lang:
            config, settings = config_for(report), report.settings
            decided, accepted = dictionary.entries(config, settings), dictionary.accepted(config, settings)
            out[lang] = (config, review.review(source, report, character_table(config), decided, accepted))
    return out


def review_files(variants: list[dict[str, Report]]) -> dict[str, str]:
    files = {}
    for v in variants:
        slug = next(iter(v.values())).slug
        for lang, (config, items) in review_lists(v).items():
            files[f"{slug}.{lang}.json"] = review.as_json(slug, config, lang, items)
            files[f"{slug}.{lang}.md"] = review.as_text(slug, config, lang, items)
    return files


@cache
def ui(lang: str) -> dict[str, Any]:
    return dict(yamlfile.load(DATA / "ui.yml")[lang])


def _home_order(report: Report) -> tuple[str, str]:
    return ("~" if not report.date else _invert(report.date), report.title)


def _invert(date: str) -> str:
    """Newest first: turn each digit d into 9-d so an ascending sort puts later dates first."""
    return "".join(str(9 - int(c)) if c.isdigit() else c for c in date)


def _check_unique_slugs(variants: list[dict[str, Report]]) -> None:
    seen: dict[str, str] = {}
    for v in variants:
        report = next(iter(v.values()))
        if report.slug in seen:
            raise ReportError(
                report.path,
                f"slug {report.slug!r} is already used by {seen[report.slug]}",
                "give one of them another `slug:` in its settings file",
            )
        seen[report.slug] = report.path
