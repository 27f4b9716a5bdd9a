"""Markdown of the glossary page (per variant) and of a report's cited-documents page.

Pure, like render.py: values in, Markdown out. Back-links are Markdown links to the .md pages,
so MkDocs checks them (and their anchors) in --strict builds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import webmeta
from .glossary import Entry
from .model import Block, Paragraph, Report, Section, Term
from .render import front_matter, html_text, md_text

GLOSSARY_SEARCH_BOOST = 0.0001

GLOSSARY_PAGE = "glossary.md"


def documents_path(report: Report) -> str:
    return f"{report.slug}/documents.md"


def places(report: Report, ui: dict[str, Any]) -> Iterator[tuple[str, Paragraph, str]]:
    """Every paragraph with its page (relative to the report folder) and a reader's label."""

    def blocks(bs: tuple[Block, ...], page: str, where: str) -> Iterator[tuple[str, Paragraph, str]]:
        paragraphs = [b for b in bs if isinstance(b, Paragraph)]
        for n, p in enumerate(paragraphs, 1):
            yield page, p, f"{where} {ui['paragraph'].format(n=n)}"

    def walk(s: Section, page: str, where: str) -> Iterator[tuple[str, Paragraph, str]]:
        where = where + s.number.rstrip("、.．")
        yield from blocks(s.blocks, page, where)
        for child in s.children:
            yield from walk(child, page, where)

    yield from blocks(report.preamble, "index.md", ui["preamble"])
    for s in report.sections:
        yield from walk(s, f"{s.id}.md", "")


def glossary_page(
    groups: list[tuple[str, list[Entry]]], terms: dict[str, Term], reports: list[Report], ui: dict[str, Any]
) -> str:
    refs = _occurrences(reports, ui)
    # Below the reports in search results: a reader searching 行政复议 wants the report's section first.
    meta = {"description": ui["glossary_intro"], "search": {"boost": GLOSSARY_SEARCH_BOOST}}
    out = [front_matter(ui["glossary"], meta), f"# {md_text(ui['glossary'])} {{#title}}", ""]
    out += [f"<p data-search-exclude>{html_text(ui['glossary_intro'])}</p>", ""]
    for head, entries in groups:
        out += [f"## {md_text(head)} {{#group-{ord(head[0]):x}}}", ""]
        for entry in entries:
            out += _entry(terms[entry.id], refs.get(entry.id, {}), ui)
    return "\n".join(out) + "\n"


def _entry(t: Term, refs: dict[str, list[tuple[str, str]]], ui: dict[str, Any]) -> list[str]:
    out = [f"### {md_text(t.term)} {{#{t.id}}}", ""]
    out += [f'<p class="gloss-english" lang="en">{html_text(t.english)}</p>', ""]
    out += [f'<p class="gloss-explain">{html_text(t.explanation)}</p>', ""]
    out += [f'<p class="gloss-explain" lang="en">{html_text(t.explanation_en)}</p>', ""]
    if t.note:
        out += [f'<p class="gloss-note">{html_text(ui["note"])}{html_text(t.note)}</p>', ""]
    if t.note_en:
        out += [f'<p class="gloss-note" lang="en">Note: {html_text(t.note_en)}</p>', ""]
    if not refs:
        return [*out, f'<p class="gloss-refs" data-search-exclude>{html_text(ui["no_occurrence"])}</p>', ""]
    out += [f'<p class="gloss-refs" data-search-exclude>{html_text(ui["occurs_in"])}</p>', ""]
    for title, links in refs.items():
        out.append(f"- {md_text(title)}：" + "，".join(f"[{md_text(label)}]({url})" for label, url in links))
    return [*out, ""]


def _occurrences(reports: list[Report], ui: dict[str, Any]) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """term id -> report title -> [(label, url)] for every paragraph where the term occurs."""
    refs: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for r in reports:
        for page, p, label in places(r, ui):
            for term_id in dict.fromkeys(ref.term.id for ref in p.terms):
                links = refs.setdefault(term_id, {}).setdefault(r.title, [])
                links.append((label, f"{r.slug}/{page}#{p.id}"))
    return refs


def documents_page(report: Report, labels: dict[str, dict[str, str]], ui: dict[str, Any]) -> str:
    cited = {p.id: (page, label) for page, p, label in places(report, ui)}
    titles = [c for c in report.citations if c.within is None]
    intro = ui["documents_intro"].format(n=len(titles))
    meta = {"description": intro, "cite": webmeta.cite_data(report, [])}  # the report's facts (search labels)
    out = [front_matter(ui["documents"], meta), f"# {md_text(ui['documents'])} {{#title}}", ""]
    out += [f"<p data-search-exclude>{html_text(intro)}</p>", ""]
    for n, c in enumerate(report.citations, 1):
        kind = labels[c.kind].get(report.lang) or labels[c.kind]["zh-Hant"]  # zh-HK: the Traditional label
        within = f" {md_text(ui['within'].format(title=c.within))}" if c.within else ""
        links = "，".join(_backlink(block_id, cited, report) for block_id in c.cited_in)
        out.append(f"{n}. 《{md_text(c.title)}》 · {md_text(kind)}{within}  \n   {md_text(ui['cited_in'])}{links}")
    if not report.citations:
        out.append(f"<p>{html_text(ui['no_documents'])}</p>")
    return "\n".join(out) + "\n"


def _backlink(block_id: str, cited: dict[str, tuple[str, str]], report: Report) -> str:
    if block_id not in cited:  # a table cell: link the table on its page
        page = next((f"{s.id}.md" for s in report.sections if block_id.startswith(s.id + "-")), "index.md")
        return f"[{md_text(block_id)}]({page}#{block_id})"
    page, label = cited[block_id]
    return f"[{md_text(label)}]({page}#{block_id})"
