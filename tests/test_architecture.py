"""Module boundaries from the design: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "build_tools"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." if node.level else (node.module or "").split(".")[0])
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_converter_imports_opencc() -> None:
    assert [p.name for p in _modules() if "opencc" in _imports(p)] == ["converter.py"]


def test_only_the_hook_imports_mkdocs() -> None:
    assert [p.name for p in _modules() if "mkdocs" in _imports(p)] == ["mkdocs_hooks.py"]


def test_model_imports_nothing_of_ours() -> None:
    assert "." not in _imports(PACKAGE / "model.py") and "build_tools" not in _imports(PACKAGE / "model.py")


def test_render_touches_no_file_system() -> None:
    assert not {"os", "pathlib", "shutil", "tempfile"} & _imports(PACKAGE / "render.py")
