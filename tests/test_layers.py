"""The code's layers point one way (the contracts in pyproject.toml, checked by import-linter)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_layers_point_one_way() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contract_catches_an_arrow_running_back_up(tmp_path: Path) -> None:
    """A model that imports the renderer, and a check that imports MkDocs, both break it."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    with (project / "macros" / "models" / "common.py").open("a", encoding="utf-8") as out:
        out.write("\nfrom .. import render  # noqa\n")
    with (project / "macros" / "checks" / "dates.py").open("a", encoding="utf-8") as out:
        out.write("\nimport mkdocs  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "macros.models is not allowed to import macros.render" in result.stdout
    assert "macros.checks is not allowed to import mkdocs" in result.stdout
