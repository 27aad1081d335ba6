"""scripts/build.py: a failed build leaves the existing site folder exactly as it was.

Each test builds a tiny MkDocs site of its own (default theme), not the handbook.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUILD = Path(__file__).resolve().parents[1] / "scripts" / "build.py"


def make_project(root: Path, config: str = "", pages: dict[str, str] | None = None) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(f"site_name: Fixture\n{config}", encoding="utf-8")
    for name, text in (pages or {"index.md": "# Home\n\nHello.\n"}).items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def old_site(root: Path) -> Path:
    """A site folder from an earlier build, with a marker file no build writes."""
    site = root / "site"
    site.mkdir()
    (site / "marker.txt").write_text("from the earlier build", encoding="utf-8")
    (site / "index.html").write_text("<p>old</p>", encoding="utf-8")
    return site


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BUILD), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-build-"))


def test_success_replaces_the_old_site(tmp_path: Path) -> None:
    root = make_project(tmp_path, pages={"index.md": "# Home\n\n[About](about.md)\n", "about.md": "# About\n"})
    site = old_site(root)
    result = run(root)
    assert result.returncode == 0, result.stderr
    assert not (site / "marker.txt").exists(), "the old site's files should be gone"
    assert "Home" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "about" / "index.html").is_file()
    pages = sum(1 for _ in site.rglob("*.html"))
    assert result.stdout.strip().splitlines()[-1] == f"site/ updated: {pages} pages"
    assert leftovers(root) == []
    # The published folder gets the mode a plain mkdir gives, not mkdtemp's owner-only 0700.
    umask = os.umask(0)
    os.umask(umask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask


def test_success_creates_a_missing_site_dir_and_passes_the_environment(tmp_path: Path) -> None:
    root = make_project(tmp_path, "site_url: !ENV [FIXTURE_SITE_URL, 'https://wrong.example/']\n")
    result = run(root, "--site-dir", "out/public", env={"FIXTURE_SITE_URL": "https://fixture.example/hb/"})
    assert result.returncode == 0, result.stderr
    assert "https://fixture.example/hb/" in (root / "out" / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert "out/public/ updated:" in result.stdout
    assert leftovers(root / "out") == []


def test_relative_site_dir_is_beside_the_config_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run(tmp_path, "--config-file", "project/mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("config", "pages"),
    [
        # Strict failure: MkDocs writes every page, then exits 1 on the warning.
        ("strict: true\nvalidation:\n  links:\n    not_found: warn\n", {"index.md": "# Home\n\n[Gone](missing.md)\n"}),
        # Hard error: the config does not load, so nothing is built at all.
        ("theme:\n  name: no-such-theme\n", None),
    ],
    ids=["strict-warning", "bad-config"],
)
def test_failure_leaves_the_old_site_untouched(tmp_path: Path, config: str, pages: dict[str, str] | None) -> None:
    root = make_project(tmp_path, config, pages)
    site = old_site(root)
    before = snapshot(site)
    result = run(root)
    assert result.returncode != 0
    assert snapshot(site) == before
    assert leftovers(root) == []
    assert result.stderr.strip().splitlines()[-1] == "build failed: site/ left as it was"


def test_failure_with_no_old_site_creates_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path, "site_name: [not, a, string]\n")
    result = run(root)
    assert result.returncode != 0
    assert not (root / "site").exists()
    assert leftovers(root) == []
