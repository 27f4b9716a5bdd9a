"""Find web-page chrome lines by the rules of data/chrome.yml. Returns removals; keeps nothing."""

from __future__ import annotations

import re

from .grammar import ChromeRule, Grammar
from .text import has_invisible, probe, squash


def find_chrome(lines: list[str], g: Grammar) -> dict[int, str]:
    """Line index -> rule id, for the rules that need no knowledge of title or body: first the
    rules for anywhere, then those for the page's foot (below the body's last sentence), then the
    separators that are chrome only beside chrome."""
    found: dict[int, str] = {}
    everywhere = [r for r in g.plain_chrome if r.where == "any" and not r.beside_chrome]
    _match_rules(lines, g, everywhere, found, 0)
    tail = [r for r in g.plain_chrome if r.where == "tail"]
    if tail:
        _match_rules(lines, g, tail, found, tail_start(lines, found, g))
    beside = [r for r in g.plain_chrome if r.beside_chrome]
    while beside and _match_beside(lines, beside, found):
        pass
    return found


def _match_rules(lines: list[str], g: Grammar, rules: list[ChromeRule], found: dict[int, str], start: int) -> None:
    any_rule = g.any_plain_chrome
    for i in range(start, len(lines)):
        text = probe(lines[i]) if i not in found else ""
        if not text or (any_rule and not any_rule.match(text)):  # most lines: no rule matches
            continue
        for rule in rules:
            if rule.line.match(text) and _apply(rule, lines, i, found, g):
                break


def _match_beside(lines: list[str], rules: list[ChromeRule], found: dict[int, str]) -> bool:
    """Mark the lines a beside-chrome rule matches next to chrome; True when one was marked."""
    more = False
    for i, line in enumerate(lines):
        text = probe(line) if i not in found else ""
        if not text:
            continue
        rule = next((r for r in rules if r.line.match(text)), None)
        if rule and (_neighbour(lines, i, -1) in found or _neighbour(lines, i, 1) in found):
            found[i] = rule.id
            more = True
    return more


def apply_lead_rules(lines: list[str], i: int, g: Grammar, found: dict[int, str]) -> bool:
    """The rules for the lines above the body (photo captions …), on line i; True if one applied."""
    text = probe(lines[i])
    return any(rule.line.match(text) and _apply(rule, lines, i, found, g) for rule in g.lead_chrome)


def tail_start(lines: list[str], found: dict[int, str], g: Grammar) -> int:
    """The index after the body's last sentence: the last line that ends a sentence or is longer
    than a link's title, and is not chrome."""
    for i in range(len(lines) - 1, -1, -1):
        text = probe(lines[i]) if i not in found else ""
        if text and (len(text) > g.tail_line_max or text.rstrip("”’」』）)")[-1:] in "。！？!?…"):
            return i + 1
    return 0


def find_repeats(lines: list[str], found: dict[int, str], g: Grammar, title: str, body_from: int) -> dict[int, str]:
    """Lines below the header that repeat the title, or repeat the body after the page's end."""
    end = _last_end_marker(lines, g)
    title = squash(title)  # once, not once a line
    body: str | None = None  # squashed once, when a line first needs it
    more: dict[int, str] = {}
    for i in range(body_from, len(lines)):
        text = probe(lines[i]) if i not in found else ""
        if not text:
            continue
        for rule in g.repeat_chrome:
            if rule.after_end and i <= end:
                continue
            m = rule.line.match(text)
            if not m:
                continue
            if rule.repeats == "body" and body is None:
                body = squash("".join(lines[k] for k in range(body_from, end) if k not in found))
            if _repeats(rule, m.groupdict().get("rest") or text, title, body or ""):
                more[i] = rule.id
                break
    return more


def _repeats(rule: ChromeRule, text: str, title: str, body: str) -> bool:
    """`title` and `body` squashed already."""
    if rule.repeats == "title":
        last = text.rstrip()[-1:]  # squash drops only spaces and invisibles: what else ends text ends the title
        if last != title[-1:] and not has_invisible(last):
            return False
        return squash(text) == title
    return squash(text) in body


def _apply(rule: ChromeRule, lines: list[str], i: int, found: dict[int, str], g: Grammar) -> bool:
    """Mark line i and the lines the rule takes with it; False when the rule does not apply here."""
    if rule.until is not None:
        stop = next((j for j in range(i + 1, len(lines)) if rule.until.match(probe(lines[j]))), None)
        if stop is None:
            return False
        for j in range(i, stop):
            found[j] = rule.id
        return True
    if rule.to_end:
        rest = [probe(line) for line in lines[i + 1 :]]
        if any(len(text) > g.tail_line_max for text in rest):
            return False
        found.update({j: rule.id for j in range(i, len(lines)) if probe(lines[j])})
        return True
    if rule.trail is not None:
        return _trail(rule, lines, i, found)
    found[i] = rule.id
    j = i + 1
    for pattern in rule.then:
        j = _skip_blank(lines, j)
        if j < len(lines) and pattern.match(probe(lines[j])):
            found[j] = rule.id
            j += 1
    if rule.following is not None:
        while (j := _skip_blank(lines, j)) < len(lines) and rule.following.match(probe(lines[j])):
            found[j] = rule.id
            j += 1
    if rule.through_paragraph:
        while j < len(lines) and probe(lines[j]):
            found[j] = rule.id
            j += 1
    return True


_HOME = ("首页", "网站首页")
_NOT_IN_A_CRUMB = re.compile("[，。；：！？,;:!?]")


def _trail(rule: ChromeRule, lines: list[str], i: int, found: dict[int, str]) -> bool:
    """A breadcrumb one item a line: 当前位置： / 首页 / > / 政务公开 / > / 要闻 (and 要闻 again)."""
    assert rule.trail is not None
    marked = [i]
    j = _skip_blank(lines, i + 1)
    if j < len(lines) and probe(lines[i]) not in _HOME and probe(lines[j]) in _HOME:
        marked.append(j)
        j = _skip_blank(lines, j + 1)
    last = None
    while j < len(lines) and rule.trail.match(probe(lines[j])):
        marked.append(j)
        k = _skip_blank(lines, j + 1)
        if k >= len(lines) or not _crumb(probe(lines[k]), rule):
            break
        marked.append(k)
        last = probe(lines[k])
        j = _skip_blank(lines, k + 1)
    if probe(lines[i]) in _HOME and len(marked) == 1:
        return False  # a bare 首页 is a breadcrumb only when a separator follows it
    if last is not None and j < len(lines) and probe(lines[j]) == last:
        marked.append(j)  # the column's title under its breadcrumb
    found.update({k: rule.id for k in marked})
    return True


def _crumb(text: str, rule: ChromeRule) -> bool:
    assert rule.trail is not None
    return len(text) <= 20 and not rule.trail.match(text) and not _NOT_IN_A_CRUMB.search(text)


def _neighbour(lines: list[str], i: int, step: int) -> int:
    """The index of the nearest non-blank line before (step -1) or after (+1) line i, or -1."""
    j = i + step
    while 0 <= j < len(lines) and not probe(lines[j]):
        j += step
    return j if 0 <= j < len(lines) else -1


def _skip_blank(lines: list[str], j: int) -> int:
    while j < len(lines) and not probe(lines[j]):
        j += 1
    return j


def _last_end_marker(lines: list[str], g: Grammar) -> int:
    for i in range(len(lines) - 1, -1, -1):
        text = probe(lines[i])
        for marker in g.end_markers:
            if marker.match(text):
                return i
    return len(lines)
