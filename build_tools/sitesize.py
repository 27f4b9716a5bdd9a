"""The size of the built site and of its largest parts, and the host's budget: `make site` ends
with `python -m build_tools size`, which stops (exit status 1) before anything is deployed when
site/ is over the budget. GitHub Pages refuses a published site over 1 GB.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .errors import ReportError
from .render import ALL_SITES

DEFAULT_BUDGET = "1GB"  # GitHub Pages' limit for a published site
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}


def parse_budget(text: str, where: str = "SITE_BUDGET") -> int:
    """'1GB', '500 MB', '1.5GiB' or a number of bytes."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*", text, re.I)
    if not found:
        raise ReportError(where, f"{text!r} is not a size", "write it as a number of bytes or as 500MB, 1GB, 2GiB")
    return int(float(found[1]) * _UNITS[(found[2] or "").upper()])


def part_of(rel: Path) -> str:
    """Which part of the site a file belongs to (its path relative to site/)."""
    parts = rel.parts[1:] if rel.parts and rel.parts[0] in ALL_SITES else rel.parts  # inside zh-Hans's site
    if rel.suffix == ".pdf":
        return "PDFs"
    if parts and parts[0] == "search":
        return "search index"
    if parts and parts[0] == "assets":
        return "assets (CSS, JS, fonts, images)"
    if rel.suffix == ".html":
        return "HTML pages"
    return "other (sitemaps, feeds, data)"


def measure(site: Path) -> tuple[int, int, Counter[str]]:
    """(bytes, files, bytes per part) of everything under site/."""
    sizes: Counter[str] = Counter()
    files = 0
    for path in site.rglob("*"):
        if path.is_file():
            files += 1
            sizes[part_of(path.relative_to(site))] += path.stat().st_size
    return sum(sizes.values()), files, sizes


def report(site: Path, budget: int) -> str:
    """The summary `make site` prints; raises ReportError when the site is over the budget."""
    if not site.is_dir():
        raise ReportError(str(site), "no built site here", "run `make site` first")
    total, files, sizes = measure(site)
    lines = [f"{site.name}/: {human(total)} in {files:,} files ({total / budget:.1%} of the {human(budget)} budget)"]
    lines += [f"  {part:<32} {human(size):>10}" for part, size in sizes.most_common()]
    if total > budget:
        largest = ", ".join(f"{part} {human(size)}" for part, size in sizes.most_common(3))
        raise ReportError(
            f"{site.name}/",
            f"{human(total)} is over the site's size budget of {human(budget)}; nothing should be deployed"
            f" (largest parts: {largest})",
            "GitHub Pages refuses a published site over 1 GB: publish fewer reports per site, or, for another"
            " host, set the budget with SITE_BUDGET (make site SITE_BUDGET=2GB)",
        )
    return "\n".join(lines)


def human(size: float) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.2f} GB"
