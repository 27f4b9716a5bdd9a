"""Reading built pages: their links, ids, head links and visible text; which pages a variant has."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from .. import render


@dataclass
class Parsed:
    refs: list[str] = field(default_factory=list)  # href/src of links, assets and scripts, in order
    ids: set[str] = field(default_factory=set)  # every id and name: what an #anchor may name
    links: list[dict[str, str]] = field(default_factory=list)  # <link> attributes (canonical, alternate …)
    text: list[str] = field(default_factory=list)  # visible text of the <article>


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Parsed()
        self._skip = 0  # inside script or style
        self._article = 0  # inside the page's <article>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag != "meta" else ():
            if a.get(key):
                self.page.ids.add(a[key])
        if tag in ("a", "link") and a.get("href"):
            self.page.refs.append(a["href"])
        if tag in ("script", "img", "source") and a.get("src"):
            self.page.refs.append(a["src"])
        if tag == "link":
            self.page.links.append(a)
        self._skip += tag in ("script", "style")
        self._article += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "article" and self._article:
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._article and not self._skip:
            self.page.text.append(data)


def parse(path: Path) -> Parsed:
    """A built page, read once while it is unchanged (several checks read the same pages)."""
    info = path.stat()
    return _parse(path, info.st_mtime_ns, info.st_size)


@cache
def _parse(path: Path, mtime: int, size: int) -> Parsed:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def article_text(path: Path) -> str:
    """The visible text of the page's article: what the report says, without navigation."""
    return "".join(parse(path).text)


def variant_pages(folder: Path) -> list[str]:
    """The page URLs (relative, directory URLs: "", "slug/", "slug/part-1/") of one variant's
    site folder, without the other variants' folders inside it and without 404.html."""
    others = set(render.ALL_SITES)
    out = []
    for page in sorted(folder.rglob("index.html")):
        rel = page.parent.relative_to(folder).as_posix()
        if rel.split("/")[0] in others:
            continue
        out.append("" if rel == "." else rel + "/")
    return out
