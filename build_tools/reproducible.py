"""The build date of a reproducible site: from the reports, never from the clock."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .model import Report


def source_date_epoch(reports: list[Report]) -> int:
    """The newest report date (midnight UTC) in seconds since 1970, or 0 when none has a date:
    the build date MkDocs writes into the sitemap, so the same seeds give the same site."""
    return max((_epoch(r.date) for r in reports if r.date), default=0)


def _epoch(date: str) -> int:
    m = _DATE.match(date)
    try:
        return int(datetime(*(int(x) for x in m.groups()), tzinfo=UTC).timestamp()) if m else 0
    except ValueError:  # 2025-02-30 in a report is text, not a date to build with
        return 0


_DATE = re.compile(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})")
