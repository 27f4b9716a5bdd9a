"""axe-core (pinned in package.json, `npm ci`) in Debian's chromium on a sample of pages: the home
and glossary pages, and the index and first part of up to SAMPLE reports (the first, the last
and one between, in home-page order), in every variant that has them, at phone and desktop size.
A serious or critical violation fails. The site is served as Pages serves it (preview.py)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..preview import mount_of, serve
from .base import Context, Result

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"  # the tool's (npm ci)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SAMPLE = 3
SERIOUS = ("serious", "critical")


def check(ctx: Context) -> Result:
    axe = AXE
    if not axe.is_file() or not Path(CHROMIUM).is_file():
        hint = "`make check` installs both (npm ci; chromium through build_tools/system_deps.sh test)"
        return Result("fail", f"cannot run axe: {AXE} or {CHROMIUM} is missing", (hint,))
    pages = sample(ctx)
    # in a thread of its own: Playwright's sync API refuses a thread that runs an asyncio loop
    # (a caller's, or another Playwright session's, as in the test suite)
    with ThreadPoolExecutor(1) as thread:
        problems = thread.submit(_run, ctx, pages, axe).result()
    if problems:
        return Result("fail", f"{len(problems)} serious or critical problem(s) on {len(pages)} pages", tuple(problems))
    return Result("ok", f"no serious or critical problem on {len(pages)} pages at phone and desktop size")


def _run(ctx: Context, pages: list[str], axe: Path) -> list[str]:
    from playwright.sync_api import sync_playwright  # only here: the converter never needs a browser

    problems = []
    with serve(ctx.site, mount_of(ctx.url)) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for rel in pages:
                page.goto(served + rel)
                problems += [f"{rel or 'home'} ({name}): {v}" for v in violations(page, axe)]
            context.close()
        browser.close()
    return problems


def sample(ctx: Context) -> list[str]:
    """Page paths under the site's top: home and glossary, and a few reports' index and first part."""
    reports = ctx.reports("zh-Hans")
    chosen = list(dict.fromkeys(reports[i] for i in (0, len(reports) // 2, -1))) if reports else []
    paths = ["", "glossary/"]
    for report in chosen[:SAMPLE]:
        paths.append(f"{report.slug}/")
        if report.sections:
            paths.append(f"{report.slug}/{report.sections[0].id}/")
    out = []
    for lang, folder in ctx.folders.items():
        out += [ctx.prefix(lang) + rel for rel in paths if (folder / rel / "index.html").is_file()]
    return out


def violations(page: object, axe: Path) -> list[str]:
    """axe-core's serious and critical violations on the page, as `rule (impact): targets`."""
    page.add_script_tag(path=str(axe))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
