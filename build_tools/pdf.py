"""The print edition of a report: one self-contained HTML document for WeasyPrint. Pure.

Built from the document model, not from the site's pages, so the PDF carries no web chrome.
Every id is the site's id (part-1-2, part-1-2-p3), so a PDF anchor and a site anchor agree.
Report text is data: everything that comes from a report goes through html_text().
"""

from __future__ import annotations

from typing import Any

from .labels import section_label
from .model import Block, NoteLink, Paragraph, Report, Section, Table
from .render import html_text

# Page box in millimetres. The tests crop the body text to the area inside these margins,
# so the running header, the page numbers and the paragraph ids in the margin stay out.
PAGE_MM = {"width": 210, "height": 297}
MARGIN_MM = {"top": 25, "right": 20, "bottom": 22, "left": 32}
# One face per variant, from Debian's fonts-noto-cjk, in one weight: every face or weight more is
# one more embedded subset of the same few thousand characters (the seed's PDF was 639 KiB with
# serif, sans and sans bold; headings now stand out by size, space and colour, never by weight).
# The same code point has different glyphs in SC and TC, so the face follows the variant (never JP).
FACES = {
    "zh-Hans": "Noto Serif CJK SC",
    "zh-Hant": "Noto Serif CJK TC",
    "zh-HK": "Noto Serif CJK TC",  # the Traditional (TC) face, as zh-Hant
    "en": "Noto Serif CJK SC",  # its Latin letters; the original's title is zh-Hans
}


