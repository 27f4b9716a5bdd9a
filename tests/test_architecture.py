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


def _our_imports(path: Path) -> set[str]:
    """The package's modules a module imports (`from . import x`, `from .x import y`, `from build_tools import x`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("build_tools")):
            module = (node.module or "").removeprefix("build_tools").lstrip(".")
            names.update([module.split(".")[0]] if module else [alias.name for alias in node.names])
    return names


def test_pipeline_only_orders_stages() -> None:
    """pipeline.py calls the stages in order; every loop over reports or variants is a stage's own."""
    tree = ast.parse((PACKAGE / "pipeline.py").read_text(encoding="utf-8"))
    loops = (ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    found = [f"pipeline.py:{node.lineno}" for node in ast.walk(tree) if isinstance(node, loops)]
    assert found == [], "a loop in pipeline.py: move it into the module of its stage"
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)], "records belong to their stage"


def test_no_stage_imports_the_pipeline() -> None:
    """The stages know nothing of their order: only the adapters that run a build import pipeline.py."""
    users = sorted(str(p.relative_to(PACKAGE)) for p in _modules() if "pipeline" in _our_imports(p))
    assert users == ["checks/base.py", "cli.py", "mkdocs_hooks.py", "pdfbuild.py", "serving.py"]
