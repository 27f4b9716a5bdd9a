"""The library's home and browse pages: reports by year, publisher and kind of document, each
variant with the same pages at the same paths, and the data of the home page's instant filter.

Pure, like render.py: reports in, {docs path: text} out. The kinds and the pages' words are data
(data/library.yml). Facets are read from each report's zh-Hans variant (the rules are written in
zh-Hans), so a report falls in the same year, kind and publisher page in every variant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import collation, webmeta, yamlfile
from .errors import ReportError
from .model import Report
from .render import front_matter, html_text, md_text, nav_title

DATA = Path(__file__).parent / "data" / "library.yml"
FOLDER = "library"  # every browse page is under it: one name a report's slug may not take
HOME_LATEST = 10  # reports on the home page, newest first: the rest is reached by year, kind, publisher
FEED_SIZE = 50  # entries of the Atom feed
UNDATED = "undated"
_HINT = "see the comment at the top of build_tools/data/library.yml"
_KIND_FIELDS = ("体裁分类", "主题分类")


@dataclass(frozen=True)
class Kind:
    id: str
    names: dict[str, str]  # zh-Hans, zh-Hant
    metadata: frozenset[str]
    titles: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Facets:
    """Where one report is filed (ids shared by every variant)."""

    year: str  # four digits, or UNDATED
    kind: str
    publisher: str  # an ASCII id made from the zh-Hans name


@cache
def kinds(path: Path = DATA) -> tuple[Kind, ...]:
    raw = yamlfile.load(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("kinds"), list) or not isinstance(raw.get("words"), dict):
        raise ReportError(str(path), "needs the list `kinds:` and the mapping `words:`", _HINT, 1)
    out = []
    for entry in raw["kinds"]:
        line = yamlfile.line_of(entry)
        if not isinstance(entry, dict) or set(entry) != {"id", "zh-Hans", "zh-Hant", "metadata", "titles"}:
            raise ReportError(str(path), "a kind has exactly id, zh-Hans, zh-Hant, metadata, titles", _HINT, line)
        if not re.fullmatch(r"[a-z0-9-]+", str(entry["id"])):
            raise ReportError(str(path), f"kind id {entry['id']!r} is not lower-case ASCII words and -", _HINT, line)
        try:
            titles = tuple(re.compile(str(t)) for t in entry["titles"])
        except re.error as err:
            raise ReportError(str(path), f"bad regular expression: {err}", _HINT, line) from None
        names = {"zh-Hans": str(entry["zh-Hans"]), "zh-Hant": str(entry["zh-Hant"])}
        out.append(Kind(str(entry["id"]), names, frozenset(str(v) for v in entry["metadata"]), titles))
    if not out or out[-1].id != "other" or out[-1].titles or out[-1].metadata:
        raise ReportError(str(path), "the last kind must be `other`, with no metadata and no titles", _HINT, 1)
    return tuple(out)


@cache
def words(lang: str, path: Path = DATA) -> dict[str, str]:
    return {str(k): str(v) for k, v in yamlfile.load(path)["words"][lang].items()}


def kind_of(report: Report) -> str:
    """From the header's 体裁分类 / 主题分类 where it names a kind, else from the title."""
    values = {f.value.replace(" ", "") for f in report.metadata if f.label.replace(" ", "") in _KIND_FIELDS}
    known = kinds()
    found = next((k.id for k in known if values & k.metadata), None)
    return found or next((k.id for k in known if any(t.search(report.title) for t in k.titles)), "other")


def year_of(report: Report) -> str:
    date = webmeta.iso_date(report.date) or report.date or ""
    return date[:4] if re.match(r"\d{4}", date) else UNDATED


def publisher_of(report: Report) -> str:
    return report.publisher or report.source or ""


