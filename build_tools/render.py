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
from .labels import section_label
from .model import Block, NoteLink, Paragraph, Report, Section, Table, Term, is_note_entry

# Exactly the characters Python-Markdown accepts after a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
LANGS = ("zh-Hans", "zh-Hant")
SITE_LANGS = (*LANGS, "zh-HK")  # zh-HK: an optional third site, for reports that switch it on
ALL_SITES = (*SITE_LANGS, "en")  # en: only the reports with a translation (translations/en/<slug>.po)
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


def render_report(report: Report, ui: dict[str, Any], note: str, status: str = "") -> dict[str, str]:
    """The report's pages; `status`: HTML of its English status line (translations/render.py), if any."""
    pages = {page_path(report): _index_page(report, ui, note, status)}
    for section in report.sections:
        pages[page_path(report, section)] = _part_page(report, section, ui)
    return pages


def error_page(errors: list[str], ui: dict[str, Any]) -> str:
    """The only page of a preview (`make serve`) whose build stopped: what is wrong, and where."""
    shown = "".join(f"<pre>{html_text(e)}</pre>" for e in errors)
    title = ui["build_error"]
    return f"{front_matter(title)}# {md_text(title)}\n\n<p>{html_text(ui['build_error_note'])}</p>\n\n{shown}\n"


def nav(reports: list[Report], ui: dict[str, Any], browse: dict[str, str] | None = None) -> list[Any]:
    """The navigation as MkDocs wants it: the home page, the glossary, the library's page of all
    reports, then one section per report."""
    items: list[Any] = [{nav_title(ui["home_nav"]): "index.md"}, {nav_title(ui["glossary"]): "glossary.md"}]
    if browse:
        items.append(browse)
    for r in reports:
        parts = [{nav_title(section_label(s)): page_path(r, s)} for s in r.sections]
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


def _index_page(r: Report, ui: dict[str, Any], note: str, status: str = "") -> str:
    meta = {
        "description": webmeta.index_description(r),
        "jsonld": webmeta.report_jsonld(r, ui),
        "cite": webmeta.cite_data(r, []),
        "hide": ["toc"],  # its contents are the page (_contents): no empty contents panel beside them
    }
    out = [front_matter(r.title, meta), f"# {md_text(r.title)} {{#title}}", ""]
    out += _front(r) + _dateline(r, ui) + _metadata(r, ui) + _pdf_link(r, ui)
    out += [f'<p class="variant-note" data-search-exclude>{html_text(note)}</p>', ""]
    out += [status, ""] if status else []
    out += [_block(b, "../", r.slug) for b in r.preamble]
    out += _contents(r, ui)
    out += _removed(r, ui)
    return "\n".join(out) + "\n"


def _front(r: Report) -> list[str]:
    """The lines kept between the title and the body: the printed title, the occasion, the speaker."""
    if not r.front:
        return []
    lines = "".join(f'<p class="front-{html_text(f.kind)}">{html_text(f.text)}</p>' for f in r.front)
    return [f'<div class="report-front">{lines}</div>', ""]


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
    link = f'<a href="{href}" type="application/pdf">{html_text(ui["pdf"])}</a>'
    return [f'<p class="report-pdf" data-search-exclude>{link}</p>', ""]


def _metadata(r: Report, ui: dict[str, Any]) -> list[str]:
    if not r.metadata:
        return []
    rows = "".join(
        f'<tr><th scope="row">{html_text(f.label)}</th><td>{html_text(f.value)}</td></tr>' for f in r.metadata
    )
    return [
        f'<table class="report-meta"><caption data-search-exclude>{html_text(ui["metadata"])}</caption>'
        f"<tbody>{rows}</tbody></table>",
        "",
    ]


def _contents(r: Report, ui: dict[str, Any]) -> list[str]:
    """The report's parts as a list of links, in raw HTML: a Markdown heading would be the only
    entry of the page's own contents panel (a panel 目录 listing 目录), and the list repeats the
    headings, which the search index has on their own pages."""
    if not r.sections:
        return []

    def walk(section: Section, page: str, depth: int) -> list[str]:
        href = html_text(f"{page}#{section.id}" if depth else page)
        link = f'<li><a href="{href}">{html_text(section_label(section))}</a>'
        children = [line for child in section.children for line in walk(child, page, depth + 1)]
        return [link, "<ul>", *children, "</ul>", "</li>"] if children else [link + "</li>"]

    items = [line for s in r.sections for line in walk(s, f"{s.id}/", 0)]  # part pages: folders beside this one
    title = html_text(ui["contents"])
    nav = f'<nav class="report-contents" id="contents" aria-label="{title}" data-search-exclude>'
    return [nav, f"<h2>{title}</h2>", "<ul>", *items, "</ul>", "</nav>", ""]


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
    out = [front_matter(section_label(part), meta)]

    def walk(section: Section, depth: int) -> None:
        out.extend([f"{'#' * min(depth, 6)} {md_text(section_label(section))} {{#{section.id}}}", ""])
        out.extend(_block(b, "../../", r.slug) for b in section.blocks)
        for child in section.children:
            walk(child, depth + 1)

    walk(part, 1)
    return "\n".join(out) + "\n"


def _block(block: Block, base: str = "", slug: str = "") -> str:
    if isinstance(block, Table):
        return _table(block) + "\n"
    return _paragraph(block, base, slug) + "\n"


def _paragraph(p: Paragraph, base: str = "", slug: str = "") -> str:
    kind = "para note" if is_note_entry(p.id) else "para"  # an entry of a note list
    return f'<p id="{p.id}" class="{kind}">{inline_html(p, base, slug)}</p>'


def inline_html(p: Paragraph, base: str = "", slug: str = "") -> str:
    """Escaped text with its inline marks: enumeration items, linked glossary terms, note links.

    `base` leads from the page's URL to the site root (pages are folders: use_directory_urls).
    """
    marks = [(i.offset, i.offset + len(i.marker), f'<span class="item" id="{i.id}">', "</span>") for i in p.items]
    marks += [(t.start, t.end, _term_link(t.term, base), "</a>") for t in p.terms if t.linked]
    marks += [(n.offset, n.offset + len(n.marker), _note_link(n, f"{base}{slug}/"), "</a>") for n in p.notes]
    pieces, at = [], 0
    for start, end, open_tag, close_tag in sorted(marks, key=lambda m: m[0]):
        pieces += [html_text(p.text[at:start]), open_tag, html_text(p.text[start:end]), close_tag]
        at = end
    pieces.append(html_text(p.text[at:]))
    return "".join(pieces)


def _note_link(link: NoteLink, report_root: str) -> str:
    """A note marker's link to its note, or a note's link back to its first marker."""
    href = f"{report_root}{link.page + '/' if link.page else ''}#{link.target}"
    anchor = f' id="{html_text(link.id)}"' if link.id else ""
    role = "doc-noteref" if link.kind == "ref" else "doc-backlink"
    return f'<a class="note-{link.kind}"{anchor} href="{html_text(href)}" role="{role}">'


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
