"""YAML data files that remember where each mapping starts, so errors can name file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ReportError


class LineDict(dict):
    """A mapping from a YAML file, with the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


def load(path: Path) -> Any:
    """Parse a YAML file into plain values; mappings become LineDicts. A repeated key is an error."""
    node = compose(path)
    return _value(node, str(path)) if node is not None else None


def compose(path: Path) -> yaml.Node | None:
    """The file's YAML node tree (composed, not constructed: tags such as !ENV stay inert).
    Unreadable or invalid YAML is a ReportError naming the file and line."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as err:
        raise ReportError(str(path), f"cannot read: {err.strerror}", "check that the file exists") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err)
        raise ReportError(str(path), f"not valid YAML: {problem}", "fix the YAML syntax at that line", line) from None


def _value(node: yaml.Node, path: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value in node.value:
            key = _value(key_node, path)
            line = key_node.start_mark.line + 1
            if key in out:
                hint = f"keep one of them (the first is on line {out.key_lines[key]})"
                raise ReportError(path, f"key {key!r} appears twice in this mapping", hint, line)
            out[key] = _value(value, path)
            out.key_lines[key] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, path) for item in node.value]
    return yaml.SafeLoader(" ").construct_object(node)


def line_of(value: Any) -> int | None:
    return getattr(value, "line", None)


def key_line(mapping: Any, key: Any) -> int | None:
    """The line a key of a LineDict is written on (None for other values)."""
    lines = getattr(mapping, "key_lines", None)
    return lines.get(key) if lines else None
