"""The Content-Security-Policy (hooks/csp.py) is enforced, and the site works under it.

Every browser test's page fixture already fails on a violation (see conftest.py), and the
accessibility sweep (test_accessibility.py) opens every built page, generated ones included,
and checks each carries its policy and ran its own scripts under it; these tests show the
policy is really in force, so that "no violation" means something.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import watch_csp

POLICY = 'meta[http-equiv="Content-Security-Policy"]'


@pytest.mark.parametrize(
    "path",
    [
        "",
        "decide/unexpected-encounter/",
        "agencies/one-pagers/online/",
        "print_page/",
        "print_page/situations/",
        "404.html",
    ],
)
def test_the_policy_blocks_a_new_inline_script_and_allows_the_pages_own(
    browser: Browser, site_url: str, path: str
) -> None:
    context = browser.new_context()
    found = watch_csp(context)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        content = page.get_attribute(POLICY, "content")
        assert content and "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in content, content
        assert "unsafe-inline" not in content and "'unsafe-eval'" not in content, content
        assert page.get_attribute('meta[name="referrer"]', "content") == "no-referrer"
        # The page's own inline scripts ran: Material's storage helpers, and the early class
        # (404.html asks for trees.js under /handbook/, which the test server also serves).
        assert page.evaluate("typeof __md_get") == "function"
        # (the print page has no trees.js, so no early class either: hooks/print_page.py)
        marked = page.evaluate("document.documentElement.classList.contains('ott-js')")
        assert marked == (not path.startswith("print_page/")), path
        assert found == [], found
        if path == "print_page/":  # the index lists the volumes
            expect(page.locator("ol.ott-print-parts li").first).to_be_attached()
        elif path.startswith("print_page/"):  # a volume's table of contents is written into it
            expect(page.locator("#print-page-toc nav li").first).to_be_attached()

        # A script the build did not hash does not run, and is reported.
        page.evaluate("""() => {
            const s = document.createElement("script");
            s.textContent = "window.__injected = true";
            document.head.appendChild(s);
        }""")
        page.wait_for_function("window.__csp_violations.length > 0")
        assert page.evaluate("window.__injected") is None
        violation = page.evaluate("window.__csp_violations[0]")
        assert violation["directive"] == "script-src-elem" and violation["blocked"] == "inline", violation
        page.evaluate("0")  # let the report reach Python
        assert any("script-src-elem blocked inline" in line for line in found), found
    finally:
        context.close()


def test_the_meta_policy_comes_before_every_script(page: Page, site_url: str) -> None:
    # A meta policy only governs what follows it.
    page.goto(site_url)
    order = page.evaluate(f"""() => [...document.querySelectorAll('{POLICY}, script, link[rel=stylesheet], style')]
        .map(el => el.tagName)""")
    assert order[0] == "META" and order.count("META") == 1, order


def test_search_stepper_and_palette_work_under_the_policy(page: Page, site_url: str) -> None:
    # The `page` fixture also fails the test on any violation, on any page visited.
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("bartering", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")

    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")

    page.goto(site_url + "decide/unexpected-encounter/")
    expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
    expect(page.locator(".ott-node:visible")).to_have_count(1)
    page.locator(".ott-node:visible .ott-answers a").first.click()
    expect(page).to_have_url(re.compile(r"#unexpected-encounter/0$"))
    expect(page.locator(".ott-path li")).to_have_count(1)
    assert page.evaluate("window.__csp_violations") == []


def test_instant_navigation_between_depths_under_the_policy(page: Page, local_site_url: str) -> None:
    """Material's instant navigation adds each next page's policy to the ones in force and
    re-runs the scripts in the page's container: every page must still be allowed."""
    page.goto(local_site_url)
    page.evaluate("window.__same_document = true")
    # depth 0 -> 2 -> 1 -> 2 -> 0; each page carries only its own tab's links (navigation.prune)
    for name in ("Meeting a client in public", "For agencies", "All summaries", "Home"):
        link = page.locator("a[href]", has_text=name).first
        target = link.evaluate("a => a.href")
        link.dispatch_event("click")  # links in collapsed sections and the tabs on a phone are hidden
        expect(page).to_have_url(target)
    assert page.evaluate("window.__same_document === true"), "instant navigation reloaded the page"
    assert page.evaluate("window.__csp_violations") == []
