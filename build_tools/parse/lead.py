"""Where the report starts: its title, front matter and metadata, above the body.

The lines from the top of the file are read one by one until the first line that is none of:
chrome (data/chrome.yml, with the rules for the lines above the body), a header line (metadata,
date, source: header.py), a front-matter line (subtitle, speaker, issuer: header.yml `front`)
or a title-like line. That line starts the body. The title is then chosen among the title-like
lines: the first that ends in a document genre (报告, 通知 …), joined with the line above it
when the title was wrapped; else the first title-like line, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import FrontLine, MetaField, Notice, Settings
from .chrome import apply_lead_rules
from .grammar import Front, Grammar
from .header import Found, header_line
from .headings import is_heading
from .text import join_lines, keep_invisible, probe, squash

_LEAD_LINES = 60  # non-blank lines: a lead longer than this has no title to find


@dataclass(frozen=True)
class Lead:
    title: str | None
    title_lines: tuple[int, ...]  # indexes
    front: tuple[FrontLine, ...]
    metadata: tuple[MetaField, ...]
    date: str | None
    time: str | None
    source: str | None
    header: tuple[int, ...]  # indexes of the title and header lines
    front_lines: tuple[int, ...]  # indexes of the front lines (a wrapped subtitle has two)
    removed: dict[int, str]
    body_from: int  # index
    warnings: tuple[Notice, ...]


@dataclass
class _Item:
    kind: str  # title-like | subtitle | speaker | issuer
    lines: list[int]  # indexes
    text: str
    strong: bool = False  # a title-like line that ends in a document genre


@dataclass
class _Walk:
    items: list[_Item] = field(default_factory=list)
    found: Found = field(default_factory=Found)
    removed: dict[int, str] = field(default_factory=dict)
    end: int = 0


def find_lead(lines: list[str], removed: dict[int, str], g: Grammar, settings: Settings) -> Lead:
    walk = _walk(lines, removed, g, settings)
    warnings: list[Notice] = []
    chosen = _choose_title(walk.items, g.wrap_min, warnings)
    title_item = walk.items[chosen] if chosen is not None else None
    body_from = _body_from(walk, chosen, settings)
    front, front_lines = _sort_items(walk, chosen, body_from, warnings)
    title = title_item.text if title_item else None
    title_lines = tuple(title_item.lines) if title_item else ()
    if settings.title and title_item and squash(settings.title) != squash(title_item.text):
        # the editor's title wins; the printed one stays on the page as front matter
        front.insert(0, FrontLine("title", title_item.text, title_item.lines[0] + 1))
        front_lines += title_item.lines
        title, title_lines = settings.title, ()
    elif settings.title:
        title = settings.title
    if title_item and title_lines:
        _warn_chrome_above(title_item.lines[0], {**removed, **walk.removed}, warnings)
    found = walk.found
    return Lead(
        title=title,
        title_lines=title_lines,
        front=tuple(front),
        metadata=tuple(found.metadata),
        date=found.date,
        time=found.time,
        source=found.source,
        header=tuple(sorted({*title_lines, *found.lines})),
        front_lines=tuple(sorted(front_lines)),
        removed=walk.removed,
        body_from=body_from,
        warnings=tuple(warnings),
    )


def _walk(lines: list[str], removed: dict[int, str], g: Grammar, settings: Settings) -> _Walk:
    """Classify the lines above the body; stop at the first line that is none of the lead's."""
    walk = _Walk()
    stop = settings.body_from - 1 if settings.body_from else len(lines)
    assert g.front is not None
    i, seen = 0, 0
    while i < min(stop, len(lines)):
        text = probe(lines[i])
        if not text or i in removed or i in walk.removed:
            i += 1
            continue
        seen += 1
        if seen > _LEAD_LINES and not settings.body_from:
            break
        skip = {*removed, *walk.removed}
        if apply_lead_rules(lines, i, g, walk.removed) or header_line(lines, i, skip, g, walk.found):
            i = max(i, *walk.found.lines, *walk.removed) + 1 if walk.found.lines or walk.removed else i + 1
            continue
        item = _front_item(lines, i, text, g, g.front, walk)
        if item is None and not settings.body_from:
            break
        walk.items.append(item or _Item("lead", [i], text))
        i = item.lines[-1] + 1 if item else i + 1
    walk.end = i
    return walk


def _front_item(lines: list[str], i: int, text: str, g: Grammar, front: Front, walk: _Walk) -> _Item | None:
    kinds = [item.kind for item in walk.items]
    if _subtitle(text, g, front) and kinds.count("subtitle") < 2:
        j = i + 1
        nxt = probe(lines[j]) if j < len(lines) else ""
        if not front.subtitle_end.fullmatch(text) and nxt and len(nxt) <= 40 and front.subtitle_end.fullmatch(nxt):
            return _Item("subtitle", [i, j], join_lines([_kept(lines[i], text), _kept(lines[j], nxt)]))
        return _Item("subtitle", [i], _kept(lines[i], text))
    if "speaker" not in kinds and front.speaker.fullmatch(text):
        return _Item("speaker", [i], _kept(lines[i], text))
    bare_name = front.name.fullmatch(text) and text not in front.not_names
    if bare_name and "subtitle" in kinds and "speaker" not in kinds:
        return _Item("speaker", [i], _kept(lines[i], text))
    if any(item.strong for item in walk.items) and front.issuer.fullmatch(text):
        return _Item("issuer", [i], _kept(lines[i], text))
    if title_like(text, g) and not is_heading(text, g):
        return _Item("title-like", [i], _kept(lines[i], text), strong=bool(g.genres.fullmatch(text)))
    return None


