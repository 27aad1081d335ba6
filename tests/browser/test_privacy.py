"""While a reader loads pages, searches and switches palette, nothing leaves 127.0.0.1."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_using_the_site_asks_no_other_host(page: Page, site_url: str) -> None:
    # The `page` fixture fails the test if any request went to another host.
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("former", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    page.locator("label.md-header__button[for='__palette_1']").first.click()
    page.get_by_role("link", name="Former clients").first.click()
    expect(page.locator("table.ott-compare__table").first).to_be_visible()
    cookies = page.context.cookies()
    assert cookies == [], f"the site set cookies: {cookies}"
