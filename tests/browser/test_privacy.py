"""While a reader loads pages, searches and switches palette, nothing leaves 127.0.0.1."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from .conftest import _new_context


def test_using_the_site_asks_no_other_host(page: Page, site_url: str) -> None:
    # The `page` fixture fails the test if any request went to another host.
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("former", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    page.locator("label.md-header__button[for='__palette_1']").first.click()
    # Instant navigation: a tab, then a compare page from its sidebar (a full table).
    page.locator(".md-tabs").get_by_role("link", name="The codes").click()
    page.locator(".md-sidebar--primary").get_by_role("link", name="Former clients").first.click()
    expect(page.locator("table.ott-compare__table").first).to_be_visible()
    cookies = page.context.cookies()
    assert cookies == [], f"the site set cookies: {cookies}"


def test_a_request_to_another_host_is_refused_and_recorded(browser: Browser) -> None:
    """The check above can fail: on a page without the site's policy, requests for other hosts
    (by name, by IP address, from a worker) all fail inside Chromium and are all recorded."""
    context, log = _new_context(browser, "light")
    try:
        page = context.new_page()
        page.set_content("<img src='https://example.org/a.png'><img src='http://192.0.2.1/b.png'>")
        page.evaluate("""() => new Worker(URL.createObjectURL(new Blob(
            ["fetch('https://worker.example/w').catch(() => 0)"], {type: "text/javascript"})))""")
        expected = ["https://example.org/a.png", "http://192.0.2.1/b.png", "https://worker.example/w"]
        for _ in range(50):
            if set(expected) <= set(log.foreign()):
                break
            page.wait_for_timeout(100)
        assert sorted(log.foreign()) == sorted(expected)
    finally:
        context.close()
