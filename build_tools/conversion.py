"""Reading and converting: a seed file to its report in every variant (decode, parse, the fidelity
check, OpenCC), from the cache when its content was converted before. A build parses every report
not in the cache first, then converts them all together, in batches (convert_reports)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import seeds
from .cache import ConversionCache
from .configs import REVERSE, project_converter
from .converter import Convert, converter
from .decode import decode
from .errors import ReportError
from .fidelity import check_fidelity
from .model import Report, Settings
from .parse import parse
from .render import SITE_LANGS
from .settings import load_settings
from .slugs import with_slug
from .timings import Timings
from .variants import convert_many, detect_script, to_variant, variant_texts


@dataclass(frozen=True)
class Converted:
    """A good report of the build: its seed, its cache key and its variants (its own first)."""

    seed: Path
    key: str
    variants: dict[str, Report]


@dataclass(frozen=True)
class Parsed:
    """A report parsed and checked, with the OpenCC config of each variant it gets."""

    report: Report
    targets: dict[str, str]  # lang -> config (with the project dictionary: project_converter)


def convert_all(
    root: Path, keep_going: bool, store: ConversionCache, clock: Timings
) -> tuple[list[Converted], list[ReportError]]:
    """Every good report of root/seeds/, in seed order; the bad ones raise, or are listed with
    keep_going. Reports not in the cache are all parsed first, then converted together
    (convert_reports)."""
    paths = seeds.report_files(root / "seeds")
    found: dict[Path, dict[str, Report]] = {}
    keys: dict[Path, str] = {}
    parsed: list[tuple[Path, Parsed]] = []
    failed: list[ReportError] = []
    for path in paths:
        try:
            keys[path], got = _cached_or_parsed(path, root, store, clock)
            if isinstance(got, Parsed):
                parsed.append((path, got))
            else:
                found[path] = got
        except ReportError as err:
            if not keep_going:
                raise
            failed.append(err)
    converted: list[dict[str, Report]] = []
    if parsed:
        with clock.stage("variants"):  # the conversions of them all
            converted = convert_reports([p for _, p in parsed])
    for (path, _), variants in zip(parsed, converted, strict=True):
        store.put(keys[path], variants)
        found[path] = variants
    good: list[Converted] = []
    slugs: dict[str, str] = {}
    for path in paths:  # in seed order, as before
        if path not in found:
            continue
        try:
            _check_unique_slug(found[path], slugs)
            good.append(Converted(path, keys[path], found[path]))
        except ReportError as err:
            if not keep_going:
                raise
            failed.append(err)
    if failed and not good:
        raise failed[0]  # nothing good to build: keep the previous docs/
    return good, failed


def sources(converted: list[Converted]) -> list[Report]:
    """Each report in its own script, as parsed."""
    return [c.variants[next(iter(c.variants))] for c in converted]


def by_variant(converted: list[Converted]) -> dict[str, list[Report]]:
    """lang -> the reports that have that variant, in the order given."""
    return {lang: [c.variants[lang] for c in converted if lang in c.variants] for lang in SITE_LANGS}


def _check_unique_slug(variants: dict[str, Report], seen: dict[str, str]) -> None:
    report = next(iter(variants.values()))
    if report.slug in seen:
        raise ReportError(
            report.path,
            f"slug {report.slug!r} is already used by {seen[report.slug]}",
            "give one of them another `slug:` in its settings file",
        )
    seen[report.slug] = report.path


def convert_file(
    path: Path, root: Path | None = None, store: ConversionCache | None = None, clock: Timings | None = None
) -> dict[str, Report]:
    """One seed file to its report in every variant (from `store` when its content was converted
    before). Raises ReportError for bad input."""
    clock = clock or Timings()
    key, got = _cached_or_parsed(path, root, store, clock)
    if not isinstance(got, Parsed):
        return got
    with clock.stage("variants"):
        variants = convert_reports([got])[0]
    if store:
        store.put(key, variants)
    return variants


def _cached_or_parsed(
    path: Path, root: Path | None, store: ConversionCache | None, clock: Timings
) -> tuple[str, dict[str, Report] | Parsed]:
    """(cache key, the report's cached variants, or else the report parsed and ready to convert)."""
    data, settings, shown = seeds.read_seed(path, root)
    key = store.key(data, settings, shown) if store else ""
    with clock.stage("cache read"):
        cached = store.get(key) if store else None
    if cached is not None:
        return key, cached
    with clock.stage("parse"):
        return key, parse_text(decode(data, shown, settings.encoding), shown, settings)


def slug_of(path: Path) -> str:
    """A seed's slug, as the build gives it (parsed when it has to be made from the title)."""
    settings = load_settings(path)
    if settings.slug:
        return settings.slug
    data, settings, shown = seeds.read_seed(path, None)
    return with_slug(parse(decode(data, shown, settings.encoding), shown, settings)).slug


def convert_text(text: str, path: str, settings: Settings) -> dict[str, Report]:
    return convert_reports([parse_text(text, path, settings)])[0]


def parse_text(text: str, path: str, settings: Settings) -> Parsed:
    """Script detection, parse and the fidelity check: everything that can find a report bad."""
    source_lang = detect_script(text, converter("t2s"), converter("s2t"))
    report = with_slug(parse(text, path, settings, source_lang))
    check_fidelity(report, text)
    if source_lang == "zh-Hans":
        other, config = "zh-Hant", settings.hant_config
    else:
        other, config = "zh-Hans", REVERSE[settings.hant_config]
    targets = {other: config}
    if settings.zh_hk:
        _check_hk(path, source_lang)
        targets["zh-HK"] = "s2hk"
    return Parsed(report, targets)


def _check_hk(path: str, source_lang: str) -> None:
    if source_lang != "zh-Hans":  # converting an already converted text would compound two conversions' errors
        hint = "remove `zh_hk: true`, or publish the Simplified original instead"
        raise ReportError(str(Path(path).with_suffix(".yml")), "zh_hk needs a Simplified source", hint)


# The texts of all reports that share a conversion go to OpenCC together, in calls of at most this
# many characters, not one call after each parse: measured, that raised the bench's pipeline/OpenCC
# ratio at N = 10 and 100 from 0.57-0.68 to 0.77. OpenCC ran slower on a text right after other
# work than on a text it had just converted; the cause inside the processor was not found.
BATCH_CHARS = 1_000_000


def convert_reports(parsed: list[Parsed]) -> list[dict[str, Report]]:
    """Every parsed report in every variant (its own first), in order. The texts of all reports
    that share a conversion go to OpenCC together; each report's texts once, as to_variant would
    send them (a text two reports share is converted for each: no work saved that a single
    report's build would not save)."""
    plans = [{lang: project_converter(config, p.report.settings) for lang, config in p.targets.items()} for p in parsed]
    batches: dict[Convert, list[tuple[int, list[str]]]] = {}  # reports with the same entries share one
    for k, (p, plan) in enumerate(zip(parsed, plans, strict=True)):
        texts = list(dict.fromkeys(variant_texts(p.report)))
        for convert in plan.values():
            batches.setdefault(convert, []).append((k, texts))
    tables: dict[tuple[int, Convert], dict[str, str]] = {}
    for convert, batch in batches.items():
        converted = iter(_convert_batched(convert, [text for _, texts in batch for text in texts]))
        for k, texts in batch:
            tables[k, convert] = {text: next(converted) for text in texts}
    out = []
    for k, (p, plan) in enumerate(zip(parsed, plans, strict=True)):
        variants = {lang: to_variant(p.report, lang, tables[k, convert].__getitem__) for lang, convert in plan.items()}
        out.append({p.report.lang: p.report} | variants)
    return out


def _convert_batched(convert: Convert, texts: list[str]) -> list[str]:
    """convert_many(convert, texts), in calls of at most about BATCH_CHARS characters."""
    out: list[str] = []
    start, size = 0, 0
    for end, text in enumerate(texts, 1):
        size += len(text)
        if size >= BATCH_CHARS or end == len(texts):
            out += convert_many(convert, texts[start:end])
            start, size = end, 0
    return out
