"""The site's search index, in small files a query fetches only a few of.

Material's search downloads its whole index before the first query (megabytes at a thousand
reports). Here the same search units (each page's title and each section: a heading with its id
and the text up to the next heading, as Material cuts them) are indexed by character bigrams:

- text is folded to one script with the fold map (foldmap.py, the map the browser folds with), so
  a query in either script finds both;
- keys: each Han character and each pair of neighbouring Han characters; for Latin letters and
  digits (lowercased) the first one, two and three characters of each word (prefix search);
  a key found in a unit's title is also filed as "#" + key, in the same shard (titles rank first);
- postings (unit numbers, delta-coded) are split by a stable hash of the key into K shard files;
- the units' texts are in chunk files of about CHUNK_TARGET characters, fetched only for candidates
  (a chunk starting inside a page also names that page's title);
- manifest.json: K, where each chunk starts, a version for the browser's cache.

query() is the browser's search (overrides/assets/javascripts/workers/search.js) in Python: the
tests and the benchmark use it to see what a query finds and which files it fetches.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from material.plugins.search.plugin import Parser  # Material's own cutting into sections (pinned)

FOLDER = "search/index"  # inside each variant's site folder
SHARD_TARGET = 64_000  # bytes of postings per shard (about 20-30 KB gzip'd)
CHUNK_TARGET = 8_000  # characters of unit text per chunk (about 15 KB gzip'd)
MAX_CHUNKS = 5  # chunks one query may fetch: a very common word shows the best of them only
MAX_PAGES = 50  # result groups (pages) answered
TITLE_WEIGHT = 10  # a match in a title or heading counts as this many in the text
EXCERPT_BEFORE, EXCERPT_LENGTH = 30, 160  # characters of section text shown around the first match

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # str.lower() may add characters


@dataclass(frozen=True)
class Unit:
    location: str  # page URL, with #heading-id for a section
    title: str  # plain text
    text: str  # plain text
    boost: float = 1.0  # the page's front matter search.boost (the glossary: below the reports)
    report: tuple[str, str] | None = None  # the page's report: its title and "publisher · year"


def page_units(
    content: str, url: str, page_title: str, boost: float = 1.0, report: tuple[str, str] | None = None
) -> list[Unit]:
    """A rendered page's units, cut as Material's search plugin cuts them (it honours
    data-search-exclude); markup dropped, entities decoded: the texts are plain data. `report`:
    what a result from this page shows under its title (report_label)."""
    parser = Parser()
    parser.feed(content)
    parser.close()
    units = []
    for section in parser.data:
        if section.is_excluded():
            continue
        title = _plain("".join(section.title)) or page_title
        location = f"{url}#{section.id}" if section.id else url
        units.append(Unit(location, title, _plain("".join(section.text)), boost, report))
    return units


def report_facts(cite: dict) -> tuple[str, str] | None:
    """(title, "publisher · year") of a report page's citation data (front matter `cite`)."""
    if not cite or not cite.get("report"):
        return None
    year = str(cite.get("date") or "")[:4]
    facts = " · ".join(x for x in (cite.get("publisher"), year if year.isdigit() else "") if x)
    return (str(cite["report"]), facts)


def report_key(location: str) -> str:
    """A report's pages share their first folder (slug/): its label is filed under it."""
    return location.split("/", 1)[0] + "/"


def _plain(markup: str) -> str:
    # Material escapes text and keeps a few tags (<p>, <li> ...): a tag is a break between words
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", markup))).strip()


def fold(text: str, fold_map: dict[str, str]) -> str:
    """One character for one (positions stay): to Simplified, A-Z to lowercase."""
    return "".join(fold_map.get(c, c) for c in text).translate(_LOWER)


def keys(folded: str) -> set[str]:
    """The index keys of folded text: Han characters and pairs, Latin/digit word prefixes."""
    out: set[str] = set()
    for token in _TOKEN.findall(folded):
        if _HAN_RUN.fullmatch(token):
            out.update(token)
            out.update(token[i : i + 2] for i in range(len(token) - 1))
        else:
            out.update(token[:n] for n in range(1, min(3, len(token)) + 1))
    return out


def query_parts(folded_query: str) -> list[str]:
    """The runs of a folded query that must each occur in a unit (Han runs, Latin/digit words)."""
    return list(dict.fromkeys(_TOKEN.findall(folded_query)))


