"""Generated pages: a stub per topic and per code, in the nav, with working links."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import rendering
from macros.errors import UnknownReference
from macros.loading import load_dataset
from macros.models import Status
from macros.pages import stale_pages, write_pages

from .conftest import ROOT, replace_in, run_build

DATASET = load_dataset(ROOT / "data")


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_every_topic_and_code_has_an_up_to_date_page() -> None:
    assert stale_pages(ROOT / "docs", DATASET) == []


def test_stale_and_missing_pages_are_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, DATASET)
    assert stale_pages(docs, DATASET) == []
    (docs / "codes" / "aca.md").unlink()
    replace_in(docs / "compare" / "gifts.md", "title: \"Gifts\"", "title: \"Presents\"")
    problems = stale_pages(docs, DATASET)
    assert "docs/codes/aca.md is missing: run `make pages`" in problems
    assert "docs/compare/gifts.md has an out-of-date title or description: run `make pages`" in problems
    # Writing again repairs both and keeps prose added after the heading.
    (docs / "compare" / "gifts.md").write_text(
        (docs / "compare" / "gifts.md").read_text().replace("{{", "Editor's note.\n\n{{"))
    write_pages(docs, DATASET)
    assert stale_pages(docs, DATASET) == []
    assert "Editor's note." in (docs / "compare" / "gifts.md").read_text()


def _nav_files(items: object) -> list[str]:
    found: list[str] = []
    if isinstance(items, str):
        found.append(items)
    elif isinstance(items, list):
        for item in items:
            found += _nav_files(item)
    elif isinstance(items, dict):
        for value in items.values():
            found += _nav_files(value)
    return found


def test_every_generated_page_is_in_the_nav() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    nav = set(_nav_files(config["nav"]))
    for topic_id in DATASET.topics:
        assert f"compare/{topic_id}.md" in nav, topic_id
    for code_id in DATASET.codes:
        assert f"codes/{code_id}.md" in nav, code_id


def test_code_pages_list_every_provision_and_what_is_unconfirmed(built_site: Path) -> None:
    for code in DATASET.codes.values():
        soup = soup_of(built_site, f"codes/{code.id}/index.html")
        ids = {div["id"] for div in soup.select("div.ott-provision")}
        assert ids == {rendering.anchor_id(code.id, p.section) for p in code.provisions}
        facts = soup.select_one("dl.ott-facts").get_text(" ")
        assert code.version in facts and str(code.official_url) in facts
        unconfirmed = soup.select("ul.ott-open-items li")
        assert len(unconfirmed) == sum(p.status is not Status.confirmed for p in code.provisions)
        assert soup.select_one("h2#not-confirmed") is not None


def test_links_between_generated_pages_resolve(built_site: Path) -> None:
    """Every internal link in tables, citations and code pages reaches a page and an anchor."""
    checked = 0
    for page in ["compare/index.html", "codes/index.html", "about/sources/index.html",
                 *(f"codes/{c}/index.html" for c in DATASET.codes)]:
        path = built_site / page
        for link in soup_of(built_site, page).select("a.ott-cite, .ott-provision a, .ott-index a"):
            href = link["href"]
            if href.startswith("http"):
                continue
            target, _, anchor = href.partition("#")
            target_file = (path.parent / target / "index.html").resolve()
            assert target_file.is_file(), f"{page}: {href} leads nowhere"
            if anchor:
                assert BeautifulSoup(target_file.read_text(), "html.parser").find(id=anchor), \
                    f"{page}: {href} has no #{anchor}"
            checked += 1
    assert checked >= len(DATASET.codes) + len(DATASET.topics)


def test_citation_carries_the_rule_and_links_to_the_row() -> None:
    html = rendering.citation(DATASET, "aca", "A.5.c", lambda target: "../../" + target)
    link = BeautifulSoup(html, "html.parser").a
    assert link.get_text() == "ACA A.5.c"
    assert link["href"] == "../../compare/sexual-relationships-former-clients/#aca-a-5-c"
    aca = DATASET.codes["aca"]
    rule = next(p.rule for p in aca.provisions if p.section == "A.5.c")
    assert link["title"] == f"ACA A.5.c ({aca.version}). {rule}"


@pytest.mark.parametrize(
    ("code", "section", "message"),
    [
        ("acaa", "A.5.c", "cite: there is no code 'acaa' in data/codes/ (did you mean 'aca'?)"),
        ("aca", "A.5.z", "cite: ACA has no section 'A.5.z' in data/codes/aca.yaml (did you mean 'A.5.e'?)"),
    ],
)
def test_unknown_citation_is_refused(code: str, section: str, message: str) -> None:
    with pytest.raises(UnknownReference) as caught:
        rendering.citation(DATASET, code, section, lambda target: target)
    assert str(caught.value) == message


def test_unknown_citation_fails_the_build_naming_the_page(project_copy: Path, tmp_path: Path) -> None:
    replace_in(project_copy / "docs" / "about" / "sources.md", 'cite("aca", "A.5.c")', 'cite("aca", "A.5.z")')
    result = run_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "about/sources.md" in output
    assert "cite: ACA has no section 'A.5.z'" in output
