"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation.

No logic here: pipeline.build() does the work; errors become PluginError (no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools import pipeline
from build_tools.errors import ReportError


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).resolve().parent
    try:
        built = pipeline.build(root)
    except ReportError as err:
        raise PluginError(str(err)) from None
    config.nav = built.navs[config.extra["variant"]]
    return config