def part_keys(part: str) -> list[str]:
    """The keys whose postings a part needs: pairs covering a Han run, one prefix for a word."""
    if not _HAN_RUN.fullmatch(part):
        return [part[:3]]
    if len(part) == 1:
        return [part]
    starts = list(range(0, len(part) - 1, 2))
    if starts[-1] != len(part) - 2:
        starts.append(len(part) - 2)
    return [part[i : i + 2] for i in starts]


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over the key's UTF-8 bytes: the same number in the browser."""
    h = 0x811C9DC5
    for byte in key.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(key: str, shards: int) -> int:
    """A title key "#k" lives beside k: a query fetches one shard per pair."""
    return fnv1a(key.removeprefix("#")) % shards


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _deltas(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids, strict=False)]


def build(units: list[Unit], fold_map: dict[str, str]) -> dict[str, str]:
    """The index files ({path under FOLDER: text}) of units in order (a page's units together,
    its own unit first). The same units give the same bytes."""
    postings: dict[str, list[int]] = {}
    for number, unit in enumerate(units):
        title = fold(unit.title, fold_map)
        for key in keys(title):
            postings.setdefault("#" + key, []).append(number)
        for key in keys(title) | keys(fold(unit.text, fold_map)):
            postings.setdefault(key, []).append(number)
    coded = {key: _deltas(ids) for key, ids in postings.items()}
    size = sum(len(_json(key)) + len(_json(ids)) + 2 for key, ids in coded.items())
    count = max(1, -(-size // SHARD_TARGET))
    shards: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for key, ids in coded.items():
        shards[shard_of(key, count)][key] = ids
    files = {f"shard-{i}.json": _json(shard) for i, shard in enumerate(shards)}
    starts = []
    for start, chunk in _chunks(units):
        starts.append(start)
        data: dict[str, object] = {"rows": [_row(u) for u in chunk]}
        reports = {report_key(u.location): list(u.report) for u in chunk if u.report}
        if reports:  # what a result shows under its title: the report it is in (query: _labelled)
            data["reports"] = dict(sorted(reports.items()))
        if "#" in chunk[0].location:  # a page continued from the chunk before: its title, for the result list
            own = next((u for u in reversed(units[:start]) if u.location == _page(chunk[0].location)), chunk[0])
            data["page"] = [_page(chunk[0].location), own.title]
        files[f"chunk-{len(starts) - 1}.json"] = _json(data)
    version = hashlib.sha256(_json(sorted(files.items())).encode("utf-8")).hexdigest()[:12]
    files["manifest.json"] = _json({"chunks": starts, "shards": count, "units": len(units), "version": version})
    return files


def _row(unit: Unit) -> list:
    return [unit.location, unit.title, unit.text] + ([unit.boost] if unit.boost != 1 else [])


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _chunks(units: list[Unit]) -> Iterator[tuple[int, list[Unit]]]:
    """Consecutive units, at most CHUNK_TARGET characters each (a longer section alone: it does not
    make its neighbours' chunk heavy)."""
    start, chunk, size = 0, [], 0
    for number, unit in enumerate(units):
        length = len(unit.title) + len(unit.text)
        if chunk and size + length > CHUNK_TARGET:
            yield start, chunk
            start, chunk, size = number, [], 0
        chunk.append(unit)
        size += length
    if chunk:
        yield start, chunk


# --- the query side, as the browser's worker does it -------------------------------------------


@dataclass(frozen=True)
class Hit:
    location: str
    title: str  # HTML: escaped text, <mark> around matches
    text: str  # HTML: an excerpt in <p>, escaped, <mark> around matches
    score: float
    terms: tuple[str, ...]  # the matches as the page writes them (Material's ?h= highlight)


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def query(text: str, read: Callable[[str], str], fold_map: dict[str, str]) -> list[list[Hit]]:
    """Result groups (one per page, best first) for a query; read(path under FOLDER) fetches a file."""
    parts = query_parts(fold(text, fold_map))
    if not parts:
        return []
    manifest = json.loads(read("manifest.json"))
    wanted = sorted({k for part in parts for k in part_keys(part)})
    title_keys = sorted({"#" + k for k in wanted})
    loaded: dict[int, dict[str, list[int]]] = {}
    for key in wanted + title_keys:
        shard = shard_of(key, manifest["shards"])
        if shard not in loaded:
            loaded[shard] = json.loads(read(f"shard-{shard}.json"))
    ids = [_ids(loaded[shard_of(k, manifest["shards"])].get(k, [])) for k in wanted]
    candidates = set.intersection(*ids)
    in_title = set.intersection(*(_ids(loaded[shard_of(k, manifest["shards"])].get(k, [])) for k in title_keys))
    starts = manifest["chunks"]
    per_chunk: dict[int, list[int]] = {}
    for number in candidates:
        per_chunk.setdefault(_chunk_of(number, starts), []).append(number)
    ranked = sorted(per_chunk, key=lambda c: (-len(in_title.intersection(per_chunk[c])), -len(per_chunk[c]), c))
    groups: dict[str, list[Hit]] = {}
    best: dict[str, tuple[float, int]] = {}
    titles: dict[str, str] = {}  # page -> title, for a group whose page itself did not match
    reports: dict[str, list[str]] = {}  # report folder -> [title, facts]
    for chunk in sorted(ranked[:MAX_CHUNKS]):
        data = json.loads(read(f"chunk-{chunk}.json"))
        for offset, row in enumerate(data["rows"]):
            number = starts[chunk] + offset
            titles.setdefault(row[0], row[1])
            hit = _hit(row, parts, fold_map) if number in candidates else None
            if hit:
                page = _page(hit.location)
                groups.setdefault(page, []).append(hit)
                best[page] = max(best.get(page, (0, 0)), (hit.score, -number))
        if "page" in data:
            titles.setdefault(data["page"][0], data["page"][1])
        reports.update(data.get("reports", {}))
    for page, hits in groups.items():  # every group shows its page, as Material's list expects
        if not any(h.location == page for h in hits):
            hits.append(Hit(page, html.escape(titles.get(page, page), quote=False), "", 0.0, ()))
        hits[:] = [_labelled(h, titles.get(page, ""), reports) if h.location == page else h for h in hits]
    order = sorted(groups, key=lambda p: (-best[p][0], -best[p][1]))[:MAX_PAGES]
    return [sorted(groups[p], key=lambda h: -h.score) for p in order]


def _labelled(hit: Hit, title: str, reports: dict[str, list[str]]) -> Hit:
    """The page's result with its report under the title: the report's title and "publisher ·
    year" (only these on the report's own index page, whose title is the report's)."""
    entry = reports.get(report_key(hit.location))
    if not entry:
        return hit
    label = entry[1] if title == entry[0] else " · ".join(x for x in entry if x)
    if not label:
        return hit
    return replace(hit, title=f'{hit.title}<span class="search-report">{html.escape(label, quote=False)}</span>')


def _ids(deltas: list[int]) -> set[int]:
    out, at = set(), 0
    for d in deltas:
        at += d
        out.add(at)
    return out


def _chunk_of(number: int, starts: list[int]) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if starts[mid] <= number:
            low = mid
        else:
            high = mid - 1
    return low


def _spans(folded: str, parts: list[str]) -> list[tuple[int, int]]:
    spans = []
    for part in parts:
        at = folded.find(part)
        while at >= 0:
            spans.append((at, at + len(part)))
            at = folded.find(part, at + len(part))
    return sorted(spans)


def _hit(row: list, parts: list[str], fold_map: dict[str, str]) -> Hit | None:
    location, title, text = row[0], row[1], row[2]
    boost = row[3] if len(row) > 3 else 1
    in_title, in_text = _spans(fold(title, fold_map), parts), _spans(fold(text, fold_map), parts)
    folded = fold(title + " " + text, fold_map)
    if not all(part in folded for part in parts):
        return None
    score = (TITLE_WEIGHT * len(in_title) + len(in_text)) * boost
    spans = in_text
    start = 0
    if spans:
        start = max(0, spans[0][0] - EXCERPT_BEFORE)
    end = min(len(text), start + EXCERPT_LENGTH)
    excerpt = ("…" if start else "") + _marked(text, spans, start, end) + ("…" if end < len(text) else "")
    terms = tuple(dict.fromkeys(s[a:b] for s, spans_ in ((title, in_title), (text, in_text)) for a, b in spans_))
    return Hit(location, _marked(title, in_title, 0, len(title)), f"<p>{excerpt}</p>" if text else "", score, terms)


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """text[start:end], escaped, with <mark> around the spans inside it (overlaps merged)."""
    out, at = [], start
    for a, b in spans:
        a, b = max(a, at), min(b, end)
        if a >= b:
            continue
        out += [html.escape(text[at:a], quote=False), "<mark>", html.escape(text[a:b], quote=False), "</mark>"]
        at = b
    out.append(html.escape(text[at:end], quote=False))
    return "".join(out)


def fetched(text: str, folder: Path, fold_map: dict[str, str]) -> dict[str, str]:
    """The index files (name -> text) a query in the browser fetches from `folder`, in order."""
    got: dict[str, str] = {}

    def read(name: str) -> str:
        got[name] = (folder / name).read_text(encoding="utf-8")
        return got[name]

    query(text, read, fold_map)
    return got
