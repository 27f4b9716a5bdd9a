"""Every Markdown string and output path. Pure: Report in, {path: text} out; no file system.

Report text is data: paragraphs and tables become escaped raw HTML blocks (Markdown leaves
them alone), headings and link texts are backslash-escaped, so `*`, `#`, `<script>`,
`[a](b)` and `|` in a report render literally.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from . import webmeta
from .glossary import one_line
from .model import Block, Paragraph, Report, Section, Table, Term

# Exactly the characters Python-Markdown accepts after a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
LANGS = ("zh-Hans", "zh-Hant")
SITE_LANGS = (*LANGS, "zh-HK")  # zh-HK: an optional third site, for reports that switch it on
GLOSSARY_URL = "glossary/"


def md_text(text: str) -> str:
    """Text for a Markdown inline context (heading, link text): nothing in it is syntax."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def page_path(report: Report, section: Section | None = None) -> str:
    return f"{report.slug}/{section.id if section else 'index'}.md"


def pdf_path(report: Report) -> str:
    """The report's PDF, relative to its variant's site root (written by pdfbuild after MkDocs)."""
    return f"{report.slug}/{report.slug}.{report.lang}.pdf"


def render_report(report: Report, ui: dict[str, Any], note: str) -> dict[str, str]:
    pages = {page_path(report): _index_page(report, ui, note)}
    for section in report.sections:
        pages[page_path(report, section)] = _part_page(report, section, ui)
    return pages


def nav(reports: list[Report], ui: dict[str, Any], browse: dict[str, str] | None = None) -> list[Any]:
    """The navigation as MkDocs wants it: the home page, the glossary, the library's page of all
    reports, then one section per report."""
    items: list[Any] = [{nav_title(ui["home_nav"]): "index.md"}, {nav_title(ui["glossary"]): "glossary.md"}]
    if browse:
        items.append(browse)
    for r in reports:
        parts = [{nav_title(s.number + s.title): page_path(r, s)} for s in r.sections]
        parts.append({nav_title(ui["documents"]): f"{r.slug}/documents.md"})
        items.append({nav_title(r.title): [page_path(r), *parts]})
    return items


def nav_page_indexes(nav: list[Any]) -> list[int]:
    """Where the nav's own pages (home, glossary, all reports) are, as opposed to its reports:
    the sidebar shows these and only the page's own report (overrides/partials/nav.html)."""
    return [i for i, entry in enumerate(nav) if not isinstance(next(iter(entry.values())), list)]


def nav_title(text: str) -> str:
    """Nav labels reach the theme's templates unescaped, so escape them here."""
    return html_text(text)


def front_matter(title: str, meta: dict[str, Any] | None = None) -> str:
    """The page title and description reach the theme's templates unescaped, like nav labels; the
    other values are written out by the templates' `tojson`, which escapes for HTML itself."""
    lines = [f"title: {json.dumps(html_text(title), ensure_ascii=False)}"]
    for key, value in (meta or {}).items():
        value = html_text(value) if key == "description" else value
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _index_page(r: Report, ui: dict[str, Any], note: str) -> str:
    meta = {
        "description": webmeta.index_description(r),
        "jsonld": webmeta.report_jsonld(r, ui),
        "cite": webmeta.cite_data(r, []),
    }
    out = [front_matter(r.title, meta), f"# {md_text(r.title)} {{#title}}", ""]
    out += _dateline(r, ui) + _metadata(r, ui) + _pdf_link(r, ui)
    out += [f'<p class="variant-note">{html_text(note)}</p>', ""]
    out += [_block(b, "../") for b in r.preamble]
    if r.sections:
        out += [f"## {md_text(ui['contents'])} {{#contents}}", "", *_contents(r), ""]
    out += _removed(r, ui)
    return "\n".join(out) + "\n"


def _dateline(r: Report, ui: dict[str, Any]) -> list[str]:
    facts = []
    if r.date:
        facts.append(f"{ui['published']} {r.date}{' ' + r.time if r.time else ''}")
    if r.source:
        facts.append(f"{ui['source']} {r.source}")
    if not facts:
        return []
    link = ""
    if r.settings.source_url:
        url = html_text(r.settings.source_url)
        link = f' · <a href="{url}" rel="external">{html_text(ui["source_url"])}</a>'
    return [f'<p class="report-dateline">{html_text(" · ".join(facts))}{link}</p>', ""]


