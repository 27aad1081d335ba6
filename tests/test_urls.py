"""Stable addresses: every URL in urls.txt still answers in the built site, as a page or
as a redirect (mkdocs-redirects), and every page the site publishes is listed."""

from __future__ import annotations

import sys
from pathlib import Path

from .conftest import ROOT, replace_in, run_build
from .fixture_site import make_fixture_site

sys.path.insert(0, str(ROOT / "scripts"))
from urls import published_urls  # noqa: E402


def manifest() -> list[str]:
    lines = (ROOT / "urls.txt").read_text(encoding="utf-8").split()
    return ["" if line == "/" else line for line in lines]


def test_no_published_address_disappears(built_site: Path) -> None:
    gone = [url or "/" for url in manifest() if not (built_site / url / "index.html").is_file()]
    assert gone == [], (
        f"these published addresses no longer exist: {gone}. Add a redirect for each under "
        "redirect_maps in mkdocs.yml (old page .md: new page .md)"
    )


def test_every_new_page_is_in_the_manifest(built_site: Path) -> None:
    missing = sorted(set(published_urls(built_site)) - set(manifest()))
    assert missing == [], f"new pages missing from urls.txt (run `make urls`): {missing}"


def test_moving_a_page_needs_a_redirect(tmp_path: Path) -> None:
    """Move the glossary: without a redirect its old address is gone; with one it answers.
    On the tiny fixture site (tests/fixture_site.py), with a nav like the real one's."""
    project = make_fixture_site(
        tmp_path / "project",
        nav=[
            {"Home": "index.md"},
            {"Former clients": "situations/former-clients.md"},
            {"About": [{"Sources and method": "about/sources.md"}, {"Glossary": "about/glossary.md"}]},
        ],
    )
    docs = project / "docs"
    (docs / "about" / "glossary.md").rename(docs / "about" / "terms.md")
    config = project / "mkdocs.yml"
    replace_in(config, "Glossary: about/glossary.md", "Glossary: about/terms.md")
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "glossary.md" in text:
            page.write_text(text.replace("about/glossary.md", "about/terms.md").replace("glossary.md", "terms.md"))

    site = tmp_path / "without"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "about" / "terms" / "index.html").is_file()
    assert not (site / "about" / "glossary" / "index.html").exists()

    replace_in(config, "redirect_maps: {}", "redirect_maps:\n        about/glossary.md: about/terms.md")
    site = tmp_path / "with"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    kept = (site / "about" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "terms/" in kept and "refresh" in kept