def print_html(report: Report, ui: dict[str, Any], note: str, site_url: str | None = None) -> str:
    """The whole print document: properties, cover, contents, body."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{html_text(report.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            *_properties(report),
            f"<style>{_page_style(report.lang)}{_translation_style(ui)}</style>",
            "</head>",
            "<body>",
            _cover(report, ui, note, site_url),
            _contents(report, ui),
            _body(report),
            "</body>",
            "</html>",
            "",
        ]
    )


def author(report: Report) -> str:
    """Who the PDF names as its author: the publishing body."""
    return report.publisher or report.source or ""


def _properties(r: Report) -> list[str]:
    # WeasyPrint maps these to the PDF's Title, Author and CreationDate; <html lang> to /Lang.
    out = [f"<title>{html_text(r.title)}</title>"]
    if author(r):
        out.append(f'<meta name="author" content="{html_text(author(r))}">')
    if r.date:
        out.append(f'<meta name="dcterms.created" content="{html_text(r.date)}">')
    return out


def _page_style(lang: str) -> str:
    """Page box and face: the only CSS that depends on the variant (margin boxes inherit from @page)."""
    m, face = MARGIN_MM, FACES[lang]
    size = f"{PAGE_MM['width']}mm {PAGE_MM['height']}mm"
    margin = f"{m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm"
    return (
        f'@page {{ size: {size}; margin: {margin}; font-family: "{face}", serif; }}\n'
        f'html {{ font-family: "{face}", serif; }}'
    )


def _translation_style(ui: dict[str, Any]) -> str:
    """A translation says on every page that it is one (ui.yml `pdf_marking`, English only); its
    quotation marks and apostrophes take the faces' proportional (Latin) forms, not the full-width
    Chinese ones."""
    if "pdf_marking" not in ui:
        return ""
    words = str(ui["pdf_marking"]).replace("\\", "\\\\").replace('"', '\\"')
    return (
        "\nhtml { font-variant-east-asian: proportional-width; }"
        "\n@page { font-variant-east-asian: proportional-width; }"
        f'\n@page {{ @bottom-left {{ content: "{words}"; font-size: 7pt; color: #555; }} }}'
    )


def _cover(r: Report, ui: dict[str, Any], note: str, site_url: str | None) -> str:
    facts = []
    if r.publisher:
        facts.append(f'<p class="cover-publisher">{html_text(r.publisher)}</p>')
    if r.date:
        facts.append(f'<p class="cover-date">{html_text(r.date)}</p>')
    return "\n".join(
        [
            '<section class="cover">',
            f'<p class="cover-site">{html_text(ui["site_name"])}</p>',
            f'<h1 class="cover-title" id="title">{html_text(r.title)}</h1>',
            *_front(r, "cover-front"),
            *facts,
            _metadata(r, ui),
            _provenance(r, ui, note, site_url),
            "</section>",
        ]
    )


def _front(r: Report, where: str) -> list[str]:
    """The subtitle, speaker … kept between the title and the body."""
    return [f'<p class="{where} front-{html_text(f.kind)}">{html_text(f.text)}</p>' for f in r.front]


def _metadata(r: Report, ui: dict[str, Any]) -> str:
    rows = [(f.label, f.value) for f in r.metadata]
    if r.date:
        rows.append((ui["published"], f"{r.date} {r.time or ''}".strip()))
    if r.source:
        rows.append((ui["source"], r.source))
    if not rows:
        return ""
    body = "".join(f'<tr><th scope="row">{html_text(k)}</th><td>{html_text(v)}</td></tr>' for k, v in rows)
    return f'<table class="meta"><caption>{html_text(ui["metadata"])}</caption><tbody>{body}</tbody></table>'


def _provenance(r: Report, ui: dict[str, Any], note: str, site_url: str | None) -> str:
    lines = [f"<p>{html_text(note)}</p>"]
    if r.settings.source_url:
        url = html_text(r.settings.source_url)
        lines.append(f'<p>{html_text(ui["source_url"])} <a href="{url}">{url}</a></p>')
    if site_url:
        url = html_text(site_url)
        lines.append(f'<p>{html_text(ui["pdf_online"])} <a href="{url}">{url}</a></p>')
    lines.append(f"<p>{html_text(ui['pdf_cite'])}</p>")
    return f'<div class="provenance">{"".join(lines)}</div>'


def _contents(r: Report, ui: dict[str, Any]) -> str:
    if not r.sections:
        return ""

    def entry(s: Section, depth: int) -> str:
        inner = "".join(entry(c, depth + 1) for c in s.children)
        sub = f"<ol>{inner}</ol>" if inner else ""
        label = html_text(section_label(s))
        return f'<li class="toc-{depth}"><a href="#{html_text(s.id)}">{label}</a>{sub}</li>'

    items = "".join(entry(s, 1) for s in r.sections)
    return f'<nav class="toc" id="contents"><h2>{html_text(ui["contents"])}</h2><ol>{items}</ol></nav>'


def _body(r: Report) -> str:
    # The title again above the text, as on the official document (not a heading: no bookmark).
    out = ['<main class="report">', f'<p class="body-title">{html_text(r.title)}</p>', *_front(r, "body-front")]
    if r.preamble:
        out += ['<section class="preamble">', *(_block(b) for b in r.preamble), "</section>"]
    out += [_section(s, 2) for s in r.sections]
    out.append("</main>")
    return "\n".join(out)


def _section(s: Section, level: int) -> str:
    tag = f"h{min(level, 6)}"
    kind = "part" if level == 2 else "section"
    heading = f'<{tag} id="{html_text(s.id)}">{html_text(section_label(s))}</{tag}>'
    blocks = [_block(b) for b in s.blocks]
    children = [_section(c, level + 1) for c in s.children]
    return "\n".join([f'<section class="{kind}">', heading, *blocks, *children, "</section>"])


def _block(block: Block) -> str:
    if isinstance(block, Table):
        return _table(block)
    return _paragraph(block)


def _paragraph(p: Paragraph) -> str:
    # The id is printed in the margin (class pid) so a reader can cite the paragraph by it.
    marks = [(i.offset, i.marker, f'<span class="item" id="{html_text(i.id)}">', "</span>") for i in p.items]
    marks += [(n.offset, n.marker, _note_link(n), "</a>") for n in p.notes]
    pieces, at = [], 0
    for offset, marker, open_tag, close_tag in sorted(marks, key=lambda m: m[0]):
        pieces += [html_text(p.text[at:offset]), open_tag, html_text(marker), close_tag]
        at = offset + len(marker)
    pieces.append(html_text(p.text[at:]))
    pid = html_text(p.id)
    return f'<p class="para" id="{pid}"><span class="pid">{pid}</span>{"".join(pieces)}</p>'


def _note_link(link: NoteLink) -> str:
    """In one document, a note and its marker are anchors of the same file."""
    anchor = f' id="{html_text(link.id)}"' if link.id else ""
    return f'<a class="note-{link.kind}"{anchor} href="#{html_text(link.target)}">'


def _table(t: Table) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in t.rows)
    tid = html_text(t.id)
    return f'<div class="table" id="{tid}"><span class="pid">{tid}</span><table><tbody>{rows}</tbody></table></div>'