def facets(hans: list[Report]) -> dict[str, Facets]:
    """slug -> Facets, from the zh-Hans variants; publisher ids from the names' pinyin, made
    unique in the order of the names."""
    names = sorted({publisher_of(r) for r in hans})
    ids: dict[str, str] = {}
    for name in names:
        base = collation.ascii_id(name)[:60].strip("-") or "unknown"
        ids[name] = _unique(base, set(ids.values()))
    return {r.slug: Facets(year_of(r), kind_of(r), ids[publisher_of(r)]) for r in hans}


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass(frozen=True)
class Shelf:
    """One browse page: its path under library/, its title, its reports."""

    path: str
    title: str
    reports: list[Report]


@dataclass(frozen=True)
class Library:
    files: dict[str, str]  # docs path ("zh-Hant/library/year-2024.md") -> text
    navs: dict[str, dict[str, str]]  # lang -> the library's entry in its nav
    feeds: dict[str, list[dict[str, str]]]  # lang -> the Atom feed's entries, newest first


def build(variants: dict[str, list[Report]], site_words: Callable[[str], dict[str, Any]]) -> Library:
    """Every variant's home, browse pages, filter data, nav section and feed entries. `variants`
    holds each variant's reports in home-page order (newest first); zh-Hans has them all.
    `site_words(lang)`: the site's own words (data/ui.yml: the home page's title and intro)."""
    check_slugs(variants["zh-Hans"])
    filed = facets(variants["zh-Hans"])
    files: dict[str, str] = {}
    navs, feeds = {}, {}
    for lang, reports in variants.items():
        names = publisher_names(variants, filed, lang)
        shelves = _shelves(reports, filed, lang, names)
        files[f"{lang}/index.md"] = _home(reports, filed, shelves, lang, names, site_words(lang))
        for shelf in shelves:
            files[f"{lang}/{FOLDER}/{shelf.path}.md"] = _shelf_page(shelf, filed, lang, names)
        files[f"{lang}/{FOLDER}/library.json"] = _filter_data(reports, filed, lang, names)
        # one entry, the all-reports page: a sidebar must not grow with the years, kinds and
        # publishers (the other browse pages are outside the nav: mkdocs.yml `not_in_nav`)
        navs[lang] = {nav_title(words(lang)["all"]): f"{FOLDER}/index.md"}
        feeds[lang] = feed_entries(reports)
    return Library(files, navs, feeds)


def _shelves(reports: list[Report], filed: dict[str, Facets], lang: str, names: dict[str, str]) -> list[Shelf]:
    w = words(lang)
    out = [Shelf("index", w["all"], reports)]
    for year in years(filed):
        label = year_label(year, w)
        out.append(Shelf(f"year-{year}", w["year_title"].format(year=label), _where(reports, filed, "year", year)))
    for kind in kinds_used(filed):
        name = kind.names[_script(lang)]
        out.append(Shelf(f"kind-{kind.id}", w["kind_title"].format(name=name), _where(reports, filed, "kind", kind.id)))
    for pid in publishers(filed):
        title = w["publisher_title"].format(name=names[pid])
        out.append(Shelf(f"publisher-{pid}", title, _where(reports, filed, "publisher", pid)))
    return out


def _where(reports: list[Report], filed: dict[str, Facets], facet: str, value: str) -> list[Report]:
    return [r for r in reports if getattr(filed[r.slug], facet) == value]


def years(filed: dict[str, Facets]) -> list[str]:
    """Newest first, undated last."""
    found = {f.year for f in filed.values()}
    return sorted(found - {UNDATED}, reverse=True) + ([UNDATED] if UNDATED in found else [])


def kinds_used(filed: dict[str, Facets]) -> list[Kind]:
    used = {f.kind for f in filed.values()}
    return [k for k in kinds() if k.id in used]


def publishers(filed: dict[str, Facets]) -> list[str]:
    return sorted({f.publisher for f in filed.values()})


def year_label(year: str, w: dict[str, str]) -> str:
    return w["undated"] if year == UNDATED else w["year"].format(year=year)


def _script(lang: str) -> str:
    return "zh-Hans" if lang == "zh-Hans" else "zh-Hant"


