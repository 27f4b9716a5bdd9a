"""The order of stages: read and convert (seeds -> decode -> parse -> fidelity -> variants) ->
warnings -> glossary links and cited documents (after conversion) -> translations -> library pages
-> report pages -> review files -> write docs/. Each stage is a module's; this file only orders them.

I/O only at the two ends. Every report is converted before anything is written, so one
bad report stops the build with docs/ untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import annotation, conversion, identity, library, notices, pages, review_files, stamp
from .built import Built, for_mkdocs
from .cache import CACHE, ConversionCache
from .foldmap import write_fold_maps
from .model import Report
from .render import ALL_SITES
from .reproducible import source_date_epoch
from .sitefiles import write_if_changed, write_tree
from .timings import Timings
from .translations.stage import complete as complete_translations
from .translations.stage import layer as translation_layer

SOURCE_DATE = "build/source-date-epoch"  # the Makefile gives it to MkDocs as SOURCE_DATE_EPOCH
SITE_URL_USED = "build/site-url"  # the address the site is built for (`make preview` serves its path)


def build(root: Path, write: bool = True, keep_going: bool = False, strict: bool = False) -> Built:
    """Convert every seed, then write docs/. A bad report raises before anything is written;
    with keep_going, the bad ones are listed in Built.failed and the good ones are written.
    With strict, a warning is an error (raised before anything is written). No seed at all (the
    demo removed, nothing added yet) gives a site of home and glossary pages."""
    clock = Timings()
    inputs = stamp.inputs_key(root) if write else ""  # before reading them: an edit meanwhile is seen next time
    site = pages.site_words(root)
    shared = annotation.shared_glossary(root)
    store = ConversionCache(root / CACHE)
    converted, failed = conversion.convert_all(root, keep_going, store, clock)
    clock.lap("read and convert")  # the converter's own share is the stages `parse` and `variants` in it
    unsure = notices.of_build(root, conversion.sources(converted))
    if strict:
        notices.strict(unsure)
    annotated = annotation.annotate_all(root, shared, converted, site)
    reports = pages.in_home_order(annotated.reports)
    clock.lap("glossary and citations")
    english = translation_layer(root, reports["zh-Hans"], annotated.glossaries, pages.filled_ui("en", site))
    clock.lap("translations")
    shelves = library.build(reports, lambda lang: pages.filled_ui(lang, site))  # home, browse pages, feeds
    files = english.files | shelves.files | pages.report_pages(reports, annotated.glossary, english)
    feeds = shelves.feeds | {"en": library.feed_entries(english.reports)}
    clock.lap("render")
    changed: list[str] = []
    risky: dict[str, dict[str, tuple[int, int]]] = {}
    if write:  # docs/ last: whatever fails before it leaves the previous docs/ as it was
        reviews = review_files.of_reports(converted, store)  # for editors: build/review/, not published
        store.commit()
        write_if_changed(root / SOURCE_DATE, f"{source_date_epoch(reports['zh-Hans'])}\n")
        write_if_changed(root / SITE_URL_USED, identity.site_root(root).url + "\n")
        write_tree(root / "build" / "review", reviews.files | english.review)
        changed = write_tree(root / "docs", files)
        write_fold_maps(root / "docs", ALL_SITES)  # the cross-script search's character map
        risky = reviews.open_risky
    navs = pages.navs(reports, shelves.navs, english)
    clock.lap("write")
    built = Built(
        reports, files, navs, tuple(changed), tuple(failed), risky, clock, english, tuple(unsure), site, feeds
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
