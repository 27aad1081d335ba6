"""axe-core on the built pages, in the light and the dark palette: zero violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import ROOT

AXE = Axe()


def site_paths() -> list[str]:
    """The address of every page, from docs/ (use_directory_urls: a/b.md -> a/b/)."""
    paths = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        paths.append("" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/")
    return paths


# Plus the whole handbook on one page, which mkdocs-print-site-plugin writes (no docs/ file).
PAGES = site_paths() + ["print_page/"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_page_accessible_private_and_error_free(page_and_log: tuple[Page, object], site_url: str,
                                                      path: str, color_scheme: str) -> None:
    """axe: zero violations of any impact; no request to another host; no console error."""
    page, log = page_and_log
    console_errors: list[str] = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("networkidle")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if color_scheme == "dark" else "default")
    results = AXE.run(page)
    violations = results.response["violations"]
    assert violations == [], describe(violations)
    assert log.foreign() == [], f"requests to other hosts: {log.foreign()}"
    assert console_errors == [], console_errors


def test_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert page.get_attribute('[data-md-component="search"]', "aria-label") == "Search"


def test_table_reads_as_cards_on_a_phone(browser, site_url: str) -> None:  # noqa: ANN001
    """At phone width the comparison table needs no sideways scrolling and stays accessible."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url + "compare/sexual-relationships-former-clients/")
        page.wait_for_load_state("networkidle")
        region = page.locator("div.ott-compare")
        assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "table overflows"
        label = page.locator("tbody td").first.evaluate(
            "el => getComputedStyle(el, '::before').content")
        assert label.strip('"') == "Section and official text"
        violations = AXE.run(page).response["violations"]
        assert violations == [], describe(violations)
    finally:
        context.close()


def test_citation_shows_the_rule_on_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/sources/")
    citation = page.locator("a.ott-cite").first
    rule = citation.get_attribute("title") or ""
    assert rule.startswith("APA 10.08")
    page.keyboard.press("Tab")  # start tabbing from the top, as a keyboard user would
    for _ in range(250):
        if citation.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the citation cannot be reached with the Tab key")
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("A psychologist does not have a sexual relationship")