def kind_name(kind_id: str, lang: str) -> str:
    return next(k.names[_script(lang)] for k in kinds() if k.id == kind_id)


def _facts(r: Report, f: Facets, lang: str, names: dict[str, str]) -> str:
    """Publisher · kind · date, as a report's line in a list shows them."""
    return " · ".join(x for x in (names[f.publisher], kind_name(f.kind, lang), r.date or "") if x)


def _item(r: Report, f: Facets, lang: str, names: dict[str, str], base: str) -> str:
    facts = _facts(r, f, lang, names)
    return (
        f'<li><a href="{html_text(base + r.slug)}/">{html_text(r.title)}</a>'
        f'<span class="library-facts">{html_text(facts)}</span></li>'
    )


def _list(reports: list[Report], filed: dict[str, Facets], lang: str, names: dict[str, str], base: str) -> str:
    items = "".join(_item(r, filed[r.slug], lang, names, base) for r in reports)
    return f'<ul class="library-list">{items}</ul>'


def _by_year(
    reports: list[Report], filed: dict[str, Facets], lang: str, names: dict[str, str], base: str, level: str
) -> list[str]:
    """Year headings (newest first, at `level`: ## or ###), each with its reports."""
    w, out = words(lang), []
    for year in years({r.slug: filed[r.slug] for r in reports}):
        shown = [r for r in reports if filed[r.slug].year == year]
        out += [f"{level} {md_text(year_label(year, w))} {{#y{year}}}", "", _list(shown, filed, lang, names, base), ""]
    return out


def _home(
    reports: list[Report],
    filed: dict[str, Facets],
    shelves: list[Shelf],
    lang: str,
    names: dict[str, str],
    site: dict[str, Any],
) -> str:
    """The newest reports, then the ways in: years, kinds, publishers (each with its count)."""
    w = words(lang)
    out = [  # the site's own words and lists of titles: not in the search index
        front_matter(site["home_title"], {"description": site["home_intro"], "search": {"exclude": True}}),
        f"# {md_text(site['home_title'])}",
        "",
        f"<p>{html_text(site['home_intro'])}</p>",
        "",
    ]
    if not reports:  # the demo removed, nothing added yet
        return "\n".join([*out, f"<p>{html_text(site['no_reports'])}</p>", ""])
    out += [
        f"## {md_text(w['latest'])} {{#latest}}",
        "",
        *_by_year(reports[:HOME_LATEST], filed, lang, names, "", "###"),
        f'<p class="library-all"><a href="{FOLDER}/">{html_text(w["all_link"].format(n=len(reports)))}</a></p>',
        "",
        _filter_form(filed, lang, names),
        "",
    ]
    feed = f'<p class="library-feed"><a href="feed.xml" type="application/atom+xml">{html_text(w["feed"])}</a></p>'

    counts = {s.path: len(s.reports) for s in shelves}
    titles = {"year": w["by_year"], "kind": w["by_kind"], "publisher": w["by_publisher"]}
    for facet, heading in titles.items():
        links = []
        for shelf in shelves:
            if shelf.path.startswith(f"{facet}-"):
                label = _shelf_label(shelf.path, lang, names)
                count = f'<span class="library-count">{counts[shelf.path]}</span>'
                links.append(f'<li><a href="{FOLDER}/{shelf.path}/">{html_text(label)}{count}</a></li>')
        out += [f"## {md_text(heading)} {{#by-{facet}}}", "", f'<ul class="library-ways">{"".join(links)}</ul>', ""]
    return "\n".join([*out, feed, ""])


def _shelf_label(path: str, lang: str, names: dict[str, str]) -> str:
    facet, _, value = path.partition("-")
    if facet == "year":
        return year_label(value, words(lang))
    if facet == "kind":
        return kind_name(value, lang)
    return names[value]


