"""Material's search box, typed into as a reader would."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import Tab


def search(page: Page, site_url: str, query: str, typed: bool = True) -> list[str]:
    """Type `query` into the search box; return the result links, best first.

    `typed=False` pastes all but the last letter and types that one: the same query and
    results (Material searches on each key), with one search instead of one per letter, for
    a suite of many queries; the tests here type every letter, as a reader does."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    expect(box).to_be_focused()
    if typed:
        box.press_sequentially(query, delay=20)
    else:
        box.fill(query[:-1])
        box.press_sequentially(query[-1])
    selector = ".md-search-result__item > .md-search-result__link"
    expect(page.locator(selector).first).to_be_visible(timeout=10_000)
    # Results re-render while the query settles: wait until two reads agree, read atomically.
    previous: list[str] = []
    for _ in range(20):
        hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href') || '')")
        if hrefs and hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(150)
    # One entry per page, best first (Material also lists matching sections of a page).
    pages = [re.sub(r"^https?://[^/]+/|[?#].*$", "", href) for href in hrefs]
    return list(dict.fromkeys(pages))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "former client",
            {
                "compare/sexual-relationships-former-clients/",
                "decide/former-client-relationship/",
                "situations/former-clients/",
            },
        ),
        ("waiting period", {"compare/sexual-relationships-former-clients/", "situations/former-clients/"}),
        (
            "romantic relationship",
            {
                "compare/sexual-relationships-former-clients/",
                "compare/sexual-relationships-current-clients/",
                "decide/former-client-relationship/",
            },
        ),
        ("friend request", {"decide/online-contact/"}),
        ("bartering", {"compare/bartering/"}),
    ],
)
def test_search_finds_the_page_people_mean(light_tab: Tab, site_url: str, query: str, expected: set[str]) -> None:
    pages = search(light_tab.page, site_url, query)
    assert expected & set(pages[:3]), f"{query!r} -> {pages[:5]}"


def test_search_result_opens_the_page_with_highlight(page: Page, site_url: str) -> None:
    search(page, site_url, "bartering")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"compare/bartering/"))
    expect(page.locator("mark").first).to_be_visible()
