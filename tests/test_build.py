"""The real strict build, and what it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.render import anchor_id
from macros.validate import load_dataset

from .conftest import ROOT, line_of, replace_in, run_build
from .privacy import (
    external_references_in_css,
    external_references_in_html,
    external_references_in_site,
)
from .site_pages import SitePages

SLICE = "compare/sexual-relationships-former-clients/index.html"


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def html_files(site: Path) -> list[Path]:
    """What a build published: a failed build must leave nothing to serve."""
    return sorted(site.rglob("*.html")) if site.exists() else []


def test_slice_page_has_the_comparison_table_with_sources(site_pages: SitePages) -> None:
    soup = site_pages[SLICE]
    table = soup.select_one("table.ott-compare__table")
    assert table is not None, "the comparison table is missing from the page"
    rows = {row["id"]: row for row in table.select("tbody tr")}
    dataset = load_dataset(ROOT / "data")
    topic = dataset.topics["sexual-relationships-former-clients"]
    expected = {anchor_id(code.id, p.section): p for code, p in dataset.provisions_on(topic.id)}
    assert set(rows) == set(expected) and {"apa-10-08", "aca-a-5-c"} <= set(rows)
    for row_id, provision in expected.items():
        row = rows[row_id]
        official = [a["href"] for a in row.select("a.ott-source")]
        assert official == [str(provision.source_url)], official
        assert row.select_one(".ott-status").get_text(strip=True) in {
            "Wording checked",
            "Publisher's summary",
            "Paraphrase only",
            "Not yet checked",
        }
        assert "Version:" in row.get_text() and "checked" in row.get_text()
    # The region that scrolls on small screens is named by the table's caption.
    region = soup.select_one("div.ott-compare")
    assert region["aria-labelledby"] == table.caption["id"]


def test_every_page_has_disclaimer_and_correction_link(site_pages: SitePages) -> None:
    pages = site_pages.addresses()
    assert len(pages) >= 3
    for page in pages:
        soup = site_pages[page]
        assert soup.select_one("aside.ott-disclaimer"), page
        link = soup.select_one("a.ott-correction")
        assert link and "issues/new?template=content-correction.yml" in link["href"], page
        assert "page=https%3A//outside-the-office.github.io/handbook/" in link["href"], link["href"]


def test_built_site_references_no_other_host(built_site: Path, site_pages: SitePages) -> None:
    assert external_references_in_site(built_site, site_pages) == {}
    # Material's repository widget would call the GitHub API from the browser.
    home = site_pages.text("index.html")
    assert 'data-md-component="source"' not in home


def test_privacy_check_catches_external_assets() -> None:
    html = """<html><head>
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="preload" href="//cdn.example.com/x.woff2">
      <link rel="canonical" href="https://outside-the-office.github.io/handbook/">
      <script src="https://www.googletagmanager.com/gtag/js"></script>
      <style>body { background: url("https://example.com/bg.png") }</style>
      </head><body><img srcset="a.png 1x, https://example.com/b.png 2x"><a href="https://apa.org">ok</a></body></html>"""
    found = external_references_in_html(html)
    assert found == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.com/x.woff2",
        "https://www.googletagmanager.com/gtag/js",
        "https://example.com/bg.png",
        "https://example.com/b.png",
    ]
    css = "@import url('https://fonts.googleapis.com/x'); .a{background:url(data:image/png;base64,AA)} .b{src:url(../fonts/x.woff2)}"
    assert external_references_in_css(css) == ["https://fonts.googleapis.com/x"]
    assert external_references_in_css('@import "https://x.example/a.css";') == ["https://x.example/a.css"]


# The failure modes below break a tiny fixture site (tests/fixture_site.py: the real
# mkdocs.yml settings, macros and hooks, a few pages, two codes) rather than a copy of the
# whole handbook: each build takes about a second instead of several.


def test_bad_data_stops_the_build_and_writes_no_page(fixture_site: Path, tmp_path: Path) -> None:
    aca, topics = fixture_site / "data" / "codes" / "aca.yaml", fixture_site / "data" / "topics.yaml"
    replace_in(aca, "waiting_period: 5", "waiting_period: five")
    replace_in(topics, "codes: [apa, aca]", "codes: [apa, aca, zzz]")
    site = tmp_path / "site"
    result = run_build(fixture_site, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The handbook's data has 2 problems; no page was built:" in output
    assert (
        f"data/codes/aca.yaml:{line_of(aca, 'waiting_period: five')}: provisions[0].waiting_period is 'five'"
    ) in output
    assert (
        f"data/topics.yaml:{line_of(topics, 'zzz')}: topics[0].codes[2] is 'zzz', which is not a code we have"
    ) in output
    assert "Traceback" not in output
    assert html_files(site) == []


def test_unknown_topic_in_a_page_fails_the_build_naming_the_page(fixture_site: Path, tmp_path: Path) -> None:
    page = fixture_site / "docs" / "situations" / "former-clients.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if 'comparison_table("' in text)
    lines[line - 1] = '{{ comparison_table("former-clients-typo") }}'
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(fixture_site, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/situations/former-clients.md:{line}: comparison_table: there is no topic "
        "'former-clients-typo' in data/topics.yaml"
    ) in output
    assert "Traceback" not in output
    assert html_files(site) == []


def test_undefined_variable_fails_the_build(fixture_site: Path, tmp_path: Path) -> None:
    page = fixture_site / "docs" / "situations" / "former-clients.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_variable }}\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(fixture_site, site)
    assert result.returncode != 0
    assert "no_such_variable" in result.stdout + result.stderr
    assert html_files(site) == []


def test_literal_braces_in_prose_are_safe_without_opt_in(fixture_site: Path, tmp_path: Path) -> None:
    page = fixture_site / "docs" / "index.md"
    assert "render_macros" not in page.read_text(encoding="utf-8")
    page.write_text(
        page.read_text(encoding="utf-8") + "\nA template looks like {{ this }} or {% that %}.\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    result = run_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    text = soup_of(site, "index.html").get_text()
    assert "{{ this }} or {% that %}" in text


@pytest.mark.parametrize("page", ["index.html", SLICE, "about/sources/index.html"])
def test_pages_have_titles_and_descriptions(site_pages: SitePages, page: str) -> None:
    soup = site_pages[page]
    assert soup.title and soup.title.get_text(strip=True)
    description = soup.select_one('meta[name="description"]')
    assert description and len(description["content"]) > 40


def test_every_page_says_when_it_was_last_reviewed(site_pages: SitePages) -> None:
    missing = []
    for page in site_pages.addresses():
        if page.startswith("print_page/"):
            continue  # the whole handbook on one page: pages are reviewed one by one, not as a whole
        when = site_pages[page].select_one("p.ott-reviewed time")
        if when is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.get("datetime", "")):
            missing.append(page + "index.html")
    assert missing == [], f"pages without a review date (add `reviewed:` to their front matter): {missing}"


def test_code_page_review_date_comes_from_the_data(site_pages: SitePages) -> None:
    dataset = load_dataset(ROOT / "data")
    for code in dataset.codes.values():
        when = site_pages[f"codes/{code.id}/index.html"].select_one("p.ott-reviewed time")
        assert when["datetime"] == code.verified_on.isoformat()


def test_abbreviations_are_expanded_in_prose(site_pages: SitePages) -> None:
    soup = site_pages["about/glossary/index.html"]
    titles = {abbr.get_text(): abbr["title"] for abbr in soup.select("article abbr")}
    assert titles["LMFT"] == "Licensed Marriage and Family Therapist"
    assert titles["NASW"] == "National Association of Social Workers"