def _shelf_page(shelf: Shelf, filed: dict[str, Facets], lang: str, names: dict[str, str]) -> str:
    w = words(lang)
    base = "../" if shelf.path == "index" else "../../"
    count = w["count"].format(n=len(shelf.reports))
    description = f"{shelf.title}（{count}）"
    meta = {"description": description, "search": {"exclude": True}}  # a list of titles: the reports are indexed
    out = [front_matter(shelf.title, meta), f"# {md_text(shelf.title)}", ""]
    if not shelf.reports:
        return "\n".join([*out, f'<p class="library-none">{html_text(w["none_here"])}</p>', ""])
    out += [f'<p class="library-count-line">{html_text(count)}</p>', ""]
    if shelf.path.startswith("year-"):
        out += [_list(shelf.reports, filed, lang, names, base), ""]
    else:
        out += _by_year(shelf.reports, filed, lang, names, base, "##")
    return "\n".join(out) + "\n"


def _filter_form(filed: dict[str, Facets], lang: str, names: dict[str, str]) -> str:
    """The instant filter (library.js shows it and answers from library/library.json); hidden
    without JavaScript, where the year, kind and publisher pages do the same."""
    w = words(lang)

    def select(name: str, options: list[tuple[str, str]]) -> str:
        items = f'<option value="">{html_text(w["filter_any"])}</option>' + "".join(
            f'<option value="{html_text(v)}">{html_text(label)}</option>' for v, label in options
        )
        label = html_text(w[f"filter_{name}"])
        return f'<label>{label}<select name="{name}">{items}</select></label>'

    years_ = [(y, year_label(y, w)) for y in years(filed)]
    kinds_ = [(k.id, k.names[_script(lang)]) for k in kinds_used(filed)]
    pubs = [(p, names[p]) for p in publishers(filed)]
    data = html_text(json.dumps({"count": w["filter_count"], "more": w["filter_more"]}, ensure_ascii=False))
    return (
        f'<form class="library-filter" role="search" hidden data-words="{data}" data-src="{FOLDER}/library.json">'
        f"<fieldset><legend>{html_text(w['filter'])}</legend>"
        f"{select('year', years_)}{select('kind', kinds_)}{select('publisher', pubs)}"
        f'<label>{html_text(w["filter_text"])}<input type="search" name="text" autocomplete="off"></label>'
        "</fieldset>"
        '<p class="library-filter-status" aria-live="polite"></p><ul class="library-list library-results"></ul></form>'
    )


def _filter_data(reports: list[Report], filed: dict[str, Facets], lang: str, names: dict[str, str]) -> str:
    """[title, URL from the variant's root, year, kind, publisher id, date, facts] per report, newest first."""
    rows = []
    for r in reports:
        f = filed[r.slug]
        rows.append([r.title, f"{r.slug}/", f.year, f.kind, f.publisher, _facts(r, f, lang, names)])
    return json.dumps({"reports": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"


def publisher_names(variants: dict[str, list[Report]], filed: dict[str, Facets], lang: str) -> dict[str, str]:
    """Each publisher id's name in `lang`: from a report of that variant, else zh-Hant's, else zh-Hans."""
    names: dict[str, str] = {}
    for source in (lang, "zh-Hant", "zh-Hans"):
        for r in variants.get(source, []):
            names.setdefault(filed[r.slug].publisher, publisher_of(r) or words(lang)["unknown_publisher"])
    return names


def feed_entries(reports: list[Report]) -> list[dict[str, str]]:
    """The newest reports for the Atom feed (title, publisher, date, summary, path)."""
    out = []
    for r in reports[:FEED_SIZE]:
        out.append(
            {
                "title": r.title,
                "publisher": publisher_of(r),  # none: the feed's own author stands
                "date": webmeta.iso_date(r.date) or "",
                "summary": webmeta.index_description(r),
                "path": f"{r.slug}/",
            }
        )
    return out


def check_slugs(reports: list[Report]) -> None:
    for r in reports:
        if r.slug == FOLDER:
            raise ReportError(
                r.path, f"the slug {FOLDER!r} is the library's own folder", "give the report another `slug:`"
            )
