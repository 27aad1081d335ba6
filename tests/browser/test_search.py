"""Site search (Pagefind in Material's search box, see hooks/search.py), typed into as a reader
would: results, keyboard, no index fetched before the reader reaches for the box, axe on the
open dialog, and the theme markup the override relies on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import Tab

# The first link of each result is its page (the others: its sections, or pages with the same passage).
RESULT_LINK = ".md-search-result__item > .md-search-result__link:first-child"
MATERIAL = Path(__import__("material").__file__).parent / "templates"


def search(page: Page, site_url: str, query: str, typed: bool = True) -> list[str]:
    """Type `query` into the search box; return the result pages, best first.

    `typed=False` pastes all but the last letter and types that one: the same query and
    results (the box searches on each input), with one search instead of one per letter, for
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
    meta = page.locator(".md-search-result__meta")
    # The list is drawn for the latest query only; its count line says when it is done.
    expect(meta).to_have_text(re.compile(r"matching page"), timeout=10_000)
    hrefs = page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.getAttribute('href') || '')")
    pages = [re.sub(r"^https?://[^/]+/|[?#].*$", "", href) for href in hrefs]
    return list(dict.fromkeys(pages))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("former client", {"compare/sexual-relationships-former-clients/", "situations/former-clients/"}),
        ("bartering", {"compare/bartering/"}),
        ("theripist ignored me", {"clients/seeing-your-therapist-in-public/"}),
    ],
)
def test_typed_letter_by_letter(light_tab: Tab, site_url: str, query: str, expected: set[str]) -> None:
    pages = search(light_tab.page, site_url, query)
    assert expected & set(pages[:3]), f"{query!r} -> {pages[:5]}"


def test_result_opens_the_page_with_the_words_highlighted(page: Page, site_url: str) -> None:
    # Which page comes first is the query suite's business; here, the one clicked opens
    # with the word highlighted.
    search(page, site_url, "bartering")
    first = page.locator(RESULT_LINK).first
    target = re.escape(first.evaluate("a => new URL(a.href).pathname"))
    first.click()
    expect(page).to_have_url(re.compile(target + r"\?h=bartering"))
    expect(page.locator("article mark").first).to_be_visible()
    expect(page.locator("#__search")).not_to_be_checked()  # the dialog closed


def test_no_index_before_the_reader_reaches_for_search(page: Page, site_url: str) -> None:
    """Issue 16: Material fetched its 196 KiB index on every page load. Now a page load asks
    for nothing of the search engine; hovering the search box fetches it."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "situations/online/", wait_until="networkidle")
    search_requests = [u for u in asked if "/pagefind/" in u or "search_index" in u or "/workers/" in u]
    assert search_requests == [], f"a page load fetched search files: {search_requests}"
    page.locator("input.md-search__input").hover()
    for _ in range(50):
        if any("pagefind-entry.json" in u for u in asked):
            break
        page.wait_for_timeout(100)
    fetched = [u for u in asked if "/pagefind/" in u]
    assert any("pagefind-entry.json" in u for u in fetched), f"hover did not load the index: {fetched}"


def test_search_by_keyboard(page: Page, site_url: str) -> None:
    """/ opens search from anywhere on the page, the arrows move through the results, Enter
    opens the focused one, Escape closes the dialog; s opens it too."""
    page.goto(site_url + "compare/")
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("gift", delay=20)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matching page"))
    page.keyboard.press("ArrowDown")
    first = page.locator(RESULT_LINK).first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).not_to_be_focused()
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("s")
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("ArrowDown")
    target = page.locator(RESULT_LINK).first.get_attribute("href") or ""
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(re.sub(r"^https?://[^/]+", "", target).split("?")[0])))
    # Enter in the box opens the best result.
    page.wait_for_load_state()
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("hug", delay=20)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matching page"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?h=hug"))


def test_open_search_dialog_passes_axe(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("former client", delay=20)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matching page"))
    results = Axe().run(page, context={"include": [".md-search"]}, options={"resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in violations]


def test_the_index_leaves_out_what_it_should(built_site: Path) -> None:
    """The print page, the 404 page and anything marked data-search-exclude are not searched;
    Material's lunr index is not published (nothing reads it)."""
    import gzip
    import json

    texts = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        texts[fragment["url"]] = fragment["content"]
    assert "/situations/online/" in texts and "/clients/gifts/" in texts
    assert not [u for u in texts if "print_page" in u or "404" in u], sorted(texts)
    html = (built_site / "compare" / "bartering" / "index.html").read_text(encoding="utf-8")
    excluded = re.findall(r"<[^>]*data-search-exclude[^>]*>([^<]{12,})<", html)
    assert excluded, "the compare page no longer marks anything data-search-exclude: update this test"
    leaked = [t for t in excluded if t.strip() in texts["/compare/bartering/"]]
    assert leaked == [], f"data-search-exclude text in the index: {leaked[:3]}"
    assert "Suggest a correction" not in texts["/compare/bartering/"]
    assert not (built_site / "search" / "search_index.json").exists()


def test_the_override_still_matches_material() -> None:
    """The override keeps Material's classes and detaches the box from Material's bundle by
    renaming the form: if an upgrade changes either, this fails and says where to look."""
    theirs = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8")
    ours = (Path(__file__).parents[2] / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    left_out = {"md-search__suggest"}  # Material's lunr suggestions, which Pagefind has not
    for cls in set(re.findall(r'class="([^"{]+)"', theirs)) - left_out:
        assert f'class="{cls}"' in ours, (
            f"Material's search.html has class {cls!r}; overrides/partials/search.html lacks it"
        )
    assert 'name="search"' in theirs and 'name="search"' not in ours
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert 'document.forms.namedItem("search")' in bundle, (
        "Material's bundle no longer starts its search from the form named 'search': check that it "
        "neither fetches search_index.json nor mounts lunr search on the renamed box"
    )
    header = (MATERIAL / "partials" / "header.html").read_text(encoding="utf-8")
    assert 'include "partials/search.html"' in header and 'for="__search"' in header
