"""The converter scored against outlines read by eye from real documents (tests/README.md).

tests/corpus_expected/<stem>.json holds the true outline of ../shared/corpus/<file>: title, chrome
lines, metadata, front matter, annexes, headings and notes, by source line number. Two kinds of test:

- the expected files themselves follow the contract (always; the text checks need the corpus);
- `outline FILE --json` is scored against them, one table row per file (run with -s or -rA to
  see the table); the targets are checked only when TARGETS_ENFORCED is on.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ROOT

# On since the converter meets the targets on all 29 files (issue 13). Off, the score test would
# report its misses as an expected failure instead of failing.
TARGETS_ENFORCED = True

EXPECTED = Path(__file__).parent / "corpus_expected"
EXPECTED_STEMS = sorted(p.stem for p in EXPECTED.glob("*.json"))
# Files whose rules must be written without looking at them (the contract's held-out set).
HELD_OUT = {"hubei", "jilin", "shandong", "tianjin", "tibet", "xinjiang"}
LEVELS = (1, 2, 3, 4)  # table columns; a deeper heading is counted under L4
TARGET_HEADINGS, TARGET_CHROME = 0.98, 0.95
FRONT_KINDS = {"subtitle", "speaker", "salutation", "doc-title"}
KEYS = {"file", "title", "title_lines", "chrome", "metadata", "front", "annexes", "headings", "remarks"}
OPTIONAL_KEYS = {"notes", "settings"}
SENTENCE = re.compile(r"[^。！？；]+[。！？；]*|[。！？；]+")
WHITESPACE = re.compile(r"\s+")


def load(stem: str) -> dict[str, Any]:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


def source_lines(expected: dict[str, Any]) -> list[str]:
    path = CORPUS / expected["file"]
    if not path.is_file():
        pytest.skip(f"corpus document {expected['file']} not found in {CORPUS} (no shared corpus beside the checkout)")
    return path.read_text(encoding="utf-8").split("\n")


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


# --- the expected files follow the contract -------------------------------------------------------


@pytest.mark.parametrize("stem", EXPECTED_STEMS)
def test_expected_file_shape(stem: str) -> None:
    e = load(stem)
    assert KEYS <= set(e) <= KEYS | OPTIONAL_KEYS, f"{stem}: keys {sorted(set(e) ^ KEYS)}"
    assert Path(e["file"]).stem == stem, f"{stem}: file {e['file']} is another document"
    assert e["title"].strip() and isinstance(e["remarks"], str) and e["remarks"].strip()
    assert e["title_lines"] or e.get("settings", {}).get("title") == e["title"], (
        f"{stem}: a title with no source line must come from the settings"
    )
    for key in ("title_lines", "chrome", "metadata"):
        assert e[key] == sorted(set(e[key])), f"{stem}: {key} not sorted or repeated"
    assert all(f["kind"] in FRONT_KINDS for f in e["front"]), f"{stem}: front kinds must be one of {FRONT_KINDS}"
    assert all({"line", "label", "title"} == set(a) for a in e["annexes"])
    lines = [h["line"] for h in e["headings"]]
    assert lines == sorted(set(lines)), f"{stem}: headings not in source order"
    roles = [
        *e["title_lines"],
        *e["chrome"],
        *e["metadata"],
        *(f["line"] for f in e["front"]),
        *(a["line"] for a in e["annexes"]),
        *lines,
    ]
    assert len(roles) == len(set(roles)), f"{stem}: a line has two roles"
    _check_levels(stem, e)
    if "notes" in e:
        n = e["notes"]
        assert set(n) == {"list_line", "entries", "markers"} and n["entries"] > 0 and n["markers"] >= 0


def _check_levels(stem: str, e: dict[str, Any]) -> None:
    """Levels start at 1 in each container and never skip one; each heading lies in its container
    (the body before the first annex, annex N from its line to the next annex's)."""
    starts = [a["line"] for a in e["annexes"]]
    assert starts == sorted(starts), f"{stem}: annexes not in source order"
    bounds = list(zip([0, *starts], [*starts, 10**9], strict=True))  # [body, annex 1, annex 2, …]
    previous: dict[int | None, int] = {}
    for h in e["headings"]:
        annex = h["annex"]
        assert annex is None or 1 <= annex <= len(starts), f"{stem}:{h['line']}: no annex {annex}"
        low, high = bounds[annex or 0]
        assert low < h["line"] < high, f"{stem}:{h['line']}: outside its container"
        assert 1 <= h["level"] <= previous.get(annex, 0) + 1, f"{stem}:{h['line']}: level {h['level']} skips one"
        previous[annex] = h["level"]


@pytest.mark.parametrize("stem", EXPECTED_STEMS)
def test_expected_file_matches_its_text(stem: str) -> None:
    e = load(stem)
    text = source_lines(e)
    n = len(text)

    def line(k: int) -> str:
        assert 1 <= k <= n, f"{stem}: line {k} is out of range 1..{n}"
        return text[k - 1]

    for key in ("title_lines", "chrome", "metadata"):
        for k in e[key]:
            assert line(k).strip(), f"{stem}:{k}: a blank line listed in {key}"
    for f in e["front"]:
        assert line(f["line"]).strip(), f"{stem}:{f['line']}: blank front line"
    if e["title_lines"]:
        assert squeeze("".join(line(k).strip() for k in e["title_lines"])) == squeeze(e["title"]), (
            f"{stem}: title lines do not read {e['title']}"
        )

    def starting_at(k: int, wanted: str) -> str:
        """The text from line k on: the line alone, or with the next one when the heading or annex is
        broken over two lines (yunnan's （ / 三）…; an annex label with its title on the next line)."""
        alone = squeeze(line(k))
        return alone if alone.startswith(wanted) or k == n else alone + squeeze(line(k + 1))

    for a in e["annexes"]:
        label_and_title = squeeze(a["label"] + a["title"])
        assert starting_at(a["line"], label_and_title).startswith(label_and_title), f"{stem}:{a['line']}: annex text"
    for h in e["headings"]:
        heading = squeeze(h["number"] + h["title"])
        assert heading, f"{stem}:{h['line']}: a heading with neither number nor title"
        assert starting_at(h["line"], heading).startswith(heading), (
            f"{stem}:{h['line']}: heading {h['number']}{h['title']} is not what the line says"
        )
    if "notes" in e:
        assert 1 <= e["notes"]["list_line"] <= n


# --- reading `outline --json`: the one place that knows its shape ----------------------------------


@dataclass(frozen=True)
class Heading:
    line: int
    depth: int  # 1 = top level of its container (the body, or an annex)
    annex: int | None  # 1-based index of the annex that holds it, None in the body
    number: str
    title: str


def flatten(outline: dict[str, Any]) -> list[Heading]:
    """Every section of the outline with its depth in its container (body, or annex N). The body's
    parts and the attachments are all top-level sections; an attachment (kind "annex" or "notes")
    is a container, not a heading: its children are its own top level."""
    found: list[Heading] = []

    def walk(sections: list[dict[str, Any]], depth: int, annex: int | None) -> None:
        for s in sections:
            found.append(Heading(s["line"], depth, annex, s["number"], s["title"]))
            walk(s["children"], depth + 1, annex)

    index = 0
    for top in outline["sections"]:
        if top.get("kind", "part") == "part":
            walk([top], 1, None)
        else:
            index += 1
            walk(top["children"], 1, index)
    return found


def texts(outline: dict[str, Any]) -> list[str]:
    """Every text the outline keeps: title, header values and the body (not the removed lines)."""
    return [outline["title"], *header_values(outline), *body_texts(outline)]


def body_texts(outline: dict[str, Any]) -> list[str]:
    """The report's kept text: front matter, preamble, headings (number and title as one text; an
    attachment's label and title), paragraphs (a note list's entries among them)."""
    kept = [f["text"] for f in outline.get("front", [])] + list(outline["preamble"])

    def walk(sections: list[dict[str, Any]]) -> None:
        for s in sections:
            kept.append(s["number"] + s["title"])
            kept.extend(s["paragraphs"])
            walk(s["children"])

    walk(outline["sections"])
    return kept


def header_values(outline: dict[str, Any]) -> list[str]:
    """Values the outline took into its header (metadata, date, time, source)."""
    return [v for v in (*outline["metadata"].values(), outline["date"], outline["time"], outline["source"]) if v]


def removed_lines(outline: dict[str, Any]) -> set[int]:
    return {r["line"] for r in outline["removed"]}


def annex_lines(outline: dict[str, Any]) -> list[int] | None:
    """The heading lines of the outline's annexes (its top-level sections that are not parts)."""
    return [s["line"] for s in outline["sections"] if s.get("kind", "part") != "part"]


def note_count(outline: dict[str, Any]) -> int | None:
    """How many notes the outline has, or None when its shape has no notes yet."""
    return len(outline["notes"]) if "notes" in outline else None


# --- scoring ----------------------------------------------------------------------------------------


@dataclass
class Score:
    stem: str
    error: str = ""
    title: str = ""  # what the outline says, for the row
    title_right: bool = False
    levels: dict[int, tuple[int, int]] = field(default_factory=dict)  # level: (found, expected)
    sentences: tuple[int, int] = (0, 0)
    chrome: tuple[int, int] = (0, 0)
    extra_headings: int = 0
    annexes: tuple[int | None, int] | None = None  # information only, like notes
    notes: tuple[int | None, int] | None = None

    def misses(self) -> list[str]:
        out = [self.error] if self.error else []
        if not self.title_right:
            out.append(f"title {self.title!r}")
        out += [f"L{k} headings {f}/{x}" for k, (f, x) in self.levels.items() if x and f / x < TARGET_HEADINGS]
        if self.sentences[0] < self.sentences[1]:
            out.append(f"body sentences {self.sentences[0]}/{self.sentences[1]}")
        found, expected = self.chrome
        if expected and found / expected < TARGET_CHROME:
            out.append(f"chrome {found}/{expected}")
        return out


def run_outline(expected: dict[str, Any], work: Path) -> tuple[dict[str, Any] | None, str]:
    """`python -m build_tools outline FILE --json`; a file with `settings` is run from a copy beside them."""
    path = CORPUS / expected["file"]
    if "settings" in expected:
        copy = work / path.name
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        settings = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in expected["settings"].items())
        copy.with_suffix(".yml").write_text(settings, encoding="utf-8")
        path = copy
    run = subprocess.run(
        [sys.executable, "-m", "build_tools", "outline", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        said = (run.stderr.strip() or run.stdout.strip() or f"exit status {run.returncode}").splitlines()
        first = said[-1] if said[0].startswith("Traceback") else said[0]
        return None, first.removeprefix("error: ").replace(f"{path}:", "line ")
    return json.loads(run.stdout), ""


def sentences(text: str) -> list[str]:
    return [s for s in (squeeze(p) for p in SENTENCE.findall(text)) if s]


def score(expected: dict[str, Any], lines: list[str], outline: dict[str, Any] | None, error: str = "") -> Score:
    """One row: `lines` is the source text, `outline` what `outline --json` printed (None: it failed)."""
    s = Score(Path(expected["file"]).stem, error=error)
    by_level: dict[int, int] = {}
    for h in expected["headings"]:
        level = min(h["level"], LEVELS[-1])
        by_level[level] = by_level.get(level, 0) + 1
    s.levels = {k: (0, by_level.get(k, 0)) for k in LEVELS}
    left_out = set(expected["chrome"]) | set(expected["metadata"])
    wanted = [p for k, t in enumerate(lines, 1) if k not in left_out for p in sentences(t)]
    s.sentences = (0, len(wanted))
    s.chrome = (0, len(left_out))
    if expected["annexes"]:
        s.annexes = (None, len(expected["annexes"]))
    if "notes" in expected:
        s.notes = (None, expected["notes"]["entries"])
    if outline is None:
        return s
    s.title = outline["title"]
    s.title_right = squeeze(outline["title"]) == squeeze(expected["title"])
    got = {(h.line, h.depth, h.annex) for h in flatten(outline)}
    want = {(h["line"], h["level"], h["annex"]) for h in expected["headings"]}
    hits = [min(key[1], LEVELS[-1]) for key in want & got]
    s.levels = {k: (hits.count(k), by_level.get(k, 0)) for k in LEVELS}
    s.extra_headings = len(got - want)
    haystack = squeeze("".join(texts(outline)))
    counts: dict[str, int] = {}
    for p in wanted:
        counts[p] = counts.get(p, 0) + 1
    s.sentences = (sum(min(k, haystack.count(p)) for p, k in counts.items()), len(wanted))
    s.chrome = (sum(_left(k, expected, lines, outline) for k in sorted(left_out)), len(left_out))
    if expected["annexes"] and (found := annex_lines(outline)) is not None:
        s.annexes = (len({a["line"] for a in expected["annexes"]} & set(found)), len(expected["annexes"]))
    if "notes" in expected:
        s.notes = (note_count(outline), expected["notes"]["entries"])
    return s


def _left(k: int, expected: dict[str, Any], lines: list[str], outline: dict[str, Any]) -> bool:
    """A chrome line is left out when removed; a metadata line also when the header took it: it is out
    of the body and holds a header value (a label alone, `来源：`, when the value line after it does)."""
    if k in removed_lines(outline):
        return True
    if k not in expected["metadata"]:
        return False
    body = [squeeze(b) for b in body_texts(outline)]
    values = header_values(outline)

    def taken(n: int) -> bool:
        text = squeeze(lines[n - 1])
        return not any(text in b for b in body) and any(_holds(text, v) for v in values)

    label_only = not any(_holds(squeeze(lines[k - 1]), v) for v in values)
    if label_only and k + 1 in expected["metadata"]:
        return not any(squeeze(lines[k - 1]) in b for b in body) and taken(k + 1)
    return taken(k)


def _holds(line: str, value: str) -> bool:
    """The line holds the value: as text, or for a date/time the same digits (2026年02月10日 = 2026-02-10)."""
    digits = re.sub(r"\D", "", value)
    if digits and len(digits) >= 4:
        return digits in re.sub(r"\D", "", line)
    return squeeze(value) in line


# --- the table ---------------------------------------------------------------------------------------


def _ratio(found: int | None, expected: int) -> str:
    if not expected:
        return "—"
    if found is None:
        return f"n/a ({expected})"
    return f"{found}/{expected}" + ("" if found == expected else f" ({100 * found / expected:.0f} %)")


def table(scores: list[Score]) -> str:
    head = "| file | title | L1 | L2 | L3 | L4 | body sentences | chrome removed | extra headings | annexes | notes |"
    rows = [head, "|" + " --- |" * 11]
    for s in scores:
        name = s.stem.removesuffix("-2026-government-work-report")
        name += " (held out)" if name in HELD_OUT else ""
        title = "right" if s.title_right else (f"error: {s.error}" if s.error else f"wrong: {s.title[:20]}")
        cells = [name, title, *(_ratio(*s.levels[k]) for k in LEVELS), _ratio(*s.sentences), _ratio(*s.chrome)]
        extra = [str(s.extra_headings), *(_ratio(*r) if r else "—" for r in (s.annexes, s.notes))]
        rows.append("| " + " | ".join([*cells, *extra]) + " |")
    return "\n".join(rows)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> list[Score]:
    """Every expected file scored (outline runs two at a time: each is a separate process)."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    work = tmp_path_factory.mktemp("outlines")
    expected = [load(stem) for stem in EXPECTED_STEMS]
    missing = [e["file"] for e in expected if not (CORPUS / e["file"]).is_file()]
    if missing:
        pytest.skip(f"corpus documents {missing} not found in {CORPUS}")

    def one(e: dict[str, Any]) -> Score:
        folder = work / Path(e["file"]).stem
        folder.mkdir()
        lines = (CORPUS / e["file"]).read_text(encoding="utf-8").split("\n")
        return score(e, lines, *run_outline(e, folder))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, expected))


def test_corpus_outline_table(scores: list[Score]) -> None:
    """The score table (shown with -s or -rA; copied into tests/README.md): one row per expected file,
    each read through flatten() and texts() without error."""
    print(f"\n\n{table(scores)}\n")
    assert [s.stem for s in scores] == EXPECTED_STEMS
    assert all(s.sentences[1] > 0 for s in scores), "an expected file whose text has no body sentence"


def test_corpus_outline_targets(scores: list[Score]) -> None:
    """Targets on every file: title right, >= 98 % of headings at each level, 100 % of body sentences,
    >= 95 % of chrome lines left out."""
    misses = [f"{s.stem}: {', '.join(m)}" for s in scores if (m := s.misses())]
    if misses and not TARGETS_ENFORCED:
        pytest.xfail(f"{len(misses)} of {len(scores)} files miss a target (TARGETS_ENFORCED is off)")
    assert not misses, "files that miss a target:\n" + "\n".join(misses)


# --- the scorer itself, on a made-up page (no corpus needed) -------------------------------------------

PAGE = [
    "打印",  # 1 chrome
    "2026年某市政府工作报告",  # 2 title
    "来源：",  # 3 metadata label
    "某市日报",  # 4 metadata value
    "各位代表：",  # 5 front
    "一、工作回顾",  # 6 heading L1
    "过去一年很不平凡。各位代表！",  # 7
    "（一）稳增长。经济平稳。",  # 8 heading L2, run-in
    "各位代表！",  # 9
]
PAGE_EXPECTED = {
    "file": "made-up/page.txt",
    "title": "2026年某市政府工作报告",
    "title_lines": [2],
    "chrome": [1],
    "metadata": [3, 4],
    "front": [{"line": 5, "kind": "salutation"}],
    "annexes": [],
    "headings": [
        {"line": 6, "level": 1, "number": "一、", "title": "工作回顾", "annex": None},
        {"line": 8, "level": 2, "number": "（一）", "title": "稳增长。", "annex": None},
    ],
    "remarks": "made up",
}


def _page_outline(**changes: Any) -> dict[str, Any]:
    part = {
        "number": "（一）",
        "title": "稳增长。",
        "line": 8,
        "paragraphs": ["经济平稳。", "各位代表！"],
        "children": [],
    }
    outline = {
        "title": "2026年某市政府工作报告",
        "metadata": {},
        "date": None,
        "time": None,
        "source": "某市日报",
        "removed": [{"line": 1, "text": "打印", "rule": "page-tools"}],
        "preamble": ["各位代表："],
        "sections": [
            {
                "number": "一、",
                "title": "工作回顾",
                "line": 6,
                "paragraphs": ["过去一年很不平凡。各位代表！"],
                "children": [part],
            }
        ],
    }
    return {**outline, **changes}


def test_scorer_gives_full_marks_to_the_right_outline() -> None:
    s = score(PAGE_EXPECTED, PAGE, _page_outline())
    assert s.title_right and s.misses() == [] and s.extra_headings == 0
    assert s.levels[1] == (1, 1) and s.levels[2] == (1, 1)
    assert s.sentences == (8, 8) and s.chrome == (3, 3)


def test_scorer_counts_what_is_missing() -> None:
    flat = _page_outline()["sections"][0]
    flat = [{**flat, "children": []}, {**flat["children"][0], "children": []}]  # （一） at depth 1: a miss
    s = score(PAGE_EXPECTED, PAGE, _page_outline(sections=flat, title="打印"))
    assert not s.title_right and s.levels[2] == (0, 1) and s.extra_headings == 1
    # a dropped repeated 各位代表！ is a lost sentence, though the same words are kept elsewhere
    lost = _page_outline()
    lost["sections"][0]["children"][0]["paragraphs"] = ["经济平稳。"]
    assert score(PAGE_EXPECTED, PAGE, lost).sentences == (7, 8)
    # chrome kept in the body, and a metadata line left in the preamble, are not left out
    kept = score(PAGE_EXPECTED, PAGE, _page_outline(removed=[], preamble=["某市日报", "各位代表："]))
    assert kept.chrome == (0, 3) and "chrome 0/3" in kept.misses()
    assert score(PAGE_EXPECTED, PAGE, None, "no title found").misses()[0] == "no title found"
