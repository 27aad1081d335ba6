"""Shared fixtures: the real project, copies of it to break, and the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "hooks", "data", "includes", "CITATION.cff")


def run_build(project: Path, site_dir: Path, keep_site_url: bool = False) -> subprocess.CompletedProcess[str]:
    """A strict MkDocs build of `project` into `site_dir`, as `make build` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONDONTWRITEBYTECODE": "1"}
    if not keep_site_url:
        env.pop("SITE_URL", None)  # the published address, as in `make build`
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(target: Path) -> Path:
    """Copy what a build needs into `target`, so a test can break it safely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a fixture file; refuse with a sentence when `old` is not in it."""
    content = path.read_text(encoding="utf-8")
    if old not in content:
        raise AssertionError(
            f"test fixture out of date: {path.name} no longer contains {old!r}; "
            "update the test to match the data"
        )
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{path.name} has no line containing {needle!r}")


SITE_FIXTURES = {"built_site", "project_copy", "local_site_url", "site_url", "fixture_site"}
DATA_FIXTURES = {"data_copy"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Sort every test into one tier, by what it needs: a browser, a built site, data, or nothing."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        source = Path(str(item.fspath)).read_text(encoding="utf-8") if item.fspath else ""
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
        elif fixtures & SITE_FIXTURES or "run_build(" in _body(item):
            item.add_marker(pytest.mark.site)
        elif fixtures & DATA_FIXTURES or "load_dataset(" in source or "load(" in _body(item):
            item.add_marker(pytest.mark.data)
        else:
            item.add_marker(pytest.mark.unit)


def _body(item: pytest.Item) -> str:
    import inspect

    function = getattr(item, "function", None)
    try:
        return inspect.getsource(function) if function else ""
    except (OSError, TypeError):
        return ""


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ for loader tests (no build), with docs/ beside it: the onboarding
    path and the one-pagers name pages there."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with the strict build."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site
