"""Markdown of the English pages (docs/en/) and the English status line of every variant's
report index page. Pure, like build_tools/render.py, whose helpers it uses.

A translated unit is in English; a fuzzy one shows its last English marked "needs review"; an
untranslated one shows the zh-Hans text, marked, with lang="zh-Hans" on its element. Every id of
the Chinese pages is on the English page too (an 一是 item's anchor at the start of its paragraph),
so a citation or a switch of language keeps its paragraph.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import render, webmeta
from ..model import Block, FrontLine, Paragraph, Section, Table, is_note_entry
from .english import LANG, English
from .status import FUZZY, TRANSLATED, UNTRANSLATED, Status
from .units import cell_id, front_id

ROOT_OF = {"zh-Hans": "", "zh-Hant": "../", "zh-HK": "../", LANG: "../"}  # a variant's folder -> site root


def report_pages(e: English, ui: dict[str, Any]) -> dict[str, str]:
    r = e.report
    pages = {render.page_path(r): _index_page(e, ui)}
    for section in r.sections:
        pages[render.page_path(r, section)] = _part_page(e, section, ui)
    return pages


def home(englishes: list[English], ui: dict[str, Any]) -> str:
    lines = [
        render.front_matter(ui["home_title"], {"description": ui["home_intro"]}),
        f"# {render.md_text(ui['home_title'])}",
        "",
        f"<p>{render.html_text(ui['home_intro'])}</p>",
        "",
        f"## {render.md_text(ui['reports'])} {{#reports}}",
        "",
    ]
    for e in englishes:
        r = e.report
        facts = " · ".join(x for x in (r.publisher, r.date, status_text(e.status, ui)) if x)
        lines.append(f"- [{render.md_text(r.title)}]({render.page_path(r)})  \n  {render.md_text(facts)}")
    if not englishes:
        lines.append(f"<p>{render.html_text(ui['no_translations'])}</p>")
    return "\n".join(lines) + "\n"


def nav(englishes: list[English], ui: dict[str, Any]) -> list[Any]:
    items: list[Any] = [{render.nav_title(ui["home_nav"]): "index.md"}]
    for e in englishes:
        parts = [{render.nav_title(s.title): render.page_path(e.report, s)} for s in e.report.sections]
        items.append({render.nav_title(e.report.title): [render.page_path(e.report), *parts]})
    return items


def status_text(s: Status, ui: dict[str, Any]) -> str:
    text = str(ui["english_status"]).format(translated=s.units[TRANSLATED], total=s.total)
    if s.units[FUZZY]:
        text += str(ui["english_review"]).format(n=s.units[FUZZY])
    return text


def status_note(s: Status, lang: str, ui: dict[str, Any], slug: str) -> str:
    """The line on a report's index page (any variant) saying how far its English is."""
    href = f"../{ROOT_OF[lang]}{LANG}/{slug}/" if lang != LANG else ""
    link = f' · <a href="{render.html_text(href)}" hreflang="en" lang="en">Read in English</a>' if href else ""
    return f'<p class="translation-status" data-search-exclude>{render.html_text(status_text(s, ui))}{link}</p>'


def _index_page(e: English, ui: dict[str, Any]) -> str:
    r = e.report
    meta = {
        "description": webmeta.index_description(r),
        "jsonld": _jsonld(e, ui),
        "cite": _cite(e, []),
        "search_also": _search_also(e, [], "title"),
        "hide": ["toc"],  # its contents are the page (_contents), as on the Chinese index pages
    }
    out = [render.front_matter(r.title, meta), f"# {render.md_text(r.title)} {_attrs(e, 'title', 'title')}", ""]
    note = ui["translation_note"] + ("" if e.status.complete else " " + ui["translation_partial"])
    out += [f'<p class="translation-note" data-search-exclude>{render.html_text(note)}</p>', ""]
    out += [status_note(e.status, LANG, ui, r.slug), ""]
    out += _front(e) + render._dateline(r, ui) + _metadata(e, ui)
    if e.status.complete:
        href = render.html_text(render.pdf_path(r).rsplit("/", 1)[-1])
        out += [
            f'<p class="report-pdf"><a href="{href}" type="application/pdf">{render.html_text(ui["pdf"])}</a></p>',
            "",
        ]
    out += [_block(e, b) for b in r.preamble]
    out += _contents(e, ui)
    return "\n".join(out) + "\n"


