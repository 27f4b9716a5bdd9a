"""Writing the PDFs: each report's print HTML (pdf.py) through WeasyPrint, into the built site.

The only module that imports weasyprint. Runs after the MkDocs builds, because the zh-Hans
build empties site/. Where each variant's site lives is read from its MkDocs config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import pdf, pipeline, render, yamlfile
from .errors import ReportError
from .model import Report
from .parse.grammar import DATA

CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "mkdocs.zh-Hant.yml", "zh-HK": "mkdocs.zh-HK.yml", "en": "mkdocs.en.yml"}
STYLESHEET = DATA / "pdf.css"


@dataclass(frozen=True)
class Site:
    dir: Path  # where the variant's site is built
    url: str | None  # its public address, for the cover


def build_pdfs(root: Path) -> list[Path]:
    """Every report in every variant as site/…/<slug>/<slug>.<lang>.pdf; returns the paths."""
    built = pipeline.build(root, write=False)
    written = []
    for lang in render.SITE_LANGS:
        if not built.reports[lang]:  # zh-HK: no report switched it on
            continue
        site = variant_site(root, lang)
        for report in built.reports[lang]:
            target = site.dir / render.pdf_path(report)
            url = f"{site.url.rstrip('/')}/{report.slug}/" if site.url else None
            write_pdf(report, target, url)
            written.append(target)
    return written + _english_pdfs(root, built)


def _english_pdfs(root: Path, built: pipeline.Built) -> list[Path]:
    """The English PDF of each report whose translation is complete (nothing untranslated or fuzzy)."""
    site = variant_site(root, "en")
    written = []
    for e in built.english.englishes if built.english else ():
        if e.status.complete:
            target = site.dir / render.pdf_path(e.report)
            write_pdf(e.report, target, f"{site.url.rstrip('/')}/{e.report.slug}/" if site.url else None)
            written.append(target)
    return written


def write_pdf(report: Report, target: Path, site_url: str | None = None) -> None:
    """Render one report to target (written to a temporary file, then moved into place)."""
    import weasyprint  # here, so that the converter and the hook never load Pango

    html = pdf.print_html(report, pipeline.ui(report.lang), pipeline.conversion_note(report), site_url)
    document = weasyprint.HTML(string=html, base_url=str(target.parent))
    stylesheet = weasyprint.CSS(filename=str(STYLESHEET))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".tmp-{target.name}")
    # Fonts are subset (WeasyPrint's default); tags give screen readers the structure and order.
    document.write_pdf(tmp, stylesheets=[stylesheet], pdf_identifier=report.slug.encode(), pdf_tags=True)
    os.replace(tmp, target)


def variant_site(root: Path, lang: str) -> Site:
    settings = _top_level_scalars(root / CONFIGS[lang])
    url = settings.get("site_url")
    return Site(root / settings.get("site_dir", "site"), url or None)


def _top_level_scalars(path: Path) -> dict[str, str]:
    """The config's plain top-level settings. Composed, not constructed: a MkDocs config may hold
    tags such as !!python/name or !ENV that a safe loader cannot build."""
    node = yamlfile.compose(path)
    if not isinstance(node, yaml.MappingNode):
        raise ReportError(str(path), "not a MkDocs configuration", "restore the file from the repository")
    pairs = ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode))
    return {str(k.value): str(v.value) for k, v in pairs}
