"""Every internal link and anchor in the built site resolves; external links are reported."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .conftest import ROOT
from .links import check_links
from .site_pages import SitePages


def site_url_from_config() -> str:
    """The published site_url (the default of its !ENV tag) from mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["site_url"]


def test_every_internal_link_and_anchor_resolves(built_site: Path, site_pages: SitePages) -> None:
    broken, external = check_links(built_site, base_path=urlsplit(site_url_from_config()).path, pages=site_pages)
    assert broken == [], "\n".join(broken)
    # External links are listed for review, never fetched in CI.
    report = ROOT / "test-results" / "external-links.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert external, "expected links to official sources"


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#gone">bad anchor</a>'
        '<a href="b/">missing</a><a href="#top">bad local</a><a href="https://example.org">ext</a>'
    )
    broken, external = check_links(tmp_path)
    assert broken == [
        "index.html: a/#gone has no element with id 'gone'",
        "index.html: b/ leads to a missing file",
        "index.html: #top has no element with id 'top'",
    ]
    assert external == {"https://example.org"}
