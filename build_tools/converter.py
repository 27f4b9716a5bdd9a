"""The only module that imports opencc: config names (plus project phrases) -> text -> text callables.

Project phrases go through OpenCC's own configuration, never string replaces after conversion:
we write a custom config JSON that is the shipped one with an inline dictionary added to the
segmentation step (so the phrase is one segment, not split before it can match) and first in
every conversion step (phrase -> form in the first step, form -> form after it, so a later step
such as TWVariants cannot alter the recorded form).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import opencc

Convert = Callable[[str], str]
Pairs = tuple[tuple[str, str], ...]

SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
BIN = Path(opencc.__file__).parent / "clib" / "bin"


def opencc_version() -> str:
    return str(getattr(opencc, "__version__", "unknown"))


def _cache_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"build_tools-opencc-{opencc_version()}"
    path.mkdir(parents=True, exist_ok=True)
    return path


# Joins texts for one OpenCC call. OpenCC segments and converts greedily, longest match first, left
# to right; its dictionaries are built from line-based text files, so no key holds a line break, no
# match crosses one, and each line converts as it would alone (tests/test_speedups.py checks this
# against the texts converted one by one, also where a phrase is cut at the break).
SEPARATOR = "\n"


class OpenCCConvert:
    """A str -> str conversion, plus `many`: a list of texts in one OpenCC call (one call per
    paragraph costs more than the conversion of the paragraph itself)."""

    def __init__(self, convert: Convert, phrases: Pairs = ()) -> None:
        self._convert = convert
        # an entry holding the separator could match across two texts: then never join
        self._joinable = not any(SEPARATOR in phrase + form for phrase, form in phrases)

    def __call__(self, text: str) -> str:
        return self._convert(text)

    def many(self, texts: Sequence[str]) -> list[str]:
        """[self(t) for t in texts], in one call when no text holds the separator."""
        if not self._joinable or len(texts) < 2 or any(SEPARATOR in t for t in texts):
            return [self._convert(t) for t in texts]
        out = self._convert(SEPARATOR.join(texts)).split(SEPARATOR)
        if len(out) != len(texts):  # OpenCC changed a separator: never guess which text is which
            return [self._convert(t) for t in texts]
        return out


@cache
def converter(config: str, phrases: Pairs = ()) -> OpenCCConvert:
    """OpenCC with one of its shipped configs (s2tw, s2hk, tw2s, t2s …), plus project phrases."""
    if not phrases:
        return OpenCCConvert(opencc.OpenCC(f"{config}.json").convert)
    return OpenCCConvert(opencc.OpenCC(str(custom_config(config, phrases))).convert, phrases)


def custom_config(config: str, phrases: Pairs) -> Path:
    """The shipped config with the phrases added; a file named by its content (deterministic)."""
    text = json.dumps(config_with_phrases(config, phrases), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = _cache_dir() / f"{config}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    if not path.exists():
        _write_atomic(path, text)
    return path


def config_with_phrases(config: str, phrases: Pairs) -> dict[str, Any]:
    base = _absolute(json.loads((SHARE / f"{config}.json").read_text(encoding="utf-8")))
    forward = {phrase: form for phrase, form in phrases}
    keep = {form: form for _, form in phrases}
    out = dict(base, name=f"{base['name']} + project dictionary ({len(phrases)} phrases)")
    if "segmentation" in base:  # s2t/t2s have none: their one step then matches longest-first over the text
        out["segmentation"] = dict(base["segmentation"], dict=_first(forward, base["segmentation"]["dict"], "union"))
    out["conversion_chain"] = [
        {"dict": _first(forward if i == 0 else keep, step["dict"], "short_circuit")}
        for i, step in enumerate(base["conversion_chain"])
    ]
    return out


@cache
def character_table(config: str) -> dict[str, tuple[str, ...]]:
    """OpenCC's one-character table used by `config` (STCharacters or TSCharacters): char -> candidates,
    the default first. Read by dumping the shipped .ocd2 to text with OpenCC's own opencc_dict tool.
    Shared and cached: do not change it."""
    name = "TSCharacters" if config.endswith("2s") else "STCharacters"
    return dict(_read_text_dict(name))


@cache
def phrase_tables(config: str) -> tuple[tuple[str, dict[str, tuple[str, ...]]], ...]:
    """The phrase dictionaries `config` matches leftmost-longest (its segmentation, or without one its
    first step's phrases): (name, phrase -> candidates, the default first), in the config's order.
    Read from the shipped .ocd2 files as character_table reads its table. Shared: do not change them."""
    base = json.loads((SHARE / f"{config}.json").read_text(encoding="utf-8"))
    node = base["segmentation"]["dict"] if "segmentation" in base else base["conversion_chain"][0]["dict"]
    names = [Path(f).stem for f in _files(node) if "Characters" not in f]
    return tuple((name, dict(_read_text_dict(name))) for name in names)


def segmented(config: str) -> bool:
    """Whether `config` segments the text before converting it (s2tw, s2hk …; not s2t, t2s)."""
    return "segmentation" in json.loads((SHARE / f"{config}.json").read_text(encoding="utf-8"))


def _files(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [node["file"]] if "file" in node else [f for v in node.values() for f in _files(v)]
    return [f for v in node for f in _files(v)] if isinstance(node, list) else []


@cache
def allowed_forms(config: str, char: str) -> frozenset[str]:
    """Every form `config` may give one character: its table candidates and their regional variants
    (台 -> 臺 檯 颱 台, 着 -> 著). A character that always changes (会 -> 會) may not stay as it is."""
    base = converter(config)
    candidates = character_table(config).get(char, (char,))
    return frozenset({*candidates, *(base(c) for c in candidates), base(char)})


@cache
def _read_text_dict(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = _cache_dir() / f"{name}.txt"
    if not out.exists():
        tmp = out.with_suffix(f".{os.getpid()}.txt")
        tool = [str(BIN / "opencc_dict"), "-i", str(SHARE / f"{name}.ocd2"), "-f", "ocd2", "-o", str(tmp), "-t", "text"]
        try:
            subprocess.run(tool, check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError) as err:
            raise RuntimeError(f"cannot read OpenCC's {name} table with {tool[0]}: {err}") from err
        os.replace(tmp, out)
    rows = []
    for line in out.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        rows.append((key, tuple(values.split(" "))))
    return tuple(rows)


def _first(entries: dict[str, str], dictionary: dict[str, Any], policy: str) -> dict[str, Any]:
    """A dictionary group that asks the project's inline entries before the shipped dictionary.
    A shipped group of the same (declared) policy is opened into it rather than nested: the same matches
    (asking [a, [b, c]] in turn is asking [a, b, c]; the longest of them all is the longest of
    a and of the longest of b and c), one group level less to pass at each character."""
    inline = {"type": "inline", "entries": entries}
    if dictionary.get("type") == "group" and dictionary.get("match_policy") == policy:
        return {"type": "group", "match_policy": policy, "dicts": [inline, *dictionary["dicts"]]}
    return {"type": "group", "match_policy": policy, "dicts": [inline, dictionary]}


def _absolute(node: Any) -> Any:
    """The shipped config with every dictionary file named by its absolute path (ours lives elsewhere)."""
    if isinstance(node, dict):
        return {k: str(SHARE / v) if k == "file" else _absolute(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_absolute(v) for v in node]
    return node


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
