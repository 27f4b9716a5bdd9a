"""The publication's checks: whatever seeds/ holds, is the built site/ fit to publish?

`make check` builds the site (strict) and runs `.venv/bin/python -m build_tools check`, which runs
every check in CHECKS on site/ and prints one line each (details below it), writes the same as
Markdown to build/check.md (the Pages workflow shows it on the run's page) and exits 1 when one
fails. A warning (open review items, converter warnings) does not stop a deploy.

A check is a function Context -> Result (base.py) in its own module. To add one, write it and
add it to _CHECKS; that is all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import render
from ..errors import ReportError
from ..pdfbuild import variant_site
from ..preview import built_for_address
from . import accessibility, alternates, builds, fidelity, links, review
from .base import Context, Result

REPORT = "build/check.md"
SHOWN = 12  # detail lines printed per check (all of them go to build/check.md)


def context(root: Path) -> Context:
    folders = {lang: variant_site(root, lang).dir for lang in render.ALL_SITES}
    if not (folders["zh-Hans"] / "index.html").is_file():
        raise ReportError("site/", "the site is not built", "run `make check` (it builds the site first)")
    return Context(root, built_for_address(root), folders)


# name, what it checks, the check: in the order they run and are shown
_CHECKS: list[tuple[str, str, Callable[[Context], Result]]] = [
    ("site", "strict builds of every variant, from the current seeds/ and site.yml", builds.check),
    ("fidelity", "every sentence of every report on its pages, in every variant", fidelity.check),
    ("links", "every link, asset and #anchor of the pages, sitemaps and search indexes", links.check),
    ("alternates", "canonical and hreflang links and the sitemaps agree", alternates.check),
    ("axe", "axe-core on a sample of pages, phone and desktop", accessibility.check),
    ("review", "conversion choices nobody has decided yet (review lists)", review.check),
    ("warnings", "where the converter was unsure (file:line)", review.warnings),
]
CHECKS = [name for name, _, _ in _CHECKS]


def run(root: Path, only: list[str] | None = None) -> int:
    """Run the checks (all, or the ones named), print and write the results; 1 if one failed."""
    unknown = sorted(set(only or ()) - set(CHECKS))
    if unknown:
        raise ReportError("check", f"no check named {', '.join(unknown)}", f"use one of {', '.join(CHECKS)}")
    ctx = context(root)
    results = [(name, about, check(ctx)) for name, about, check in _CHECKS if not only or name in only]
    print(f"Publication checks of site/ (built for {ctx.url}; {len(ctx.reports('zh-Hans'))} report(s))")
    for name, _, result in results:
        print(f"  {result.status:<5} {name:<11} {result.summary}")
        for line in result.details[:SHOWN]:
            print(f"        {line}")
        if len(result.details) > SHOWN:
            print(f"        … {len(result.details) - SHOWN} more in {REPORT}")
    failed = [name for name, _, r in results if r.status == "fail"]
    warned = [name for name, _, r in results if r.status == "warn"]
    verdict = _verdict(failed, warned)
    print(verdict)
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_text(_markdown(ctx, results, verdict), encoding="utf-8")
    return 1 if failed else 0


def _verdict(failed: list[str], warned: list[str]) -> str:
    if failed:
        return f"FAILED: {', '.join(failed)}. The site must not be published until these pass."
    note = f" ({len(warned)} with warnings: {', '.join(warned)})" if warned else ""
    return f"All checks passed{note}: the site can be published."


def _markdown(ctx: Context, results: list[tuple[str, str, Result]], verdict: str) -> str:
    marks = {"ok": "✅", "warn": "⚠️", "fail": "❌"}
    lines = [f"## Publication checks\n\nSite built for {ctx.url}\n", "| | check | result |", "|---|---|---|"]
    lines += [f"| {marks[r.status]} | {name}: {about} | {r.summary} |" for name, about, r in results]
    for name, _, r in results:
        if r.details:
            lines += ["", f"### {name}", "", *(f"- {_code(line)}" for line in r.details)]
    return "\n".join([*lines, "", f"**{verdict}**", ""])


def _code(line: str) -> str:
    return line.replace("|", "\\|")