def _pdf_link(r: Report, ui: dict[str, Any]) -> list[str]:
    # Raw HTML: the PDF is not a docs/ file, so a Markdown link would fail `mkdocs build --strict`.
    href = html_text(pdf_path(r).rsplit("/", 1)[-1])  # beside this index page
    return [f'<p class="report-pdf"><a href="{href}" type="application/pdf">{html_text(ui["pdf"])}</a></p>', ""]


def _metadata(r: Report, ui: dict[str, Any]) -> list[str]:
    if not r.metadata:
        return []
    rows = "".join(
        f'<tr><th scope="row">{html_text(f.label)}</th><td>{html_text(f.value)}</td></tr>' for f in r.metadata
    )
    return [
        f'<table class="report-meta"><caption>{html_text(ui["metadata"])}</caption><tbody>{rows}</tbody></table>',
        "",
    ]


def _contents(r: Report) -> list[str]:
    lines = []

    def walk(section: Section, page: str, depth: int) -> None:
        anchor = "" if depth == 0 else f"#{section.id}"
        lines.append(f"{'    ' * depth}- [{md_text(section.number + section.title)}]({page}{anchor})")
        for child in section.children:
            walk(child, page, depth + 1)

    for s in r.sections:
        walk(s, f"{s.id}.md", 0)
    return lines


def _removed(r: Report, ui: dict[str, Any]) -> list[str]:
    if not r.removed:
        return []
    items = "".join(
        f"<li>{html_text(ui['line'].format(n=x.line))} · {html_text(ui['rule'])} <code>{html_text(x.rule)}</code>"
        f" · <q>{html_text(x.text.strip())}</q></li>"
        for x in r.removed
    )
    summary = html_text(ui["removed"].format(n=len(r.removed)))
    return [
        f'<details class="removed" data-search-exclude><summary>{summary}</summary>'
        f"<p>{html_text(ui['removed_note'])}</p><ul>{items}</ul></details>",
        "",
    ]


def _part_page(r: Report, part: Section, ui: dict[str, Any]) -> str:
    meta = {"description": webmeta.section_description(r, part), "cite": webmeta.cite_data(r, [part])}
    out = [front_matter(part.number + part.title, meta)]

    def walk(section: Section, depth: int) -> None:
        out.extend([f"{'#' * min(depth, 6)} {md_text(section.number + section.title)} {{#{section.id}}}", ""])
        out.extend(_block(b, "../../") for b in section.blocks)
        for child in section.children:
            walk(child, depth + 1)

    walk(part, 1)
    return "\n".join(out) + "\n"


def _block(block: Block, base: str = "") -> str:
    if isinstance(block, Table):
        return _table(block) + "\n"
    return _paragraph(block, base) + "\n"


def _paragraph(p: Paragraph, base: str = "") -> str:
    """Escaped text with its inline marks: enumeration items and linked glossary terms.

    `base` leads from the page's URL to the site root (pages are folders: use_directory_urls).
    """
    marks = [(i.offset, i.offset + len(i.marker), f'<span class="item" id="{i.id}">', "</span>") for i in p.items]
    marks += [(t.start, t.end, _term_link(t.term, base), "</a>") for t in p.terms if t.linked]
    pieces, at = [], 0
    for start, end, open_tag, close_tag in sorted(marks, key=lambda m: m[0]):
        pieces += [html_text(p.text[at:start]), open_tag, html_text(p.text[start:end]), close_tag]
        at = end
    pieces.append(html_text(p.text[at:]))
    return f'<p id="{p.id}" class="para">{"".join(pieces)}</p>'


def _term_link(term: Term, base: str) -> str:
    """A link to the glossary entry; the tooltip script reads the data attributes."""
    return (
        f'<a class="term" href="{base}{GLOSSARY_URL}#{term.id}" data-term="{html_text(term.term)}"'
        f' data-en="{html_text(term.english)}" data-gloss="{html_text(one_line(term.explanation))}">'
    )


def _table(t: Table) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in t.rows)
    table = f'<table id="{t.id}" class="report-table"><tbody>{rows}</tbody></table>'
    return f'<div class="table-wrap" tabindex="0">{table}</div>'
