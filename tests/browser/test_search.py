"""Material's search box, typed into as a reader would."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type `query` into the search box; return the result links, best first."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("former client", "compare/sexual-relationships-former-clients/"),
        ("waiting period", "compare/sexual-relationships-former-clients/"),
        ("romantic relationship", "compare/sexual-relationships-former-clients/"),
    ],
)
def test_search_finds_the_comparison_page(page: Page, site_url: str, query: str, expected: str) -> None:
    hrefs = search(page, site_url, query)
    assert any(expected in href for href in hrefs[:3]), f"{query!r} -> {hrefs}"


def test_search_result_opens_the_page_with_highlight(page: Page, site_url: str) -> None:
    search(page, site_url, "waiting period")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"compare/sexual-relationships-former-clients/"))
    expect(page.locator("mark").first).to_be_visible()
