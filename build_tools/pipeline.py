"""The order of stages: seeds -> decode -> parse -> fidelity -> variants -> glossary links and
cited documents (after conversion) -> render -> docs/.

I/O only at the two ends. Every report is converted before anything is written, so one
bad report stops the build with docs/ untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import (
    annotation,
    citations,
    collation,
    conversion,
    identity,
    library,
    notices,
    render,
    render_terms,
    review_files,
    stamp,
    yamlfile,
)
from .cache import CACHE, ConversionCache
from .configs import SITE_CONFIGS, config_for, project_converter
from .errors import ReportError
from .foldmap import write_fold_maps
from .glossary import Glossary, terms_for
from .model import Report, Settings
from .parse.grammar import DATA
from .reproducible import source_date_epoch
from .sitefiles import write_if_changed, write_tree
from .timings import Timings
from .translations.stage import Layer
from .translations.stage import complete as complete_translations
from .translations.stage import layer as translation_layer

LANGS = render.LANGS
SOURCE_DATE = "build/source-date-epoch"  # the Makefile gives it to MkDocs as SOURCE_DATE_EPOCH
SITE_URL_USED = "build/site-url"  # the address the site is built for (`make preview` serves its path)
SITE_LANGS = render.SITE_LANGS  # zh-HK: only reports that switch it on (settings `zh_hk: true`)
ALL_SITES = render.ALL_SITES  # en: only reports with a catalogue (translations/en/<slug>.po)


@dataclass(frozen=True)
class Built:
    reports: dict[str, list[Report]]  # lang -> reports, in home-page order
    files: dict[str, str]  # docs-relative path -> Markdown
    navs: dict[str, list[Any]]  # lang -> MkDocs nav
    changed: tuple[str, ...]
    failed: tuple[ReportError, ...] = ()  # bad reports skipped (only with keep_going)
    open_risky: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # slug -> lang -> review counts
    timings: Timings = field(default_factory=Timings)  # seconds per stage (`convert --timings`)
    english: Layer | None = None  # the reports with a catalogue, in English (translations/stage.py)
    warnings: tuple[notices.Warned, ...] = ()  # where the converter was unsure (notices.py)
    site: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> the site's texts (site.yml)
    feeds: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # lang -> Atom entries (library.py)


def build(root: Path, write: bool = True, keep_going: bool = False, strict: bool = False) -> Built:
    """Convert every seed, then write docs/. A bad report raises before anything is written;
    with keep_going, the bad ones are listed in Built.failed and the good ones are written.
    With strict, a warning is an error (raised before anything is written). No seed at all (the
    demo removed, nothing added yet) gives a site of home and glossary pages."""
    clock = Timings()
    inputs = stamp.inputs_key(root) if write else ""  # before reading them: an edit meanwhile is seen next time
    site = site_words(root)
    shared = annotation.shared_glossary(root)
    store = ConversionCache(root / CACHE)
    converted, failed = conversion.convert_all(root, keep_going, store, clock)
    clock.lap("read and convert")  # the converter's own share is the stages `parse` and `variants` in it
    unsure = notices.of_build(root, conversion.sources(converted))
    if strict:
        notices.strict(unsure)
    annotated = annotation.annotate_all(root, shared, converted, site)
    reports = {lang: sorted(found, key=_home_order) for lang, found in conversion.by_variant(annotated.reports).items()}
    clock.lap("glossary and citations")
    english = translation_layer(root, reports["zh-Hans"], annotated.glossaries, identity.fill(ui("en"), site["en"]))
    clock.lap("translations")
    shelves = library.build(reports, lambda lang: identity.fill(ui(lang), site[lang]))  # home, browse pages, feeds
    files: dict[str, str] = {**english.files, **shelves.files}
    feeds = shelves.feeds | {"en": library.feed_entries([e.report for e in english.englishes])}
    for lang in SITE_LANGS:
        for report in reports[lang]:
            pages = render.render_report(report, ui(lang), conversion_note(report), english.note(report, ui(lang)))
            files.update({f"{lang}/{rel}": text for rel, text in pages.items()})
            files[f"{lang}/{render_terms.documents_path(report)}"] = render_terms.documents_page(
                report, citations.kinds().labels, ui(lang)
            )
        files[f"{lang}/{render_terms.GLOSSARY_PAGE}"] = glossary_page(annotated.glossary, lang, reports[lang])
    clock.lap("render")
    if write:  # docs/ last: whatever fails before it leaves the previous docs/ as it was
        reviews = review_files.of_reports(converted, store)  # for editors: build/review/, not published
        store.commit()
        write_if_changed(root / SOURCE_DATE, f"{source_date_epoch(reports[LANGS[0]])}\n")
        write_if_changed(root / SITE_URL_USED, identity.site_root(root).url + "\n")
        write_tree(root / "build" / "review", reviews.files | english.review)
    changed = write_tree(root / "docs", files) if write else []
    if write:
        write_fold_maps(root / "docs", ALL_SITES)  # the cross-script search's character map
    navs = {lang: render.nav(reports[lang], ui(lang), shelves.navs[lang]) for lang in SITE_LANGS} | {"en": english.nav}
    clock.lap("write")
    counts = reviews.open_risky if write else {}
    built = Built(
        reports, files, navs, tuple(changed), tuple(failed), counts, clock, english, tuple(unsure), site, feeds
    )
    if write:  # with bad reports left out, for builds that keep going too (mkdocs_site)
        stamp.save(root, inputs, for_mkdocs(built))
    return built


def site_reports(root: Path, keep_going: bool = False) -> dict[str, list[Report]]:
    """Each variant's reports as converted (from the cache when `convert` ran before), without
    the glossary links and citations that only the pages show, and the complete translations in
    English: what the PDFs print."""
    converted, _ = conversion.convert_all(root, keep_going, ConversionCache(root / CACHE), Timings())
    reports = conversion.by_variant(converted)
    return reports | {"en": complete_translations(root, reports["zh-Hans"])}


def mkdocs_site(root: Path, keep_going: bool = False) -> dict[str, Any]:
    """What each MkDocs build's hook needs (for_mkdocs): from the stamp when docs/ is current for
    the same inputs (`convert` ran just before, as in `make site`), else from a full build. A stamp
    of a build that left bad reports out serves only a build that keeps going too."""
    saved = stamp.load(root)
    if saved is not None and (keep_going or not saved.get("errors")):
        return saved
    return for_mkdocs(build(root, keep_going=keep_going))


def for_mkdocs(built: Built) -> dict[str, Any]:
    """The nav of each variant, the URLs of the zh-HK and English pages, the site's texts and feed
    entries per variant and the errors of the reports left out (keep_going)."""
    site = {"navs": built.navs, "hk_pages": page_urls(built, "zh-HK"), "en_pages": page_urls(built, "en")}
    return {**site, "site": built.site, "feeds": built.feeds, "errors": [str(err) for err in built.failed]}


def page_urls(built: Built, lang: str) -> list[str]:
    """The URLs (as MkDocs' page.url, directory URLs) of a variant's generated pages."""
    urls = []
    for rel in sorted(built.files):
        head, _, page = rel.partition("/")
        if head == lang and page.endswith(".md"):
            stem = page.removesuffix(".md").removesuffix("index")
            urls.append(stem if not stem or stem.endswith("/") else stem + "/")
    return urls


def glossary_page(gloss: Glossary, lang: str, reports: list[Report]) -> str:
    """The site-wide glossary page; its zh-Hant text uses the site's default conversion (s2tw), its
    zh-HK text s2hk, each with the shared dictionary."""
    to_hant = None if lang == "zh-Hans" else project_converter(SITE_CONFIGS[lang], Settings(slug=""))
    terms = {t.id: t for t in terms_for(gloss, to_hant)}
    return render_terms.glossary_page(collation.grouped(gloss.entries, lang), terms, reports, ui(lang))


def site_words(root: Path | None) -> dict[str, dict[str, str]]:
    """lang -> the site's name, description, intro and default publisher (site.yml; root None: the
    tool's defaults), converted for the Traditional sites as the glossary page is (SITE_CONFIGS,
    with the shared dictionary)."""
    return identity.words(identity.load(root), lambda lang: project_converter(SITE_CONFIGS[lang], Settings(slug="")))


def conversion_note(report: Report, words: dict[str, Any] | None = None) -> str:
    """How this variant's text was made; `words`: the variant's interface words with the site's
    texts (identity.fill), which a translation's note names."""
    words = words or ui(report.lang)
    if report.lang not in SITE_LANGS:  # a translation (its PDF's cover)
        return str(words["pdf_unofficial"])
    if report.lang == report.source_lang:
        return words["converted_from"]
    config = config_for(report)
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
