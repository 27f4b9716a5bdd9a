"""Writing the PDFs: each report's print HTML (pdf.py) through WeasyPrint, into the built site.

The only module that imports weasyprint. Runs after the MkDocs builds, because the zh-Hans
build empties site/. Where each variant's site lives is read from its MkDocs config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import identity, pdf, pipeline, render, yamlfile
from .errors import ReportError
from .model import Report
from .parse.grammar import DATA

CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "mkdocs.zh-Hant.yml", "zh-HK": "mkdocs.zh-HK.yml", "en": "mkdocs.en.yml"}
STYLESHEET = DATA / "pdf.css"


@dataclass(frozen=True)
class Site:
    dir: Path  # where the variant's site is built
    url: str | None  # its public address, for the cover


def build_pdfs(root: Path, keep_going: bool = False) -> list[Path]:
    """Every report in every variant as site/…/<slug>/<slug>.<lang>.pdf; returns the paths.
    keep_going: bad reports are left out (`make site KEEP_GOING=1`)."""
    built = pipeline.build(root, write=False, keep_going=keep_going)
    written = []
    for lang in render.SITE_LANGS:
        if not built.reports[lang]:  # zh-HK: no report switched it on
            continue
        site = variant_site(root, lang)
        words = identity.fill(pipeline.ui(lang), built.site[lang])  # the site's name on the cover
        for report in built.reports[lang]:
            target = site.dir / render.pdf_path(report)
            url = f"{site.url.rstrip('/')}/{report.slug}/" if site.url else None
            write_pdf(report, target, url, words)
            written.append(target)
    return written + _english_pdfs(root, built)


def _english_pdfs(root: Path, built: pipeline.Built) -> list[Path]:
    """The English PDF of each report whose translation is complete (nothing untranslated or fuzzy)."""
    complete = [e for e in (built.english.englishes if built.english else ()) if e.status.complete]
    if not complete:
        return []
    site = variant_site(root, "en")
    written = []
    for e in complete:
        target = site.dir / render.pdf_path(e.report)
        write_pdf(e.report, target, f"{site.url.rstrip('/')}/{e.report.slug}/" if site.url else None)
        written.append(target)
    return written


def write_pdf(report: Report, target: Path, site_url: str | None = None, words: dict | None = None) -> None:
    """Render one report to target (written to a temporary file, then moved into place). `words`:
    the variant's interface words with the site's texts (default: the tool's default identity)."""
    import weasyprint  # here, so that the converter and the hook never load Pango

    words = words or identity.fill(pipeline.ui(report.lang), pipeline.site_words(None)[report.lang])
    html = pdf.print_html(report, words, pipeline.conversion_note(report, words), site_url)
    document = weasyprint.HTML(string=html, base_url=str(target.parent))
    stylesheet = weasyprint.CSS(filename=str(STYLESHEET))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".tmp-{target.name}")
    # Fonts are subset (WeasyPrint's default); tags give screen readers the structure and order.
    document.write_pdf(tmp, stylesheets=[stylesheet], pdf_identifier=report.slug.encode(), pdf_tags=True)
    os.replace(tmp, target)


def variant_site(root: Path, lang: str) -> Site:
    """Where the variant's site is built, and its address: the site's (SITE_URL or site.yml, else
    the local preview's) plus the variant's folder in the site."""
    folder = root / _top_level_scalars(root / CONFIGS[lang]).get("site_dir", "site")
    top = root / _top_level_scalars(root / CONFIGS["zh-Hans"]).get("site_dir", "site")
    path = folder.relative_to(top).as_posix() if folder.is_relative_to(top) else "."
    return Site(folder, identity.site_root(root).url + ("" if path == "." else path + "/"))


def _top_level_scalars(path: Path) -> dict[str, str]:
    """The config's plain top-level settings. Composed, not constructed: a MkDocs config may hold
    tags such as !!python/name or !ENV that a safe loader cannot build."""
    node = yamlfile.compose(path)
    if not isinstance(node, yaml.MappingNode):
        raise ReportError(str(path), "not a MkDocs configuration", "restore the file from the repository")
    pairs = ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode))
    return {str(k.value): str(v.value) for k, v in pairs}
