"""What a check looks at (Context) and what it finds (Result)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import pipeline
from ..built import Built
from ..model import Report
from ..translations.english import LANG as ENGLISH


@dataclass(frozen=True)
class Result:
    status: str  # "ok", "warn" (shown, does not fail) or "fail"
    summary: str
    details: tuple[str, ...] = ()


@dataclass
class Context:
    """What the checks look at: the project, its built site and the address it was built for."""

    root: Path
    url: str  # the site's address as built (ends in /)
    folders: dict[str, Path] = field(default_factory=dict)  # variant -> its folder in site/

    @cached_property
    def built(self) -> Built:
        """Every report in every variant, as the build made them (from the conversion cache)."""
        return pipeline.build(self.root, write=False, keep_going=True)

    @property
    def site(self) -> Path:
        return self.folders["zh-Hans"]

    def reports(self, lang: str) -> list[Report]:
        """The reports of a variant; for English, the reports with a translation, in English."""
        if lang == ENGLISH:
            return self.built.english.reports if self.built.english else []
        return self.built.reports[lang]

    def has_pdf(self, lang: str, report: Report) -> bool:
        """Whether the build makes this report's PDF in this variant: always, but in English only
        for a complete translation."""
        if lang != ENGLISH or not self.built.english:
            return lang != ENGLISH
        return any(e.report.slug == report.slug and e.status.complete for e in self.built.english.englishes)

    def variant_url(self, lang: str) -> str:
        return self.url + self.prefix(lang)

    def prefix(self, lang: str) -> str:
        """The variant's folder relative to the site's top ("" or "zh-Hant/")."""
        rel = self.folders[lang].relative_to(self.site).as_posix()
        return "" if rel == "." else rel + "/"
