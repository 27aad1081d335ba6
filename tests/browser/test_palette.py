"""The light and dark palette toggle without Material's palette component (issue 16,
overrides/partials/palette.html): the same form as the theme's, a small inline script
instead of the component's start-up (two forced style recalculations of the whole page).

It must do what the component did: the system setting when nothing is chosen, a saved
choice across pages and reloads, the toggle by mouse and by Enter, transitions off while
switching; and it follows the system when the reader has chosen nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
OURS = ROOT / "overrides" / "partials" / "palette.html"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
SAVED = "localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith('__palette')) || 'none')"


def form(text: str) -> str:
    return re.search(r"<form\b.*?</form>", text, re.S)[0]


def test_the_override_is_materials_form_unmounted() -> None:
    """The form is the theme's, word for word, but for the marker that keeps Material's
    component off it: a theme upgrade that changes the form fails here."""
    theirs = form((MATERIAL / "partials" / "palette.html").read_text(encoding="utf-8"))
    assert 'data-md-component="palette"' in theirs
    assert form(OURS.read_text(encoding="utf-8")) == theirs.replace('data-md-component="palette"', "data-ott-palette")
    # and the theme's bundle still mounts the component by that marker, with the forced
    # style read this override avoids
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert '"palette"' in bundle and "getComputedStyle" in bundle


def test_every_page_has_the_toggle_and_no_palette_component(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if 'class="md-header"' in p.read_text(encoding="utf-8")]
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site)
        assert 'data-md-component="palette"' not in html, where
        at = html.index('<form class="md-header__option" data-ott-palette>')
        assert html.index("</form>", at) < html.index("document.currentScript.previousElementSibling", at), where
        assert '<meta name="theme-color" content="#1f5b57">' in html, where


# the print page's index and a volume, one folder deeper (its storage scope is "../..")
@pytest.mark.parametrize("address", ["", "print_page/", "print_page/situations/"])
@pytest.mark.parametrize(("system", "scheme", "other"), [("dark", "slate", "default"), ("light", "default", "slate")])
def test_the_palette_follows_the_system_until_the_reader_chooses(
    browser: Browser, site_url: str, address: str, system: str, scheme: str, other: str
) -> None:
    context = browser.new_context(color_scheme=system)
    try:
        page = context.new_page()
        page.goto(site_url + address, wait_until="domcontentloaded")
        # set while the page is parsed, before the bundle (there is none on the print page)
        assert page.evaluate(SCHEME) == scheme
        page.wait_for_load_state("load")
        assert page.evaluate(SAVED) is None, "a visit saved a palette nobody chose"
        # the system changes: the page follows (the print page has 20,000 elements to restyle)
        wait = 20_000 if address else 5_000
        page.emulate_media(color_scheme="light" if system == "dark" else "dark")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", other, timeout=wait)
        page.emulate_media(color_scheme=system)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme, timeout=wait)
        # the one visible toggle switches away from the current palette, and the choice holds
        toggle = page.locator("form[data-ott-palette] label:visible")
        expect(toggle).to_have_count(1)
        toggle.click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", other, timeout=wait)
        expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", re.compile(".*"))
        assert page.evaluate(SAVED) is not None
        page.emulate_media(color_scheme="light" if system == "dark" else "dark")
        page.emulate_media(color_scheme=system)
        assert page.evaluate(SCHEME) == other, "a chosen palette gave way to the system setting"
        page.goto(site_url + "clients/", wait_until="domcontentloaded")
        assert page.evaluate(SCHEME) == other, "the choice did not carry to another page"
    finally:
        context.close()


def test_the_toggle_works_by_keyboard_and_the_header_colour_is_theme_color(browser: Browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        page.goto(site_url + "situations/community-encounters/")
        header = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
        assert page.evaluate(header) == "rgb(31, 91, 87)"  # #1f5b57, the theme-color tag
        radio = page.locator("form[data-ott-palette] input:checked")
        radio.focus()
        page.keyboard.press("Enter")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        assert page.evaluate("document.activeElement.id") == "__palette_1"
        assert page.evaluate(header) == "rgb(31, 91, 87)", "the header is not the primary colour in dark"
        page.keyboard.press("Enter")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        # after instant navigation the same header toggle still works
        page.locator(".md-tabs a[href*='clients/']").first.click()
        page.wait_for_url(re.compile(r"clients/"))
        page.locator("form[data-ott-palette] label:visible").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    finally:
        context.close()
