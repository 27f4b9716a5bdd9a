"""Writing the PDFs: each report's print HTML (pdf.py) through WeasyPrint, into the built site,
through the cache of unchanged PDFs (pdfcache.py).

The only module that imports weasyprint. Places the PDFs after the MkDocs builds, because the
zh-Hans build empties site/; renders them into the cache meanwhile (render_pdfs). Where each
variant's site lives is read from its MkDocs config.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from . import identity, pages, pdf, pdfcache, pipeline, render, yamlfile
from .errors import ReportError
from .model import Report
from .parse.grammar import DATA

CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "mkdocs.zh-Hant.yml", "zh-HK": "mkdocs.zh-HK.yml", "en": "mkdocs.en.yml"}
STYLESHEET = DATA / "pdf.css"


@dataclass(frozen=True)
class Site:
    dir: Path  # where the variant's site is built
    url: str | None  # its public address, for the cover


def build_pdfs(root: Path, workers: int | None = None, keep_going: bool = False) -> pdfcache.Outcome:
    """Every report in every variant as site/…/<slug>/<slug>.<lang>.pdf (in English: the complete
    translations): copied from build/pdf/ when nothing it depends on changed, else rendered in
    worker processes (pdfcache). keep_going: bad reports are left out (`make site KEEP_GOING=1`)."""
    return pdfcache.publish(root, pdf_jobs(root, keep_going), render_pdf, workers)


def render_pdfs(root: Path, workers: int | None = None, keep_going: bool = False) -> list[pdfcache.Job]:
    """Render into build/pdf/ the PDFs it lacks, without touching site/ (so while MkDocs builds
    it); build_pdfs then only places them. Returns the jobs rendered."""
    return list(pdfcache.fill(root, pdf_jobs(root, keep_going), render_pdf, workers).values())


def pdf_jobs(root: Path, keep_going: bool = False) -> list[pdfcache.Job]:
    """Each report's print document in each variant and where its PDF goes in the site."""
    reports = pipeline.site_reports(root, keep_going)
    texts = pages.site_words(root)
    jobs = []
    for lang in render.ALL_SITES:
        if not reports[lang]:  # zh-HK: no report switched it on; English: none is translated in full
            continue
        site = variant_site(root, lang)
        words = pages.filled_ui(lang, texts)  # the site's name on the cover
        for report in reports[lang]:
            url = f"{site.url.rstrip('/')}/{report.slug}/" if site.url else None
            document = print_document(report, words, url)
            jobs.append(pdfcache.Job(document, report.slug, site.dir / render.pdf_path(report)))
    return jobs


def print_document(report: Report, words: dict[str, Any], site_url: str | None = None) -> str:
    """The report's print HTML, in its variant's words with the site's texts (identity.fill)."""
    return pdf.print_html(report, words, pages.conversion_note(report, words), site_url)


def write_pdf(report: Report, target: Path, site_url: str | None = None) -> None:
    """Render one report to target, without the cache, with the tool's default identity."""
    words = pages.filled_ui(report.lang, pages.site_words(None))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".tmp-{target.name}")
    render_pdf(print_document(report, words, site_url), tmp, report.slug)
    os.replace(tmp, target)


def render_pdf(html: str, target: Path, identifier: str) -> None:
    """A print document through WeasyPrint into target."""
    import weasyprint  # here, so that the converter and the hook never load Pango

    fonts, stylesheet = _renderer(os.getpid())
    document = weasyprint.HTML(string=html, base_url=str(target.parent))
    # Fonts are subset (WeasyPrint's default); tags give screen readers the structure and order.
    document.write_pdf(
        target,
        stylesheets=[stylesheet],
        font_config=fonts,
        finisher=compress_streams_once,
        pdf_identifier=identifier.encode(),
        pdf_tags=True,
    )


@cache
def _renderer(process: int) -> tuple[Any, Any]:
    """One font configuration and one parsed print stylesheet per process (a worker keeps them for
    every PDF it renders: fontconfig's and Pango's caches stay warm); per process id, so that a
    forked worker never shares its parent's."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, weasyprint.CSS(filename=str(STYLESHEET), font_config=fonts)


def compress_streams_once(_document: Any, written: Any, level: int = 9) -> None:
    """WeasyPrint's finisher: every stream compressed now, once. pydyf compresses each stream
    when it serialises it, and with an /ID it serialises the whole file twice (the ID's hash),
    so every stream was compressed twice. The bytes are pydyf's own (its /Filter, then /Length)."""
    import pydyf

    for stream in written.objects:
        if isinstance(stream, pydyf.Stream) and stream.compress and "Filter" not in stream.extra:
            squeeze = zlib.compressobj(level=level)
            raw = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)  # as pydyf joins them
            stream.stream = [squeeze.compress(raw) + squeeze.flush()]
            stream.compress = False
            stream.extra["Filter"] = "/FlateDecode"


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
