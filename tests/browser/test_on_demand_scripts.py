"""trees.js and licences.js load only where a page needs them (issue 16): no page links them;
docs/assets/javascripts/on-demand.js adds trees.js to a page with a decision tree and
licences.js to the licences form and, once a reader saved a choice, to every page. Material's
instant navigation does not load a page's scripts again, so the loader checks every page it
shows, and the stepper must start on a tree reached that way, or show every node if trees.js
fails to load. The stepper's words follow the page's language. The bench counts what the
browser loads: scripts/measure.py `assets` names the same scripts as Chromium requests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import close_and_check_csp, watch_csp
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from measure import ON_DEMAND, PAGE_TYPES, assets  # noqa: E402

ON_DEMAND_FILES = ("assets/javascripts/trees.js", "assets/javascripts/licences.js")
# A script the page links (src).
SCRIPT_SRC = re.compile(r"<script\b[^>]*\ssrc=\"([^\"]+)\"")
TREE = "decide/unexpected-encounter/"
PLAIN = "about/sources/"
CHOOSER = "apply/my-licences/"
# Chapters with a decision tree, reached from the situations overview (which has none). Both
# are in sitemap.xml, as Material's instant navigation needs.
CHAPTERS_WITH_TREES = ("community-encounters", "gifts")
# The scripts of the site's own that the page has loaded, as paths from the site's root.
LOADED = """() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
    .filter(p => p.endsWith('.js') && !p.includes('/pagefind/')).map(p => p.slice(1)).sort()"""


def loads(page: Page, name: str) -> int:
    """How many times the page (one document, across instant navigation) fetched `name`."""
    return page.evaluate(
        "name => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.endsWith('/' + name)).length",
        name,
    )


def test_no_page_links_the_scripts_the_loader_adds(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if "<html" in p.read_text(encoding="utf-8")[:2000]]
    pages = [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:3000]]
    assert len(pages) > 50
    for path in pages:
        sources = SCRIPT_SRC.findall(path.read_text(encoding="utf-8"))
        if not any("bundle." in s for s in sources):
            continue  # a page without Material's scripts (the print page may be one) has no loader either
        name = path.relative_to(built_site).as_posix()
        assert any(s.endswith("assets/javascripts/on-demand.js") for s in sources), f"{name}: no on-demand.js"
        linked = [s for s in sources if s.endswith(("/trees.js", "/licences.js"))]
        assert linked == [], f"{name} links {linked}: on-demand.js adds them where needed"
    assert set(ON_DEMAND) == set(ON_DEMAND_FILES), "scripts/measure.py ON_DEMAND: update it with the loader"
    for rel in ON_DEMAND_FILES:
        assert (built_site / rel).is_file(), f"{rel} is not published"


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_each_page_type_loads_what_the_bench_counts(
    page: Page, site_url: str, built_site: Path, page_type: str
) -> None:
    """A first visit (nothing saved) loads the scripts scripts/measure.py counts for the page:
    trees.js on a page with a tree only, licences.js on the licences form only."""
    rel = PAGE_TYPES[page_type]
    page.goto(site_url + rel.removesuffix("index.html"))
    page.wait_for_load_state("networkidle")
    _, js = assets(built_site, built_site / rel)
    counted = sorted(p.relative_to(built_site.resolve()).as_posix() for p in js)
    assert page.evaluate(LOADED) == counted, page_type
    has_tree = page.locator(".ott-tree").count() > 0
    assert ("assets/javascripts/trees.js" in counted) == has_tree, page_type


def test_the_licences_form_and_a_saved_choice_bring_licences_js(page: Page, site_url: str) -> None:
    page.goto(site_url + PLAIN)
    page.wait_for_load_state("networkidle")
    assert loads(page, "licences.js") == 0 and loads(page, "trees.js") == 0
    page.goto(site_url + CHOOSER)
    page.locator("#ott-choice-member-aca").check()  # the form works: licences.js made the boxes
    assert loads(page, "licences.js") == 1
    # With a choice saved, every page gets it, and marks the reader's codes.
    page.goto(site_url + "compare/sexual-relationships-former-clients/")
    expect(page.locator(".ott-binds-you").first).to_be_visible()
    page.goto(site_url + PLAIN)
    page.wait_for_load_state("networkidle")
    assert loads(page, "licences.js") == 1 and loads(page, "trees.js") == 0


def test_instant_navigation_to_trees_loads_the_stepper_once(browser: Browser, local_site_url: str) -> None:
    """From the situations overview (no tree) to two chapters with a tree, by instant navigation:
    trees.js comes with the first, once, and the stepper starts on each. An answer keeps its
    place in the path: Material's instant navigation, which handles links to the same page,
    no longer replaces the address trees.js wrote (trees.js stops the click)."""
    context = browser.new_context()
    csp = watch_csp(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(local_site_url + "situations/")
        page.wait_for_load_state("networkidle")  # Material's scripts have run: links are intercepted
        assert page.locator(".ott-tree").count() == 0, "the overview holds a tree: start from a page without one"
        assert loads(page, "trees.js") == 0
        page.evaluate("window.__same_document = true")
        seen = []
        for chapter in CHAPTERS_WITH_TREES:
            if seen:  # back to the overview (past the answer given), still in the same document
                page.go_back()
                page.go_back()
                expect(page).to_have_url(re.compile(r"/situations/$"))
            page.locator(f'article a[href$="/situations/{chapter}/"]').first.click()
            expect(page).to_have_url(re.compile(rf"/situations/{chapter}/$"))
            expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
            expect(page.locator(".ott-node:visible")).to_have_count(1)
            seen.append(page.locator(".ott-tree").get_attribute("data-tree"))
            page.locator(".ott-node:visible .ott-answers a").first.click()
            expect(page.locator(".ott-path li")).to_have_count(1)
        assert page.evaluate("window.__same_document === true"), "instant navigation made a full load"
        assert len(set(seen)) == 2, seen
        assert loads(page, "trees.js") == 1 and loads(page, "licences.js") == 0
        assert errors == []
    finally:
        close_and_check_csp(context, csp)


def test_a_tree_reached_by_instant_navigation_shows_every_node_if_the_stepper_fails(
    browser: Browser, local_site_url: str
) -> None:
    """overrides/main.html drops the "ott-js" marker when trees.js fails to load; it must still
    hear the failure of the script on-demand.js adds, after an instant page change."""
    context = browser.new_context()
    context.route("**/trees.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(local_site_url + "situations/")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__same_document = true")
        page.locator(f'article a[href$="/situations/{CHAPTERS_WITH_TREES[0]}/"]').first.click()
        expect(page).to_have_url(re.compile(rf"/situations/{CHAPTERS_WITH_TREES[0]}/$"))
        page.wait_for_function("() => !document.documentElement.classList.contains('ott-js')")
        nodes = page.locator(".ott-tree section.ott-node")
        assert nodes.count() > 2
        expect(page.locator(".ott-tree section.ott-node:visible")).to_have_count(nodes.count())
        assert page.evaluate("window.__same_document === true"), "instant navigation made a full load"
    finally:
        context.close()


def _in_spanish(route: Route) -> None:
    response = route.fetch()
    body = response.text()
    assert '<html lang="en"' in body, 'the tree page no longer starts <html lang="en": update this test'
    route.fulfill(response=response, body=body.replace('<html lang="en"', '<html lang="es"', 1))


# The stepper's own words, by page language: Back, Start over, the live region's "Question",
# the answers list's label, Change and its label, "Outcome".
STEPPER_WORDS = {
    "es": (
        "Atrás",
        "Empezar de nuevo",
        "Pregunta",
        "Sus respuestas hasta ahora",
        "Cambiar",
        "Cambiar su respuesta a",
        "Resultado",
    ),
    "en": ("Back", "Start over", "Question", "Your answers so far", "Change", "Change your answer to", "Outcome"),
}


@pytest.mark.parametrize("language", sorted(STEPPER_WORDS))
def test_the_steppers_words_follow_the_page_language(page: Page, site_url: str, language: str) -> None:
    """The stepper's own words are in the page's language (<html lang>; the Spanish case
    serves the English tree page with lang="es")."""
    back, restart, question, path, change, change_label, outcome = STEPPER_WORDS[language]
    if language == "es":
        page.route(re.compile(re.escape(TREE) + "$"), _in_spanish)
    page.goto(site_url + TREE)
    expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
    page.locator(".ott-node:visible .ott-answers a").first.click()
    node = page.locator(".ott-node:visible")
    expect(node.locator("[data-act=back]")).to_have_text(back)
    expect(node.locator("[data-act=restart]")).to_have_text(restart)
    expect(page.locator(".ott-live")).to_have_text(re.compile(rf"^{question} 2: "))
    expect(page.locator(".ott-path")).to_have_attribute("aria-label", path)
    first_change = page.locator(".ott-change").first
    expect(first_change).to_have_text(change)
    expect(first_change).to_have_attribute("aria-label", re.compile(rf"^{change_label}: \S"))
    # To an outcome.
    page.locator(".ott-node:visible .ott-answers a").first.click()
    expect(page.locator(".ott-live")).to_have_text(re.compile(rf"^({outcome}|{question} 3): "))
