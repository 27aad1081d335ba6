"""axe-core on every built page, in the light and the dark palette: zero violations; and, on
the same page loads, the Content-Security-Policy (hooks/csp.py) in force with nothing blocked."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from macros.generated import generated_pages, translated_pages
from macros.models.translations import LANGUAGES
from macros.validate import load_dataset
from tests.browser.conftest import Tab, draw_everything
from tests.conftest import ROOT
from tests.languages import address_of
from tests.site_pages import SitePages

AXE = Axe()


def site_paths() -> list[str]:
    """The address of every page the build writes: the hand-written pages in docs/, the pages
    made from data at build time (compare/, codes/, apply/, decide/, one-pagers, templates:
    they have no file in docs/), the whole handbook's print page (print-site: its index, whose
    test also opens each of its volumes, print_page/<slug>/, known only after the build) and
    the 404 page.
    The list is made before the build, for the test ids; test_the_sweep_opens_every_built_page
    proves it is every HTML file the build wrote."""
    docs = [md.relative_to(ROOT / "docs").as_posix() for md in sorted((ROOT / "docs").rglob("*.md"))]
    dataset = load_dataset(ROOT / "data")
    generated = [page.path for page in generated_pages(dataset)]
    generated += [page.path for lang in LANGUAGES for page in translated_pages(dataset, lang)]
    return sorted({address_of(p) for p in docs + generated}) + ["print_page/", "404.html"]


PAGES = site_paths()

# In the dark palette only colours change (Material swaps its colour variables on
# data-md-color-scheme="slate"), so only the rules that read colours run there; the light
# run has every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# The whole handbook's print page (print_page/ and its volumes, print_page/<slug>/, each up to
# 150 KiB gzip) holds the same content as the pages checked one by one, joined by
# mkdocs-print-site-plugin, tidied and split into volumes by hooks/print_page.py. Only what
# that changes is checked there, in the light palette:
PRINT_PAGE_RULES = [
    # every id is prefixed with its page's key, and aria-labelledby/-describedby/-controls
    # with it: ids must stay unique and every reference must land (duplicate-id and
    # duplicate-id-active are deprecated in axe 4.7+ and off by default; this page is
    # where they still matter)
    "duplicate-id",
    "duplicate-id-active",
    "duplicate-id-aria",
    "aria-valid-attr-value",
    "label",
    "td-headers-attr",
    # landmarks: a table or tree shown on several pages gets its page's title in its name
    "landmark-unique",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "region",
    # headings: every page's h1 in one document, plus the plugin's section headings
    "page-has-heading-one",
    "heading-order",
    "empty-heading",
    # links and lists: the plugin's table of contents and its rewritten in-page links
    "link-name",
    "list",
    "listitem",
    # its own title, from print_page_title
    "document-title",
    "html-has-lang",
    # the plugin's own style sheets (print-site.css, print-site-material.css): over the whole
    # page, as they could reach any of it
    *COLOUR_RULES,
]
# In the dark palette, the print page's content has the colours of the pages it joins, each
# checked in the dark palette on its own (the plugin's style sheets set no colour on screen),
# and colour contrast over 2 MB takes Chromium some 15 s: there, the colour rules check only
# what the plugin itself writes, its section headings and its table of contents.
PRINT_PAGE_OWN = {"include": ["section.md-section > h1", "#print-page-toc", "p.ott-print-parts"]}
# The print page's index (print_page/): what hooks/print_page.py writes there itself, its
# introduction and list of volumes (the Home page after it is checked on its own).
PRINT_INDEX_OWN = {"include": ["#print-parts"]}


def axe_args(path: str, color_scheme: str) -> dict:
    """The `context` and `options` of axe.run for this page in this palette."""
    on_print_page = path.startswith("print_page/")
    rules = COLOUR_RULES if color_scheme == "dark" else PRINT_PAGE_RULES if on_print_page else None
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    context = None
    if on_print_page and color_scheme == "dark":
        context = PRINT_INDEX_OWN if path == "print_page/" else PRINT_PAGE_OWN
    return {"context": context, "options": options}


def show_every_page(page: Page) -> None:
    """Scroll each page of a print volume into view once, as a reader going through it would.

    On screen, print-page.css leaves a page the reader has not reached unrendered
    (content-visibility: auto), holding 3000px for it until it is first shown. axe reads
    every element's place at once: the links of a long page not yet shown would lie over the
    pages after it, and at the end of a volume over the footer, whose dark band axe then
    takes for their background. Once shown, each page keeps its real height (auto), so
    every element is where a reader sees it."""
    page.evaluate(
        """async () => {
            const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            for (const s of document.querySelectorAll("#print-site-page section.print-page:not(.md-section)")) {
                s.scrollIntoView();
                await frame();
            }
            window.scrollTo(0, 0);
            await frame();
        }"""
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return "\n".join(lines)


def test_the_sweep_opens_every_built_page(site_pages: SitePages) -> None:
    built = [path.removesuffix("index.html") for path in site_pages.paths]
    # the print page's volumes are opened by the test of its index, print_page/
    built = [path for path in built if path not in site_pages.print_volumes()]
    assert site_pages.print_volumes(), "the print page has no volumes (hooks/print_page.py)"
    unswept, unbuilt = sorted(set(built) - set(PAGES)), sorted(set(PAGES) - set(built))
    assert sorted(PAGES) == sorted(built), f"built but not swept: {unswept}; swept but not built: {unbuilt}"


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_page_accessible_private_and_error_free(
    tab: Tab, site_url: str, path: str, color_scheme: str, site_pages: SitePages
) -> None:
    """axe: zero violations of any impact; no console error; the page carries its policy and
    its own scripts ran under it. The shared tab (conftest.py) then fails the test on any
    request to another host, Content-Security-Policy violation or JavaScript error. The print
    page's index (print_page/) is checked with each of its volumes."""
    for address in [path, *site_pages.print_volumes()] if path == "print_page/" else [path]:
        check_page(tab, site_url, address, color_scheme)


def check_page(tab: Tab, site_url: str, path: str, color_scheme: str) -> None:
    page = tab.page
    # "load": the page, its styles and scripts (Material's bundle, trees.js) have run. Not
    # "networkidle", which waits half a second more for the search index and sitemap that
    # axe does not look at; the requests they make are still checked, after the test.
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if color_scheme == "dark" else "default")
    assert page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content"), path
    # The early inline script ran (allowed by its hash), and trees.js loaded, or it would
    # have taken the class off again. The print page runs neither (hooks/print_page.py):
    # its trees show as outlines.
    marked = page.evaluate("document.documentElement.classList.contains('ott-js')")
    assert marked == (not path.startswith("print_page/")), path
    draw_everything(page)
    if path.startswith("print_page/"):
        show_every_page(page)
    results = AXE.run(page, **axe_args(path, color_scheme))
    violations = results.response["violations"]
    assert violations == [], f"{path}: {describe(violations)}"
    assert tab.console_errors == [], tab.console_errors


def test_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Search"


def test_table_reads_as_cards_on_a_phone(browser, site_url: str) -> None:  # noqa: ANN001
    """At phone width the comparison table needs no sideways scrolling and stays accessible."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url + "compare/sexual-relationships-former-clients/")
        page.wait_for_load_state("networkidle")
        region = page.locator("div.ott-compare")
        assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "table overflows"
        label = page.locator("tbody td").first.evaluate("el => getComputedStyle(el, '::before').content")
        assert label.strip('"') == "Section and official text"
        draw_everything(page)
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
