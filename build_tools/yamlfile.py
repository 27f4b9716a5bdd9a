"""YAML data files that remember where each mapping starts, so errors can name file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ReportError


class LineDict(dict):
    """A mapping from a YAML file, with the line it starts on."""

    line: int = 0


def load(path: Path) -> Any:
    """Parse a YAML file into plain values; mappings become LineDicts."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as err:
        raise ReportError(str(path), f"cannot read: {err.strerror}", "check that the file exists") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err)
        raise ReportError(str(path), f"not valid YAML: {problem}", "fix the YAML syntax at that line", line) from None
    return _value(node) if node is not None else None


def _value(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key, value in node.value:
            out[_value(key)] = _value(value)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    return yaml.SafeLoader(" ").construct_object(node)


def line_of(value: Any) -> int | None:
    return getattr(value, "line", None)
