"""The review list as an editor reads it (build/review/<slug>.<variant>.md, `review` without --json):
the words to check first, each with why, OpenCC's text and the other reading, and the lines that
accept or correct it; then how many routine choices are folded away."""

from __future__ import annotations

import re

from . import risk
from .review import Check, Item, summary, to_check

_PLAIN_KEY = re.compile(r"[^\s:#{}\[\],&*?|<>=!%@`'\"-][^:#{}\[\],&*?|<>=!%@`'\"]*\Z")


def as_text(slug: str, config: str, lang: str, items: list[Item], only_open: bool = False, every: bool = False) -> str:
    """The list to read: open risky words first (only them with only_open); with `every`, then
    every one-to-many choice, routine or decided, in reading order."""
    checks = to_check(items)
    if only_open:
        return "\n".join(_check_table(checks, config)) + "\n"
    counts = summary(items)
    decided = counts["entry"] + counts["lock"] + counts["accepted"]
    lines = [f"# Review list: {slug} -> {lang} ({config})", ""]
    lines += [
        f"{counts['occurrences']} one-to-many choices: {decided} decided (entries {counts['entry']}, locks "
        f"{counts['lock']}, accepted {counts['accepted']}), {counts['open']} open, of which {counts['risky']} "
        f"risky: {counts['to_check']} word(s) to check.",
        "",
        *_HOW_TO.format(config=config).splitlines(),
        "",
    ]
    lines += [f"## To check: {len(checks)} word(s), most urgent first", "", *_check_table(checks, config), ""]
    routine = counts["open"] - counts["risky"]
    lines += [f"## Routine: {routine} open choice(s) no rule flags, and {decided} decided", ""]
    if not every:
        lines += ["Not listed here: `python -m build_tools review NAME --all` lists every choice.", ""]
        return "\n".join(lines)
    lines += [
        _row("status", "why", "place", "line", "source", "converted", "chosen", "alternatives", "how", "decided by"),
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for i in items:
        why = ", ".join(i.reasons)
        cells = (i.status, why, i.place, str(i.line), i.context, i.converted, f"{i.char}→{i.form}")
        lines.append(_row(*cells, " ".join(i.alternatives), i.how, i.by))
    return "\n".join(lines) + "\n"


def _check_table(checks: list[Check], config: str) -> list[str]:
    if not checks:
        return ["No risky choice is open."]
    says = risk.rules().says
    lines = [
        f"| # | why | source | OpenCC | other reading | where | accept ({config}) | or correct ({config}) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n, c in enumerate(checks, 1):
        why = f"{says[c.reason]} ({c.reason}; {c.how})"
        where = ", ".join(f"{i.place} (line {i.line})" for i in c.places[:3])
        where += f" and {len(c.places) - 3} more" if len(c.places) > 3 else ""
        correct = _entry(c.word, c.other) if c.other and " / " not in c.other else "pick one of the other readings"
        cells = (str(n), why, c.first.context, c.word_form, c.other, where, _entry(c.word, c.word_form), correct)
        lines.append(_row(*cells))
    return lines


def _entry(phrase: str, form: str) -> str:
    """A `phrase: form` line as it goes into a YAML file (quoted where YAML would misread it)."""
    return f"{_key(phrase)}: {_key(form)}"


def _key(text: str) -> str:
    return text if _PLAIN_KEY.match(text) else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


_HOW_TO = """\
Each row below is a word OpenCC may have converted wrongly: why it is flagged, the source around
the character (in 【】), OpenCC's text of the word and the other reading. Decide which is right:
- OpenCC's text is right: add the `accept` line under `{config}:` in build_tools/data/accepted.yml.
  It accepts that word, in that form, in every report (where the word stands as a word).
- the other reading (or another form) is right: add the `correct` line under `{config}:` in
  build_tools/data/conversion.yml (every report) or under `conversion:` in the report's settings
  (this report only). An entry must start where OpenCC's wrong phrase starts or before it.
Then build again: the word leaves this list."""
