"""build/review/: each report's review list per converted variant, as JSON and as text, and how
many risky choices each leaves open. For editors, beside the site and outside it: not published,
not in any nav. The lists read only the converted texts, so they are kept in the cache beside each
conversion."""

from __future__ import annotations

from dataclasses import dataclass

from . import dictionary, review
from .cache import ConversionCache
from .configs import config_for, project_converter
from .conversion import Converted
from .converter import character_table
from .model import Report
from .reading import reader
from .review_text import as_text


@dataclass(frozen=True)
class Reviews:
    files: dict[str, str]  # build/review/ file -> text
    open_risky: dict[str, dict[str, tuple[int, int]]]  # slug -> lang -> review.open_risky()


def of_reports(converted: list[Converted], store: ConversionCache) -> Reviews:
    """The review files of every report, from the cache beside its conversion or made now (the
    new ones kept for store.commit())."""
    found = [store.review_files(c.key, c.variants, review_files_of) for c in converted]
    files = {name: text for r in found for name, text in r.files.items()}
    counts = {c.variants["zh-Hans"].slug: r.open_risky for c, r in zip(converted, found, strict=True)}
    return Reviews(files, counts)


def review_lists(variants: dict[str, Report]) -> dict[str, tuple[str, list[review.Item]]]:
    """lang -> (config, review items) for every converted variant of one report."""
    source = next(r for r in variants.values() if r.lang == r.source_lang)
    out = {}
    for lang, report in variants.items():
        if lang != source.lang:
            config, settings = config_for(report), report.settings
            decided, accepted = dictionary.entries(config, settings), dictionary.accepted(config, settings)
            read = reader(config, dictionary.pairs(config, settings), project_converter(config, settings))
            out[lang] = (config, review.review(source, report, character_table(config), decided, accepted, read))
    return out


def review_files_of(variants: dict[str, Report]) -> review.Files:
    """build/review/ files of one report: its review list per converted variant, as JSON and text,
    and how many risky choices each leaves open."""
    slug = next(iter(variants.values())).slug
    files, counts = {}, {}
    for lang, (config, items) in review_lists(variants).items():
        files[f"{slug}.{lang}.json"] = review.as_json(slug, config, lang, items)
        files[f"{slug}.{lang}.md"] = as_text(slug, config, lang, items, every=True)
        counts[lang] = review.open_risky(items)
    return review.Files(files, counts)