def _front(e: English) -> list[str]:
    """The subtitle, speaker … lines under the title; a line still in Chinese says so."""
    if not e.report.front:
        return []

    def line(n: int, f: FrontLine) -> str:
        lang = ' lang="zh-Hans"' if e.state(front_id(n)) == UNTRANSLATED else ""
        return f'<p class="front-{render.html_text(f.kind)}"{lang}>{render.html_text(f.text)}</p>'

    lines = "".join(line(n, f) for n, f in enumerate(e.report.front, 1))
    return [f'<div class="report-front">{lines}</div>', ""]


def _contents(e: English, ui: dict[str, Any]) -> list[str]:
    """The contents list, in raw HTML as on the Chinese pages (render._contents: a Markdown heading
    would be the only entry of the page's contents panel); a heading still in Chinese says so."""
    if not e.report.sections:
        return []

    def walk(section: Section, page: str, depth: int) -> list[str]:
        href = render.html_text(f"{page}#{section.id}" if depth else page)
        lang = ' lang="zh-Hans"' if e.state(section.id) == UNTRANSLATED else ""
        link = f'<li><a href="{href}"{lang}>{render.html_text(section.title)}</a>'
        children = [line for child in section.children for line in walk(child, page, depth + 1)]
        return [link, "<ul>", *children, "</ul>", "</li>"] if children else [link + "</li>"]

    items = [line for s in e.report.sections for line in walk(s, f"{s.id}/", 0)]
    title = render.html_text(ui["contents"])
    nav = f'<nav class="report-contents" id="contents" aria-label="{title}" data-search-exclude>'
    return [nav, f"<h2>{title}</h2>", "<ul>", *items, "</ul>", "</nav>", ""]


def _part_page(e: English, part: Section, ui: dict[str, Any]) -> str:
    r = e.report
    meta = {
        "description": webmeta.section_description(r, part),
        "cite": _cite(e, [part]),
        "search_also": _search_also(e, [part], None),
    }
    out = [render.front_matter(part.title, meta)]

    def walk(section: Section, depth: int) -> None:
        out.extend([f"{'#' * min(depth, 6)} {render.md_text(section.title)} {_attrs(e, section.id, section.id)}", ""])
        out.extend(_block(e, b) for b in section.blocks)
        for child in section.children:
            walk(child, depth + 1)

    walk(part, 1)
    return "\n".join(out) + "\n"


def _attrs(e: English, unit_id: str, anchor: str) -> str:
    """A heading's attr_list: its id, and for a unit not (or no longer) translated a class, the
    marker's words (shown by report.css) and, when it is still Chinese, its language."""
    s = e.state(unit_id)
    if s == TRANSLATED:
        return f"{{#{anchor}}}"
    lang = ' lang="zh-Hans"' if s == UNTRANSLATED else ""
    return f'{{#{anchor} .tr-{s}{lang} data-flag="{_FLAGS[s]}"}}'


_FLAGS = {UNTRANSLATED: "not yet translated", FUZZY: "needs review"}
_FLAG_TITLES = {
    UNTRANSLATED: "Not yet translated: the Chinese original is shown",
    FUZZY: "Needs review: the Chinese original changed after this was translated",
}


def _flag(state: str) -> str:
    return f'<span class="tr-flag" lang="en" title="{_FLAG_TITLES[state]}">{_FLAGS[state]}</span>'


def _block(e: English, b: Block) -> str:
    if isinstance(b, Table):
        return _table(e, b) + "\n"
    return _paragraph(e, b) + "\n"


