"""The review list: every one-to-many choice, with its status; the CLI and the build's files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, project

from build_tools import dictionary, review, risk
from build_tools.conversion import convert_file, convert_text
from build_tools.converter import character_table, converter
from build_tools.model import Settings
from build_tools.review_files import review_lists
from build_tools.variants import to_variant

TEXT = "关于发展的报告\n\n一、总体情况\n\n被发明的干部发展了，发布会上发布，衣服晒干了。\n"


def _items(settings: Settings) -> list[review.Item]:
    variants = convert_text(TEXT, "r.txt", settings)
    return review_lists(variants)["zh-Hant"][1]


def _settings(conversion: object = None, accepted: object = None) -> Settings:
    return Settings(
        slug="r",
        phrases=dictionary.read_table(conversion, "r.yml", "entry", 1),
        accepted=dictionary.read_table(accepted, "r.yml", "accepted", 1),
    )


def test_each_ambiguous_character_is_listed_with_its_choice() -> None:
    items = _items(_settings())
    fa = [i for i in items if i.char == "发" and i.place == "part-1-p1"]
    assert len(fa) == 4  # 被发明 发展 发布 发布
    first = fa[0]
    assert (first.form, first.alternatives) == ("發", ("髮",))  # 被发明: decided by the shared dictionary
    assert first.status == "entry"
    assert "build_tools/data/conversion.yml:" in first.by
    assert first.context == "被【发】明的干部发展"  # six characters either side
    assert first.converted == "被【發】明的幹部發展"
    gan = next(i for i in items if i.char == "干")
    assert (gan.form, gan.status) == ("幹", "accepted")  # 干部 -> 幹部 is in data/accepted.yml
    assert set(gan.alternatives) == {"乾", "干", "榦"}


def test_accepting_a_choice_silences_it_only_while_the_form_matches() -> None:
    assert next(i for i in _items(_settings()) if i.context.endswith("晒【干】了。")).status == "open"
    right = _items(_settings(accepted={"s2tw": {"晒干": "曬乾"}}))
    item = next(i for i in right if i.context.endswith("晒【干】了。"))
    assert (item.status, item.by) == ("accepted", "晒干 -> 曬乾 (r.yml:1)")
    wrong = _items(_settings(accepted={"s2tw": {"晒干": "曬幹"}}))
    assert next(i for i in wrong if i.context.endswith("晒【干】了。")).status == "open"


def test_an_entry_that_segmentation_defeats_is_reported() -> None:
    """发明 alone is read after 被发 has been taken: the list says the entry did not apply."""
    settings = _settings(conversion={"s2tw": {"明的干部": "明的幹部"}})
    items = _items(settings)
    gan = next(i for i in items if i.char == "干")
    assert gan.status == "entry"
    clash = _settings(conversion={"s2tw": {"的干部发": "的幹部發", "部发展": "部發展"}})
    statuses = {(i.char, i.status, i.by.startswith("NOT APPLIED")) for i in _items(clash)}
    assert ("发", "open", True) in statuses or ("发", "entry", False) in statuses


def test_forms_match_the_converted_text() -> None:
    variants = convert_file(SEED)
    items = review_lists(variants)["zh-Hant"][1]
    out = {place: text for place, _, text in review.texts(variants["zh-Hant"])}
    src = {place: text for place, _, text in review.texts(variants["zh-Hans"])}
    for i in items:
        assert src[i.place][i.offset] == i.char
        assert out[i.place][i.offset] == i.form
        assert i.form not in i.alternatives
    counts = review.summary(items)
    assert counts["occurrences"] == counts["entry"] + counts["lock"] + counts["accepted"] + counts["open"]


def test_cli_review_json_and_text(tmp_path: Path) -> None:
    """A report named by its name in seeds/ (of a project holding the demo report)."""
    run = [sys.executable, "-m", "build_tools", "review", SEED.stem, "--root", str(project(tmp_path))]
    data = json.loads(subprocess.run([*run, "--json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    assert (data["report"], data["target"], data["config"]) == (SEED.stem, "zh-Hant", "s2tw")
    assert data["summary"]["occurrences"] == len(data["items"]) > 0
    every = [*run, "--target", "zh-Hant", "--all"]
    text = subprocess.run(every, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert text.startswith(f"# Review list: {SEED.stem} -> zh-Hant (s2tw)")
    assert "No risky choice is open." in text  # the seed was reviewed in full
    assert text.count("\n| ") == len(data["items"]) + 2  # header, rule, one row an item
    hk = json.loads(
        subprocess.run([*run, "--target", "zh-HK", "--json"], cwd=ROOT, capture_output=True, text=True).stdout
    )
    assert (hk["target"], hk["config"], hk["summary"]["open"]) == ("zh-HK", "s2hk", 0)
    assert {i["form"] for i in hk["items"] if "平【台】" in i["context"]} == {"台"}  # Hong Kong 平台 (Taiwan 平臺)
    bad = subprocess.run([*run, "--target", "zh-Hans"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "no zh-Hans variant" in bad.stderr  # the source is not converted, so not reviewed
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize(("lang", "config"), [("zh-Hant", "s2tw"), ("zh-HK", "s2hk")])
def test_build_writes_the_review_beside_the_site(built_site: Path, lang: str, config: str) -> None:
    folder = built_site.parent / "build" / "review"
    data = json.loads((folder / f"{SEED.stem}.{lang}.json").read_text(encoding="utf-8"))
    assert (data["target"], data["config"]) == (lang, config)
    assert data["summary"]["open"] == 0 and data["summary"]["occurrences"] > 100
    assert (folder / f"{SEED.stem}.{lang}.md").is_file()
    assert not list(built_site.rglob("*review*"))  # editors' list, not a page for readers


def test_a_traditional_source_is_reviewed_against_the_reverse_table() -> None:
    text = "關於發展的報告\n\n一、總體情況\n\n乾安縣的幹部瞭解頭髮與著名的復議。\n"
    variants = convert_text(text, "t.txt", Settings(slug="t"))
    config, items = review_lists(variants)["zh-Hans"]
    assert config == "tw2s"
    found = {(i.char, i.form, i.alternatives) for i in items}
    assert ("乾", "乾", ("干",)) in found  # 乾安縣 keeps 乾 (TSCharacters: 乾 -> 乾 干)
    assert ("瞭", "了", ("瞭",)) in found


def test_a_conversion_that_changes_length_is_listed_without_guessing() -> None:
    """Never so with OpenCC's configs and our same-length entries; if it were, say so instead of misaligning."""
    source = convert_text(TEXT, "r.txt", _settings())["zh-Hans"]
    longer = to_variant(source, "zh-Hant", lambda text: "「" + converter("s2tw")(text))
    items = review.review(source, longer, character_table("s2tw"), {}, ())
    assert items and all(i.form == "?" for i in items)


