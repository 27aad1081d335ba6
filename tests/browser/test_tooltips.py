"""Tooltips by one listener on the document (docs/assets/javascripts/tooltips.js, issue 16)
instead of Material's content.tooltips, which mounted a component on each of a chapter's
~90 titled elements at load: hover and keyboard focus show the title in Material's tooltip,
Escape dismisses it, and pages brought in by instant navigation work the same."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT

ACTIVE = ".md-tooltip2--active[role=tooltip]"


def test_materials_tooltips_stay_off() -> None:
    """Both at once would show two tooltips and bring back the cost at load."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    features = re.search(r"  features:\n((?:    .*\n)+)", config)[1]
    assert "- content.tooltips" not in features
    assert "assets/javascripts/tooltips.js" in config


def test_every_page_links_the_tooltip_script(built_site: Path) -> None:
    html = (built_site / "situations" / "community-encounters" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="text/plain" data-ott-src="[./]*assets/javascripts/tooltips\.js"></script>', html)
    assert '"content.tooltips"' not in html  # Material's feature list, in __config


def test_a_citation_shows_its_rule_on_focus_and_escape_dismisses_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "situations/community-encounters/")
    page.locator("article a.ott-cite[title]:visible").first.evaluate("el => el.setAttribute('data-probe', '')")
    citation = page.locator("[data-probe]")  # found again once its title has moved
    rule = citation.get_attribute("title") or ""
    assert len(rule) > 20
    citation.focus()
    tip = page.locator(ACTIVE)
    expect(tip).to_be_visible()
    expect(tip).to_have_text(rule)
    # on focus the title stays: it still describes the link (and names a header button)
    assert citation.get_attribute("title") == rule and citation.get_attribute("aria-describedby") is None
    # below the link, inside the viewport
    link, box = citation.bounding_box(), tip.locator(".md-tooltip2__inner").bounding_box()
    assert link and box and box["y"] >= link["y"] + link["height"] - 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    page.keyboard.press("Escape")
    expect(page.locator(ACTIVE)).to_have_count(0)
    assert citation.get_attribute("title") == rule and citation.get_attribute("aria-describedby") is None


def test_hover_shows_and_leaving_hides(page: Page, site_url: str) -> None:
    page.goto(site_url + "situations/community-encounters/")
    page.locator("article abbr[title]:visible").first.evaluate("el => el.setAttribute('data-probe', '')")
    abbr = page.locator("[data-probe]")
    text = abbr.get_attribute("title")
    abbr.hover()
    expect(page.locator(ACTIVE)).to_have_text(text or "")
    # under the pointer the title moves into the tooltip (no native one beside it), which
    # describes the element instead
    assert abbr.get_attribute("title") is None
    assert abbr.get_attribute("aria-describedby") == page.locator(ACTIVE).get_attribute("id")
    page.mouse.move(0, page.viewport_size["height"] - 5)
    expect(page.locator(".md-tooltip2")).to_have_count(0)
    assert abbr.get_attribute("title") == text


def test_pages_brought_by_instant_navigation_have_tooltips(page: Page, local_site_url: str) -> None:
    page.goto(local_site_url + "situations/community-encounters/")
    page.evaluate("window.__same = 1")
    page.locator("article a.ott-cite[href]:visible").first.click()
    page.wait_for_url(re.compile(r"/compare/"))
    expect(page.locator("article [title]:visible").first).to_be_visible()
    assert page.evaluate("window.__same") == 1, "not an instant navigation"
    page.locator("article [title]:visible").first.hover()
    expect(page.locator(ACTIVE)).to_have_count(1)
