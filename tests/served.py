"""A built site served over HTTP under a subpath (as GitHub Pages serves a project site), for browser
tests: build_tools/preview.py's server (`make preview`), in a thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_tools import preview
from build_tools.preview import COMPRESSED, free_port  # noqa: F401  (the tests' names for them)

SUBPATH = "/gov-reports/"  # the repository name under which GitHub Pages publishes the site


@contextmanager
def serve(site: Path, port: int = 0, compress: bool = False) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port by default); yield the site's URL (ending in SUBPATH)."""
    with preview.serve(site, SUBPATH, port, compress) as url:
        yield url
