"""The GitHub workflows: publishing deploys from the repository's default branch once the
publication's checks pass, whatever the branch is called; the tool's suite runs when the tool
changes; actionlint's checks pass (and fail on a broken workflow)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINT = [str(Path(sys.executable).parent / "jactionlint"), "--profile", "correctness", "--no-hints"]


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_pages_deploys_from_the_default_branch_after_the_checks() -> None:
    pages = _load("pages.yml")
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    assert "refs/heads/main" not in text and "github.event.repository.default_branch" in text
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert (
        build["env"]["DEPLOY"]
        == "${{ github.ref == format('refs/heads/{0}', github.event.repository.default_branch) }}"
    )
    assert [s["run"] for s in build["steps"] if (s.get("run") or "").startswith("make ")] == ["make check"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}  # private repositories
    assert deploy["needs"] == "build" and deploy["if"] == "needs.build.outputs.deploy == 'true'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert "pull_request" not in pages["on"]  # a pushed branch is built once


def test_the_tool_suite_runs_when_the_tool_changes_or_weekly() -> None:
    tests = _load("tests.yml")
    paths = tests["on"]["push"]["paths"]
    assert "build_tools/**" in paths and "tests/**" in paths and not any(p.startswith("seeds") for p in paths)
    assert tests["on"]["schedule"] and tests["jobs"]["tests"]["steps"][-1]["run"] == "bash .ci/run"


def test_downloads_are_cached() -> None:
    for name in ("pages.yml", "tests.yml"):
        steps = next(iter(_load(name)["jobs"].values()))["steps"]
        cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
        assert {"/var/cache/apt/archives/*.deb", "/github/home/.cache/pip"} <= set(cache["with"]["path"].split())


def test_actionlint_checks_pass_and_can_fail(tmp_path: Path) -> None:
    result = subprocess.run([*LINT, *sorted(map(str, WORKFLOWS.glob("*.yml")))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: nosuch\n    steps:\n      - run: x\n"
    )
    result = subprocess.run([*LINT, str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "nosuch" in result.stdout
