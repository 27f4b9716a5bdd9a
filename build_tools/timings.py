"""Seconds per stage of one build, for `convert --timings` and the benchmarks.

Always measured (a clock read per stage costs nothing next to the stage), printed only when asked.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds, summed over its runs
    counts: dict[str, int] = field(default_factory=dict)  # stage -> how many times it ran
    last: float = field(init=False)  # where the next lap starts

    def __post_init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        """The time since the previous lap (or since this clock was made) goes to `name`."""
        now = time.perf_counter()
        self._add(name, now - self.last)
        self.last = now

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """The time spent inside the `with` goes to `name` (a part of a lap, or apart from laps)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self._add(name, time.perf_counter() - start)

    def _add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.counts[name] = self.counts.get(name, 0) + 1

    def text(self) -> str:
        """One line: `timings: convert 0.120 s (1×), cache 0.803 s (999×), …` in the order run."""
        parts = [f"{name} {s:.3f} s ({self.counts[name]}×)" for name, s in self.seconds.items()]
        return "timings: " + ", ".join(parts)
