"""What an editor should look at before publishing, shown but not failing the checks: conversion
choices nobody has decided yet (the review lists the build writes to build/review/), and the
converter's warnings about reports it was unsure of.

Risk: an item with a `risk` field (the risk-ranked review list) counts as high when it says so;
until the lists carry one, every open item is shown. Warnings: a report's `warnings` (file:line
messages of the converter), when the document model carries them."""

from __future__ import annotations

import json

from .base import Context, Result

REVIEW = "build/review"
HIGH = ("high",)  # the `risk` values that count as high


def check(ctx: Context) -> Result:
    lines, open_items, high = [], 0, 0
    for path in sorted(p for p in (ctx.root / REVIEW).glob("*.json") if not p.name.startswith(".")):
        data = json.loads(path.read_text(encoding="utf-8"))
        undecided = [item for item in data["items"] if item.get("status") == "open"]
        risky = [item for item in undecided if item.get("risk") in HIGH]
        open_items, high = open_items + len(undecided), high + len(risky)
        if undecided:
            ranked = f", {len(risky)} high-risk" if any("risk" in item for item in undecided) else ""
            see = f".venv/bin/python -m build_tools review {data['report']} --target {data['target']} --open"
            lines.append(f"{data['report']} → {data['target']}: {len(undecided)} open{ranked} (see: {see})")
    if not open_items:
        return Result("ok", "no open conversion choice in any report")
    risk = f", {high} of them high-risk" if high else ""
    return Result("warn", f"{open_items} conversion choice(s) still open{risk}", tuple(lines))


def warnings(ctx: Context) -> Result:
    found = [str(w) for report in ctx.reports("zh-Hans") for w in getattr(report, "warnings", ())]
    if not found:
        return Result("ok", "no converter warning")
    return Result("warn", f"{len(found)} converter warning(s): check these places in the reports", tuple(found))
