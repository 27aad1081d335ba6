"""The handbook's own scripts are published minified (hooks/minify.py): smaller, with no
comment left, and still the same program (the browser tests run the published copies)."""

from __future__ import annotations

import gzip
from pathlib import Path

import rjsmin

from .conftest import ROOT

SOURCES = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))


def test_every_script_of_ours_is_published_minified(built_site: Path) -> None:
    assert len(SOURCES) >= 4
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        published = (built_site / "assets" / "javascripts" / source.name).read_text(encoding="utf-8")
        assert published == rjsmin.jsmin(text), source.name
        assert "/*" not in published, f"{source.name} keeps a comment"
        assert len(gzip.compress(published.encode(), 9)) < len(gzip.compress(text.encode(), 9)), source.name


def test_materials_bundle_is_left_as_the_theme_ships_it(built_site: Path) -> None:
    from material import templates

    theme = Path(templates.__file__).parent / "assets" / "javascripts"
    bundles = sorted(theme.glob("bundle.*.min.js"))
    assert bundles, "Material ships no bundle: update this test"
    for bundle in bundles:
        assert (built_site / "assets" / "javascripts" / bundle.name).read_bytes() == bundle.read_bytes()