def _paragraph(e: English, p: Paragraph) -> str:
    s = e.state(p.id)
    if s == UNTRANSLATED:  # the Chinese as the Chinese pages show it, with its 一是 marks
        original = replace(e.original_paragraph(p.id), terms=())  # no glossary in English
        chinese = render.inline_html(original, "../../", e.original.slug)  # notes link within the English site
        kind = "para note" if is_note_entry(p.id) else "para"
        return f'<p id="{p.id}" class="{kind} tr-untranslated" lang="zh-Hans">{_flag(s)}{chinese}</p>'
    anchors = "".join(f'<span class="item" id="{i.id}"></span>' for i in e.original_paragraph(p.id).items)
    flag = _flag(s) + " " if s == FUZZY else ""
    css = "para" if s == TRANSLATED else f"para tr-{s}"
    return f'<p id="{p.id}" class="{css}">{anchors}{flag}{render.html_text(p.text)}</p>'


def _table(e: English, t: Table) -> str:
    def cell(r: int, c: int, text: str) -> str:
        s = e.state(cell_id(t, r, c))
        if s == TRANSLATED or not text.strip():
            return f"<td>{render.html_text(text)}</td>"
        lang = ' lang="zh-Hans"' if s == UNTRANSLATED else ""
        return f'<td class="tr-{s}"{lang} title="{_FLAG_TITLES[s]}">{render.html_text(text)}</td>'

    rows = "".join(
        "<tr>" + "".join(cell(r, c, text) for c, text in enumerate(row, 1)) + "</tr>" for r, row in enumerate(t.rows, 1)
    )
    table = f'<table id="{t.id}" class="report-table"><tbody>{rows}</tbody></table>'
    return f'<div class="table-wrap" tabindex="0">{table}</div>'


def _metadata(e: English, ui: dict[str, Any]) -> list[str]:
    r = e.report
    if not r.metadata:
        return []

    def cell(tag: str, unit_id: str, text: str, extra: str = "") -> str:
        lang = ' lang="zh-Hans"' if e.state(unit_id) == UNTRANSLATED else ""
        return f"<{tag}{extra}{lang}>{render.html_text(text)}</{tag}>"

    scope = ' scope="row"'
    rows = "".join(
        f"<tr>{cell('th', f'meta-{n}-label', f.label, scope)}{cell('td', f'meta-{n}', f.value)}</tr>"
        for n, f in enumerate(r.metadata, 1)
    )
    caption = render.html_text(ui["metadata"])
    return [f'<table class="report-meta"><caption>{caption}</caption><tbody>{rows}</tbody></table>', ""]


def _jsonld(e: English, ui: dict[str, Any]) -> dict[str, Any]:
    """schema.org Report in English, a translation of the Chinese report."""
    data = webmeta.report_jsonld(e.report, ui)
    original = webmeta.report_jsonld(e.original, {"identifier_label": ui["original_identifier_label"]})
    if "identifier" in original:
        data["identifier"] = original["identifier"]
    data["translationOfWork"] = {"@type": "Report", "name": e.original.title, "inLanguage": e.original.lang}
    data["translator"] = {"@type": "Organization", "name": ui["site_name"]}
    return data


def _cite(e: English, sections: list[Section]) -> dict[str, Any]:
    """The citation facts in English, with the original's title (APA names both)."""
    return {**webmeta.cite_data(e.report, sections), "original": e.original.title}


def _search_also(e: English, sections: list[Section], first: str | None) -> dict[str, str]:
    """heading id -> the zh-Hans text under it: the English site's search also finds a Chinese phrase
    (the hook adds it to that heading's search unit, not to the page)."""
    out: dict[str, str] = {}
    originals = {s.id: s for s in _walk(e.original.sections)}

    def texts(blocks: tuple[Block, ...]) -> list[str]:
        return [b.text if isinstance(b, Paragraph) else " ".join(" ".join(row) for row in b.rows) for b in blocks]

    if first is not None:  # the index page: title and preamble
        out[first] = " ".join([e.original.title, *texts(e.original.preamble)])
    for s in (x for part in sections for x in _walk((part,))):
        zh = originals[s.id]
        out[s.id] = " ".join([zh.number + zh.title, *texts(zh.blocks)])
    return out


def _walk(sections: tuple[Section, ...]) -> list[Section]:
    out = []
    for s in sections:
        out.append(s)
        out += _walk(s.children)
    return out
