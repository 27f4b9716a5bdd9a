"""Browser fixtures: Debian's chromium driven by Playwright, against the built site served under a subpath.

Never `playwright install`: the browser is the system's /usr/bin/chromium (build_tools/system_deps.sh).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from served import SUBPATH, free_port, serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for and served at http://127.0.0.1:PORT/gov-reports/ (a free port), as GitHub
    Pages would serve it with SITE_URL set: absolute URLs in the pages lead back to this server."""
    from conftest import build_project

    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    site = build_project(tmp_path_factory.mktemp("served"), env={"SITE_URL": url})
    with serve(site, port=port) as served:
        assert served == url
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: run `make system-deps` (installs chromium) or set CHROMIUM=/path")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: object) -> Iterator[object]:
    """new_page(viewport=PHONE, **context options) -> a page in a fresh context (fresh storage)."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, **options: object) -> object:
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
