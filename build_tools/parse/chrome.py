"""Find web-page chrome lines by the rules of data/chrome.yml. Returns removals; keeps nothing."""

from __future__ import annotations

from .grammar import ChromeRule, Grammar
from .text import has_invisible, probe, squash


def find_chrome(lines: list[str], g: Grammar) -> dict[int, str]:
    """Line index -> rule id, for the rules that need no knowledge of title or body."""
    found: dict[int, str] = {}
    rules, any_rule = g.plain_chrome, g.any_plain_chrome
    for i, line in enumerate(lines):
        text = probe(line) if i not in found else ""
        if not text or (any_rule and not any_rule.match(text)):  # most lines: no rule matches
            continue
        for rule in rules:
            if rule.line.match(text):
                _apply(rule, lines, i, found)
                break
    return found


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


def _apply(rule: ChromeRule, lines: list[str], i: int, found: dict[int, str]) -> None:
    if rule.until is not None:
        stop = next((j for j in range(i + 1, len(lines)) if rule.until.match(probe(lines[j]))), None)
        if stop is None:
            return
        for j in range(i, stop):
            found[j] = rule.id
        return
    found[i] = rule.id
    j = i + 1
    for pattern in rule.then:
        j = _skip_blank(lines, j)
        if j < len(lines) and pattern.match(probe(lines[j])):
            found[j] = rule.id
            j += 1
    if rule.through_paragraph:
        while j < len(lines) and probe(lines[j]):
            found[j] = rule.id
            j += 1


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
