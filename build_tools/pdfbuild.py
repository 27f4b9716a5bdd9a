"""Writing the PDFs: each report's print HTML (pdf.py) through WeasyPrint, into the built site,
through the cache of unchanged PDFs (pdfcache.py).

The only module that imports weasyprint. Runs after the MkDocs builds, because the zh-Hans
build empties site/. Where each variant's site lives is read from its MkDocs config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import pdf, pdfcache, pipeline, render, yamlfile
from .errors import ReportError
from .model import Report
from .parse.grammar import DATA

CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "mkdocs.zh-Hant.yml", "zh-HK": "mkdocs.zh-HK.yml"}
STYLESHEET = DATA / "pdf.css"


@dataclass(frozen=True)
class Site:
    dir: Path  # where the variant's site is built
    url: str | None  # its public address, for the cover


def build_pdfs(root: Path, workers: int | None = None) -> pdfcache.Outcome:
    """Every report in every variant as site/…/<slug>/<slug>.<lang>.pdf: copied from build/pdf/
    when nothing it depends on changed, else rendered in worker processes (pdfcache)."""
    reports = pipeline.site_reports(root)
    jobs = []
    for lang in render.SITE_LANGS:
        if not reports[lang]:  # zh-HK: no report switched it on
            continue
        site = variant_site(root, lang)
        for report in reports[lang]:
            url = f"{site.url.rstrip('/')}/{report.slug}/" if site.url else None
            jobs.append(pdfcache.Job(print_document(report, url), report.slug, site.dir / render.pdf_path(report)))
    return pdfcache.publish(root, jobs, render_pdf, workers)


def print_document(report: Report, site_url: str | None = None) -> str:
    """The report's print HTML, in its variant's words."""
    return pdf.print_html(report, pipeline.ui(report.lang), pipeline.conversion_note(report), site_url)


def write_pdf(report: Report, target: Path, site_url: str | None = None) -> None:
    """Render one report to target, without the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".tmp-{target.name}")
    render_pdf(print_document(report, site_url), tmp, report.slug)
    os.replace(tmp, target)


def render_pdf(html: str, target: Path, identifier: str) -> None:
    """A print document through WeasyPrint into target."""
    import weasyprint  # here, so that the converter and the hook never load Pango

    document = weasyprint.HTML(string=html, base_url=str(target.parent))
    stylesheet = weasyprint.CSS(filename=str(STYLESHEET))
    # Fonts are subset (WeasyPrint's default); tags give screen readers the structure and order.
    document.write_pdf(target, stylesheets=[stylesheet], pdf_identifier=identifier.encode(), pdf_tags=True)


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
