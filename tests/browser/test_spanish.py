"""The Spanish client pages in a browser (issue 17): the language switch leads to the same
page in the other language and back, as a new page (so <html lang>, the header and search
follow), by mouse and by keyboard, with Material's instant navigation on; links from a
Spanish page to an English-only page do the same."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_switch_to_spanish_and_back(page: Page, local_site_url: str) -> None:
    page.goto(local_site_url + "clients/gifts/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Lea esta página en español").click()
    expect(page).to_have_url(re.compile(r"/es/clients/gifts/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text("regalo")
    # Material's own words follow the page: its search box and skip link are Spanish.
    expect(page.locator("a.md-skip")).to_contain_text("Saltar")

    switch = page.get_by_role("link", name="Read this page in English")
    switch.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/clients/gifts/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("a.md-skip")).to_contain_text("Skip")


def test_instant_navigation_within_spanish_and_a_new_page_to_english(page: Page, local_site_url: str) -> None:
    page.goto(local_site_url + "es/clients/")
    page.evaluate("window.__same_document = true")
    # Within Spanish, Material's instant navigation swaps the page in place.
    page.locator("article").get_by_role("link", name=re.compile("nunca está bien", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/es/clients/what-is-never-ok/$"))
    assert page.evaluate("window.__same_document === true"), "instant navigation reloaded a Spanish page"
    # A link to a page only in English loads it anew, in English.
    # A citation: it opens the code table, a page only in English.
    page.locator('article a.ott-cite[hreflang="en"]').first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate("window.__same_document !== true"), "the English page was swapped into the Spanish one"


def test_the_spanish_tree_works_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "es/clients/something-felt-wrong/")
    expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
    heading = page.locator(".ott-node:visible h2")
    expect(heading).to_contain_text("¿Está usted en peligro")
    answer = page.get_by_role("link", name="No, ahora estoy a salvo")
    answer.focus()
    page.keyboard.press("Enter")
    expect(heading).to_contain_text("sexo")
    # The stepper's own words are Spanish too.
    node = page.locator(".ott-node:visible")
    expect(node).not_to_contain_text("Start again")
    expect(node).not_to_contain_text("Back")


def test_the_spanish_tree_and_a_spanish_page_print_in_spanish(page: Page, site_url: str) -> None:
    from macros.validate import load_dataset
    from tests.browser.test_print import flat, pdf_of, pdf_text
    from tests.conftest import ROOT

    translation = load_dataset(ROOT / "data").tree_translations[("es", "something-felt-wrong")]
    text = pdf_text(pdf_of(page, site_url + "es/clients/something-felt-wrong/", "Letter"))
    assert flat(translation.title.es) in text
    for node in translation.nodes.values():
        shown = node.question or node.outcome
        assert flat(shown.es) in text, shown.es
    text = pdf_text(pdf_of(page, site_url + "es/clients/what-is-never-ok/", "A4"))
    assert "Esto no es asesoría legal" in text
    assert "En línea: " in text and "/es/clients/what-is-never-ok/" in text
