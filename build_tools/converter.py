"""The only module that imports opencc: it turns a config name into a text -> text callable."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import opencc

Convert = Callable[[str], str]


@cache
def converter(config: str) -> Convert:
    """OpenCC with one of its shipped configs (s2tw, s2hk, tw2s, t2s …)."""
    return opencc.OpenCC(f"{config}.json").convert


def opencc_version() -> str:
    return str(getattr(opencc, "__version__", "unknown"))
