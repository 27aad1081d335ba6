"""Shared fixtures: the real project, a copy of it or a tiny fixture site to break, and
the built site (built once per run, and parsed once: `site_pages`)."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "hooks", "data", "includes", "CITATION.cff")


def run_build(project: Path, site_dir: Path, keep_site_url: bool = False) -> subprocess.CompletedProcess[str]:
    """A strict MkDocs build of `project` into `site_dir`, as `make build` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    if not keep_site_url:
        env.pop("SITE_URL", None)  # the published address, as in `make build`
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
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
            f"test fixture out of date: {path.name} no longer contains {old!r}; update the test to match the data"
        )
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{path.name} has no line containing {needle!r}")


SITE_FIXTURES = {"built_site", "site_pages", "project_copy", "local_site_url", "site_url", "fixture_site"}
DATA_FIXTURES = {"data_copy"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Sort every test into one tier, by what it needs: a browser, a built site, data, or nothing;
    and run the slowest first (see `_slow_first`)."""
    items.sort(key=_slow_first)
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


def shares_module_setup(item: pytest.Item) -> bool:
    """Whether the test uses a module- or class-scoped fixture (set up once for its module)."""
    info = getattr(item, "_fixtureinfo", None)
    return bool(info) and any(
        defs and defs[-1].scope in ("module", "class", "package") for defs in info.name2fixturedefs.values()
    )


def _slow_first(item: pytest.Item) -> int:
    """Sort key: the tests that take longest go first (the PDFs of tests/browser/test_print.py,
    then the tests on the whole-handbook print page's index and volumes, print_page/), so that
    with `-n 2` they start at once instead of leaving one worker busy at the end while the
    other waits. A test that
    shares its module's setup keeps its place (moving it would set that module up twice); the
    sort is stable, so every other test keeps its order."""
    if shares_module_setup(item):
        return 2
    return 0 if "tests/browser/test_print.py" in item.nodeid else 1 if "print_page" in item.nodeid else 2


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


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    """A tiny handbook to break (tests/fixture_site.py): the real mkdocs.yml settings, macros,
    hooks and overrides, a few pages and a minimal data/ folder; it builds in about a second."""
    from .fixture_site import make_fixture_site

    return make_fixture_site(tmp_path / "project")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_build(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], subprocess.CompletedProcess[str]]
) -> Path:
    """Build into a folder once per run and return it, failing with the build's output.

    Under pytest-xdist (`-n 2`) every worker runs the session fixtures; the first one to get
    here builds into the folder all workers of this run share, under a file lock, and the
    others wait and use it (or report the same failure) instead of building again."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        site = tmp_path_factory.mktemp(name)
        result = build(site)
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
        return site
    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, above each worker's
    site, outcome = shared / name, shared / f"{name}.json"
    with _locked(shared / f"{name}.lock"):
        if not outcome.exists():
            if site.exists():  # a worker died mid-build: start again
                shutil.rmtree(site)
            site.mkdir()
            result = build(site)
            outcome.write_text(
                json.dumps({"returncode": result.returncode, "output": f"{result.stdout}\n{result.stderr}"}),
                encoding="utf-8",
            )
        done = json.loads(outcome.read_text(encoding="utf-8"))
    assert done["returncode"] == 0, f"strict build failed:\n{done['output']}"
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with the strict build (once for all xdist workers)."""
    return shared_build(tmp_path_factory, "site", lambda site: run_build(ROOT, site))


@pytest.fixture(scope="session")
def site_pages(built_site: Path):  # noqa: ANN201
    """Every page of the built site, parsed once per run: relative path or address -> soup
    (see tests/site_pages.py). Use it instead of parsing files from `built_site` yourself."""
    from .site_pages import SitePages

    return SitePages(built_site)
