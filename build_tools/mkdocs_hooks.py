"""MkDocs adapter: convert seeds/ into docs/ and hand MkDocs the generated navigation.

No logic here: pipeline.build() does the work; errors become PluginError (no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools import pipeline
from build_tools.errors import ReportError


@event_priority(100)  # before the search plugin reads the jieba dictionary this writes
def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).resolve().parent
    try:
        built = pipeline.build(root)
    except ReportError as err:
        raise PluginError(str(err)) from None
    config.nav = built.navs[config.extra["variant"]]
    return config