def test_cli_review_open_lists_only_open_risky_words(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "build_tools", "review", str(SEED), "--open"]
    seed = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert seed == "No risky choice is open.\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text(RISKY, encoding="utf-8")
    run = [sys.executable, "-m", "build_tools", "review", "r", "--root", str(tmp_path)]
    data = json.loads(subprocess.run([*run, "--json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    assert len(data["items"]) == data["summary"]["occurrences"] > 4  # the JSON keeps every item
    risky = [i for i in data["items"] if i["status"] == "open" and i["risky"]]
    words = list(dict.fromkeys((i["word"], i["word_form"], i["other"], i["reasons"][0]) for i in risky))
    assert (data["summary"]["risky"], data["summary"]["to_check"]) == (len(risky), len(words)) and words
    order = risk.rules().order
    ranks = [order.index(reason) for *_, reason in words]
    assert sorted(ranks) == [order.index(reason) for *_, reason in sorted(words, key=lambda w: order.index(w[3]))]
    text = subprocess.run([*run, "--open"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    rows = text.splitlines()[2:]
    assert len(rows) == len(words)
    assert [row.split(" | ")[3:5] for row in rows] == [
        [form, other] for _, form, other, _ in sorted(words, key=lambda w: order.index(w[3]))
    ]
    for row, (word, form, _, reason) in zip(rows, sorted(words, key=lambda w: order.index(w[3])), strict=True):
        assert f"({reason};" in row and f" {word}: {form} |" in row  # why, and the line that accepts it
    full = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert f"{len(risky)} risky: {len(words)} word(s) to check" in full and text.strip() in full
    assert "Routine: " in full and "--all" in full and full.count("\n| ") == len(rows) + 2  # routine ones folded
    every = subprocess.run([*run, "--all"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert every.count("\n| ") == len(rows) + 2 + len(data["items"]) + 2


# Choices no dictionary decides once for every report: 编制 as staffing or compiling (the sense
# depends on the sentence), 台 after a number converted alone by its default (beijing 2026).
RISKY = "关于编制的报告\n\n一、总体情况\n\n严格核定编制，统筹使用编制资源。老楼加装电梯869台。\n"


def test_convert_prints_the_open_risky_choices_of_each_report(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "r.txt").write_text(RISKY, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    shutil.copy(SEED.with_suffix(".yml"), tmp_path / "seeds" / SEED.with_suffix(".yml").name)
    run = [sys.executable, "-m", "build_tools", "convert", "--root", str(tmp_path)]
    out = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    review_run = [sys.executable, "-m", "build_tools", "review", "r", "--root", str(tmp_path), "--json"]
    summary = json.loads(subprocess.run(review_run, cwd=ROOT, capture_output=True, text=True, check=True).stdout)[
        "summary"
    ]
    assert summary["risky"] > 0
    assert f"review r: zh-Hant {summary['risky']} risky choice(s) open in {summary['to_check']} word(s)" in out
    assert f"review {SEED.stem}: zh-Hant 0 risky choice(s) open in 0 word(s), zh-HK 0" in out
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True).stdout  # from the cache
    assert again.splitlines()[1:] == out.splitlines()[1:]
