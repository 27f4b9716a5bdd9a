"""What an editor should look at before publishing, shown but not failing the checks: conversion
choices nobody has decided yet and English passages not (or no longer) translated (the review
lists the build writes to build/review/), and the converter's warnings about reports it was
unsure of.

Risk: the conversion lists mark each item `risky` (build_tools/risk.py); the open risky ones are
what an editor must read, the open routine ones are counted."""

from __future__ import annotations

import json
from typing import Any

from .. import notices
from .base import Context, Result

REVIEW = "build/review"


def check(ctx: Context) -> Result:
    lines, open_items, risky, english = [], 0, 0, 0
    for path in sorted(p for p in (ctx.root / REVIEW).glob("*.json") if not p.name.startswith(".")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "items" in data:  # a conversion's review list
            line, undecided, high = _conversion(data)
            open_items, risky = open_items + undecided, risky + high
        else:  # a translation's (translations/stage.py)
            line = _translation(data)
            english += bool(line)
        if line:
            lines.append(line)
    if not lines:
        return Result("ok", "no open conversion choice, no English passage left to translate or review")
    parts = [f"{open_items} conversion choice(s) still open, {risky} of them risky"] if open_items else []
    parts += [f"{english} English translation(s) not complete"] if english else []
    return Result("warn", "; ".join(parts), tuple(lines))


def _conversion(data: dict[str, Any]) -> tuple[str, int, int]:
    undecided = [item for item in data["items"] if item.get("status") == "open"]
    high = [item for item in undecided if item.get("risky")]
    if not undecided:
        return "", 0, 0
    see = f".venv/bin/python -m build_tools review {data['report']} --target {data['target']} --open"
    return (
        f"{data['report']} → {data['target']}: {len(undecided)} open, {len(high)} risky (see: {see})",
        len(undecided),
        len(high),
    )


def _translation(data: dict[str, Any]) -> str:
    units = data["units"]
    left = {"untranslated": units["untranslated"], "needing review": units["fuzzy"]}
    left["term misses"] = len(data["term_misses"])
    said = ", ".join(f"{n} {what}" for what, n in left.items() if n)
    see = ".venv/bin/python -m build_tools translations status --terms"
    return f"{data['slug']} → en ({data['catalogue']}): {said} (see: {see})" if said else ""


def warnings(ctx: Context) -> Result:
    found = [notices.text(w).replace("\n  ", " — ") for w in notices.of_reports(ctx.reports("zh-Hans"))]
    if not found:
        return Result("ok", "no converter warning")
    return Result("warn", f"{len(found)} converter warning(s): check these places in the reports", tuple(found))
