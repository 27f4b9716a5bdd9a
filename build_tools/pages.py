"""Every Chinese site's report pages, cited-documents pages and glossary page, and the words they
are written with: the interface words (data/ui.yml), the site's texts (site.yml, converted for the
Traditional sites), the note on how a variant's text was made. The Markdown itself is render.py's
and render_terms.py's."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from . import citations, collation, identity, render, render_terms, yamlfile
from .configs import SITE_CONFIGS, config_for, project_converter
from .conversion import Converted, by_variant
from .glossary import Glossary, terms_for
from .model import Report, Settings
from .parse.grammar import DATA
from .render import SITE_LANGS
from .translations.stage import Layer


@cache
def ui(lang: str) -> dict[str, Any]:
    return dict(yamlfile.load(DATA / "ui.yml")[lang])


def filled_ui(lang: str, site: dict[str, dict[str, str]]) -> dict[str, Any]:
    """A site's interface words with its texts filled in (`site`: site_words)."""
    return identity.fill(ui(lang), site[lang])


def site_words(root: Path | None) -> dict[str, dict[str, str]]:
    """lang -> the site's name, description, intro and default publisher (site.yml; root None: the
    tool's defaults), converted for the Traditional sites as the glossary page is (SITE_CONFIGS,
    with the shared dictionary)."""
    return identity.words(identity.load(root), lambda lang: project_converter(SITE_CONFIGS[lang], Settings(slug="")))


def in_home_order(converted: list[Converted]) -> dict[str, list[Report]]:
    """lang -> the site's reports, newest first (undated last), then by title."""
    return {lang: sorted(reports, key=_home_order) for lang, reports in by_variant(converted).items()}


def report_pages(reports: dict[str, list[Report]], gloss: Glossary, english: Layer) -> dict[str, str]:
    """docs-relative path -> Markdown: every report's pages and cited documents in each Chinese
    site, and each site's glossary page."""
    files: dict[str, str] = {}
    for lang in SITE_LANGS:
        for report in reports[lang]:
            pages = render.render_report(report, ui(lang), conversion_note(report), english.note(report, ui(lang)))
            files.update({f"{lang}/{rel}": text for rel, text in pages.items()})
            files[f"{lang}/{render_terms.documents_path(report)}"] = render_terms.documents_page(
                report, citations.kinds().labels, ui(lang)
            )
        files[f"{lang}/{render_terms.GLOSSARY_PAGE}"] = glossary_page(gloss, lang, reports[lang])
    return files


def navs(reports: dict[str, list[Report]], browse: dict[str, Any], english: Layer) -> dict[str, list[Any]]:
    """lang -> the MkDocs nav of each site (`browse`: the library's pages, per site)."""
    return {lang: render.nav(reports[lang], ui(lang), browse[lang]) for lang in SITE_LANGS} | {"en": english.nav}


def glossary_page(gloss: Glossary, lang: str, reports: list[Report]) -> str:
    """The site-wide glossary page; its zh-Hant text uses the site's default conversion (s2tw), its
    zh-HK text s2hk, each with the shared dictionary."""
    to_hant = None if lang == "zh-Hans" else project_converter(SITE_CONFIGS[lang], Settings(slug=""))
    terms = {t.id: t for t in terms_for(gloss, to_hant)}
    return render_terms.glossary_page(collation.grouped(gloss.entries, lang), terms, reports, ui(lang))


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


def _home_order(report: Report) -> tuple[str, str]:
    return ("~" if not report.date else _invert(report.date), report.title)


def _invert(date: str) -> str:
    """Newest first: turn each digit d into 9-d so an ascending sort puts later dates first."""
    return "".join(str(9 - int(c)) if c.isdigit() else c for c in date)
