"""Which OpenCC config makes each variant, and OpenCC with the project dictionary for it: the same
conversion for a report's text, its glossary terms, its cited titles and its review list."""

from __future__ import annotations

from . import dictionary
from .converter import Convert, converter
from .model import Report, Settings

SITE_CONFIGS = {"zh-Hant": "s2tw", "zh-HK": "s2hk"}  # the Traditional sites' default conversions (glossary)
REVERSE = {"s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}


def config_for(report: Report) -> str:
    """The OpenCC config a converted variant was made with."""
    if report.lang == "zh-HK":
        return "s2hk"
    return report.settings.hant_config if report.lang == "zh-Hant" else REVERSE[report.settings.hant_config]


def project_converter(config: str, settings: Settings) -> Convert:
    """OpenCC with the project dictionary and the report's own entries and locks: the same
    conversion for the report text, its glossary terms and its cited titles."""
    return converter(config, dictionary.pairs(config, settings))
