"""Printing, in Chromium: the whole-handbook page and single pages become PDFs that
hold what they should, and each one-page summary fits one sheet of Letter and of A4."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from macros.validate import load_dataset

from ..conftest import ROOT
from ..site_pages import SitePages

DATA = load_dataset(ROOT / "data")


def pdf_of(page: Page, url: str, paper: str = "A4") -> PdfReader:
    page.goto(url)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    data = page.pdf(format=paper, print_background=False, prefer_css_page_size=True)
    assert data.startswith(b"%PDF") and len(data) > 2000, f"{url} printed an empty PDF"
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace collapsed, and a word broken at its hyphen across lines joined again."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", re.sub(r"\s+", " ", text)).strip()


def pdf_text(reader: PdfReader) -> str:
    return flat(" ".join(p.extract_text() or "" for p in reader.pages))


def title_of(site_pages: SitePages, address: str) -> str:
    return flat(site_pages[address].select_one("article h1").get_text("").rstrip("¶"))


def test_whole_handbook_prints_every_page_and_every_tree_question(
    page: Page, site_url: str, site_pages: SitePages
) -> None:
    """The print page's index (with the Home page) and its volumes (hooks/print_page.py),
    printed one after the other, hold the whole handbook."""
    readers = [pdf_of(page, site_url + a) for a in ["print_page/", *site_pages.print_volumes()]]
    text = " ".join(pdf_text(reader) for reader in readers)
    # the whole handbook is English; a Spanish page prints on its own, like any page
    addresses = [a for a in site_pages.addresses() if not a.startswith(("print_page/", "es/"))]
    sheets = sum(len(reader.pages) for reader in readers)
    assert sheets > len(addresses), "fewer sheets than pages: pages are missing"
    missing = [a or "/" for a in addresses if title_of(site_pages, a) not in text]
    assert not missing, f"titles missing from the printed handbook: {missing}"
    questions = [n.question for t in DATA.trees.values() for n in t.nodes.values() if n.is_question]
    absent = [q for q in questions if flat(q) not in text]
    assert not absent, f"tree questions missing on paper (trees must print as outlines): {absent[:5]}"


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_each_one_pager_fits_one_sheet(page: Page, site_url: str, site_pages: SitePages, paper: str) -> None:
    too_long = {}
    for summary in DATA.one_pagers.values():
        address = f"agencies/one-pagers/{summary.id}/"
        reader = pdf_of(page, site_url + address, paper)
        text = pdf_text(reader)
        assert title_of(site_pages, address) in text
        assert flat(summary.key_points[-1]) in text
        if len(reader.pages) != 1:
            too_long[summary.id] = len(reader.pages)
    assert not too_long, f"one-pagers that take more than one {paper} sheet: {too_long}"


def test_a_client_tree_prints_every_question_and_outcome(page: Page, site_url: str) -> None:
    tree = next(t for t in DATA.trees.values() if t.readers.value == "clients")
    text = pdf_text(pdf_of(page, site_url + f"clients/{tree.id}/", "Letter"))
    assert flat(tree.title) in text
    for node in tree.nodes.values():
        assert flat(node.question if node.is_question else node.outcome) in text


# The light print page (issue 16, hooks/print_page.py): no Material scripts, so the palette,
# the table of contents and the outlines must come from the markup and print-page.css. Its
# volumes sit one folder deeper (print_page/<slug>/): "situations" is the first page of the
# first volume.
VOLUME = "print_page/situations/"


@pytest.mark.parametrize("address", ["print_page/", VOLUME])
@pytest.mark.parametrize(("system", "scheme"), [("dark", "slate"), ("light", "default")])
def test_the_print_page_follows_the_system_palette_without_materials_scripts(
    browser: Browser, site_url: str, system: str, scheme: str, address: str
) -> None:
    context = browser.new_context(color_scheme=system)
    try:
        page = context.new_page()
        page.goto(site_url + address, wait_until="domcontentloaded")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        assert page.evaluate("typeof document$") == "undefined", "Material's bundle ran on the print page"
        # a palette chosen on another page wins, as Material does it
        page.evaluate(
            """() => __md_set("__palette", {index: 0, color: {media: "", scheme: "slate", primary: "custom",
                accent: "custom"}})"""
        )
        page.reload(wait_until="domcontentloaded")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        # ... and on every other page of the site: the print page saves it where they read it
        page.goto(site_url, wait_until="domcontentloaded")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    finally:
        context.close()


def test_the_print_page_has_its_contents_and_outlines_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + VOLUME, wait_until="domcontentloaded")
        assert page.locator("#print-page-toc nav li").count() == page.locator("section.print-page[id]").count() > 3
        first = page.locator("#print-page-toc nav a").first.get_attribute("href")
        assert first and page.locator(first).count() == 1, f"the contents' first link {first} lands nowhere"
        # every node of a tree shows, as on paper
        tree = page.locator(".ott-tree").first
        assert tree.locator(".ott-node").count() == tree.locator(".ott-node:visible").count() > 1
    finally:
        context.close()


def test_offscreen_pages_skip_layout_on_screen_but_print_whole(page: Page, site_url: str) -> None:
    page.goto(site_url + VOLUME, wait_until="domcontentloaded")
    visibility = "getComputedStyle(document.querySelector('#print-site-page section.print-page[id]:not(.md-section)')).contentVisibility"
    part = "getComputedStyle(document.querySelector('section.print-page.md-section')).contentVisibility"
    assert page.evaluate(visibility) == "auto" and page.evaluate(part) == "visible"
    page.emulate_media(media="print")
    assert page.evaluate(visibility) == "visible"
