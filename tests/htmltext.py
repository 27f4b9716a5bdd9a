"""Visible text of built HTML pages, for tests that look for the report's sentences."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def main_text(path: Path) -> str:
    """Text of the page's article only (what the report says), without navigation."""
    html = path.read_text(encoding="utf-8")
    start = html.find("<article")
    end = html.find("</article>", start)
    parser = _Text()
    parser.feed(html[start:end])
    return "".join(parser.parts)
