"""Every sentence of every report reaches its pages, in every variant: straight from the seed file
for the source's own script (every line but the header and the chrome removed by listed rules),
from the converted text for the others. (The build already compares the model with the source;
this reads what readers get.)"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..decode import decode
from ..fidelity import body_texts
from ..model import Report
from ..parse.text import squash
from .base import Context, Result
from .pages import article_text

_SENTENCE_END = re.compile(r"(?<=[。；！？])")


def check(ctx: Context) -> Result:
    problems, counts, notes = [], {}, []
    for lang, folder in ctx.folders.items():
        for report in ctx.reports(lang):
            own = lang == report.source_lang
            sentences = _sentences(source_lines(ctx.root, report) if own else body_texts(report))
            text = squash("".join(article_text(p) for p in sorted((folder / report.slug).rglob("index.html"))))
            missing = [s for s in sentences if squash(s) not in text]
            counts[report.path] = counts.get(report.path, 0) + len(sentences)
            problems += [f"{report.path} ({lang}): not on its pages: 「{s.strip()[:40]}」" for s in missing[:5]]
            if own:
                notes.append(f"{report.path}: {len(sentences):,} sentences{_removed(report)}")
    if problems:
        failed = {p.split(" ")[0] for p in problems}
        return Result("fail", f"text missing from the pages of {len(failed)} report(s)", tuple(problems))
    total = sum(counts.values())
    return Result("ok", f"{total:,} sentences of {len(counts)} report(s) found on their pages", tuple(notes))


def _removed(report: Report) -> str:
    """What the converter removed from the seed by its listed rules (shown on the report's page)."""
    rules = sorted({r.rule for r in report.removed})
    return f"; {len(report.removed)} line(s) removed as page chrome ({', '.join(rules)})" if rules else ""


def source_lines(root: Path, report: Report) -> list[str]:
    """The seed's lines that are the report's body: all but the header and the removed chrome."""
    text = decode((root / report.path).read_bytes(), report.path, report.settings.encoding)
    skipped = {r.line for r in report.removed} | set(report.header_lines)
    return [line for n, line in enumerate(text.split("\n"), 1) if n not in skipped]


def _sentences(texts: Iterable[str]) -> list[str]:
    return [s for t in texts for s in _SENTENCE_END.split(t) if squash(s)]