def _subtitle(text: str, g: Grammar, front: Front) -> bool:
    return text[-1] not in g.sentence_ends and any(p.fullmatch(text) for p in front.subtitles)


def title_like(text: str, g: Grammar) -> bool:
    return len(text) <= g.title_max and text[-1] not in g.title_not_ending and "\t" not in text


def _choose_title(items: list[_Item], wrap_min: int, warnings: list[Notice]) -> int | None:
    """The index in `items` of the title (a wrapped title's two lines joined into one item)."""
    titles = [k for k, item in enumerate(items) if item.kind == "title-like"]
    strong = next((k for k in titles if items[k].strong), None)
    if strong is not None:
        above = items[strong - 1] if strong else None
        below = items[strong]
        adjacent = above is not None and above.lines[-1] == below.lines[0] - 1
        if above and adjacent and above.kind == "title-like" and not above.strong and len(above.text) >= wrap_min:
            # a wrapped title: its first line, right above, has no genre at its end
            text = join_lines([above.text, below.text])
            items[strong - 1 : strong + 1] = [_Item("title-like", above.lines + below.lines, text, strong=True)]
            return strong - 1
        return strong
    if not titles:
        return None
    k = titles[0]
    warnings.append(
        Notice(
            items[k].lines[0] + 1,
            f"title 「{items[k].text}」 chosen from this line: it does not end in a document genre (报告, 通知 …)",
            "if it is not the title, set `title:` in the report's settings file",
        )
    )
    return k


def _body_from(walk: _Walk, chosen: int | None, settings: Settings) -> int:
    """Index of the first body line: where the walk stopped, or earlier when a title-like line
    after the title (neither a repeat nor another printed title) is only followed by more such
    lines: it is the body's first line (an unnumbered heading, a short first paragraph)."""
    if settings.body_from or chosen is None:
        return walk.end
    after = walk.items[chosen + 1 :]
    for k, item in enumerate(after):
        if item.kind == "title-like" and not item.strong and all(x.kind == "title-like" for x in after[k:]):
            if not walk.found.lines or max(walk.found.lines) < item.lines[0]:
                del walk.items[chosen + 1 + k :]
                return item.lines[0]
    return walk.end


def _sort_items(
    walk: _Walk, chosen: int | None, body_from: int, warnings: list[Notice]
) -> tuple[list[FrontLine], list[int]]:
    """The front lines of the lead's items, and the indexes of their lines; repeats become chrome."""
    front: list[FrontLine] = []
    lines_of: dict[int, list[int]] = {}
    title = squash(walk.items[chosen].text) if chosen is not None else None
    seen: set[str] = set()
    for k, item in enumerate(walk.items):
        if k == chosen or item.lines[0] >= body_from:
            continue
        key = squash(item.text)
        if key == title or (item.kind != "title-like" and key in seen):
            rule = "repeated-title" if key == title else "repeated-headline"
            walk.removed.update({i: rule for i in item.lines})
            continue
        kind = "title" if item.kind == "title-like" and item.strong else item.kind
        if item.kind == "title-like" and (chosen is None or k < chosen or not item.strong):
            kind = "lead"
            where = "above the title" if chosen is not None and k < chosen else "above the body"
            warnings.append(
                Notice(
                    item.lines[0] + 1,
                    f"「{item.text}」 {where} is kept as front matter: no rule says what it is",
                    "if it is page chrome, add a rule to build_tools/data/chrome.yml; "
                    "if the body starts here, set `body_from:` in the report's settings file",
                )
            )
        front.append(FrontLine(kind, item.text, item.lines[0] + 1))
        lines_of[item.lines[0]] = item.lines
        seen.add(key)
    # a repeat of a later front line above the title (a share card's title and description)
    later = {squash(f.text) for f in front if chosen is not None and f.line - 1 > walk.items[chosen].lines[0]}
    kept, kept_lines = [], []
    for f in front:
        if chosen is not None and f.line - 1 < walk.items[chosen].lines[0] and squash(f.text) in later:
            walk.removed.update({i: "repeated-headline" for i in lines_of[f.line - 1]})
        else:
            kept.append(f)
            kept_lines += lines_of[f.line - 1]
    return kept, kept_lines


def _warn_chrome_above(title_line: int, removed: dict[int, str], warnings: list[Notice]) -> None:
    above = sorted(i for i in removed if i < title_line)
    if not above:
        return
    rules = ", ".join(dict.fromkeys(removed[i] for i in above))
    span = f"line {above[0] + 1}" if len(above) == 1 else f"lines {above[0] + 1}–{above[-1] + 1}"
    warnings.append(
        Notice(
            title_line + 1,
            f"title found on line {title_line + 1}; {span} above it removed as page chrome ({rules})",
            "check the removed lines with `outline`; set `body_from:` or `title:` in the settings if they were wrong",
        )
    )


def _kept(line: str, text: str) -> str:
    return keep_invisible(line, [text])[0]
