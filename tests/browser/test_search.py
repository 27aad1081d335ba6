"""Site search (Pagefind in Material's search box, see hooks/search.py), typed into as a reader
would: results, keyboard, no index fetched before the reader reaches for the box, axe on the
open dialog, and the theme markup the override relies on. Spanish pages search the Spanish
pages, in Spanish (tests/search_queries_es.yaml); a query typed while another runs does not
make the box wait for the ones in between."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import Tab

# The first link of each result is its page (the others: its sections, or pages with the same passage).
RESULT_LINK = ".md-search-result__item > .md-search-result__link:first-child"
MATERIAL = Path(__import__("material").__file__).parent / "templates"
SPANISH = yaml.safe_load((Path(__file__).parents[1] / "search_queries_es.yaml").read_text(encoding="utf-8"))["queries"]
# The count line once the results are drawn, in English ("3 matching pages", "No matching
# pages") and in Spanish ("3 páginas encontradas", "Ninguna página encontrada").
DONE = re.compile(r"matching page|página")


def scripts_ready(page: Page) -> None:
    """Wait for search.js: its scripts are deferred (overrides/main.html), so right after
    `goto` on a busy machine the box may not answer yet."""
    page.wait_for_function("() => window.ottSearch !== undefined", timeout=15_000)


def search(page: Page, site_url: str, query: str, typed: bool = True, start: str = "") -> list[str]:
    """Type `query` into the search box of the page at `start` (the home page unless told);
    return the result pages, best first.

    `typed=False` pastes all but the last letter and types that one: the same query and
    results (the box searches on each input), with one search instead of one per letter, for
    a suite of many queries; the tests here type every letter, as a reader does."""
    page.goto(site_url + start)
    scripts_ready(page)
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
    expect(meta).to_have_text(DONE, timeout=10_000)
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
    scripts_ready(page)
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
    scripts_ready(page)
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
    scripts_ready(page)
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("hug", delay=20)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matching page"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?h=hug"))


def test_open_search_dialog_passes_axe(page: Page, site_url: str) -> None:
    page.goto(site_url)
    scripts_ready(page)
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


def _spanish(query: dict) -> object:
    marks = [pytest.mark.xfail(reason=query["known_failure"], strict=True)] if query.get("known_failure") else []
    return pytest.param(query["q"], set(query["expect"]), marks=marks, id=query["q"])


@pytest.mark.parametrize(("query", "expected"), [_spanish(q) for q in SPANISH])
def test_spanish_query_finds_its_page(light_tab: Tab, site_url: str, query: str, expected: set[str]) -> None:
    """Issue 17: on a Spanish page the box searches the Spanish pages (Pagefind's Spanish index,
    stemmed: "abrazo" finds "abrazar"), accents typed or not, and lists no English page."""
    pages = search(light_tab.page, site_url, query, typed=False, start="es/clients/")
    assert expected & set(pages[:3]), f"{query!r} -> top results {pages[:5]}, expected one of {sorted(expected)}"
    assert [p for p in pages if not p.startswith("es/")] == [], f"{query!r}: English pages among Spanish results"


def test_the_spanish_query_set(built_site: Path) -> None:
    """At least 20 realistic queries, none twice, each expecting Spanish pages the site has."""
    texts = [q["q"].lower() for q in SPANISH]
    assert len(texts) >= 20 and len(texts) == len(set(texts))
    expected = {p for q in SPANISH for p in q["expect"]}
    assert all(p.startswith("es/") for p in expected), sorted(expected)
    missing = sorted(p for p in expected if not (built_site / p / "index.html").is_file())
    assert missing == [], f"expected pages the site does not have: {missing}"


def test_english_pages_search_english_pages(light_tab: Tab, site_url: str) -> None:
    """The languages are not mixed: on an English page no Spanish page comes up, even for the
    words the two share."""
    for query in ("gift", "video sessions", "facebook"):
        pages = search(light_tab.page, site_url, query, typed=False, start="clients/")
        assert pages and [p for p in pages if p.startswith("es/")] == [], f"{query!r} -> {pages}"


def test_search_speaks_the_language_of_the_page(page: Page, site_url: str) -> None:
    """On a Spanish page the box's own words are Spanish, the Spanish stop words are dropped
    and the English synonyms ("ex" for "former") do not apply; on English pages they do."""
    page.goto(site_url + "es/clients/gifts/")
    scripts_ready(page)
    box = page.locator("input.md-search__input")
    expect(box).to_have_attribute("placeholder", "Búsqueda")  # Material's own Spanish
    box.click()
    box.press_sequentially("regalo", delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ páginas? encontradas?$"))
    box.fill("")
    expect(meta).to_have_text("Teclee para comenzar búsqueda")
    box.press_sequentially("zzqxv", delay=20)
    expect(meta).to_have_text("Ninguna página encontrada")
    terms = page.evaluate("q => window.ottSearch.terms(q)", "¿Está bien que mi ex terapeuta me dé un regalo?")
    assert {"ex", "terapeuta", "regalo"} <= set(terms), terms
    assert not {"former", "está", "bien", "que", "mi", "me", "un"} & set(terms), terms
    page.goto(site_url + "clients/gifts/")
    scripts_ready(page)
    assert page.evaluate("q => window.ottSearch.terms(q)", "is it ok to hug my ex therapist") == [
        "hug",
        "former",
        "therapist",
    ]


def test_the_spanish_index_is_spanish(built_site: Path) -> None:
    """Pagefind indexed each page in its own language (no --force-language) and once, after
    mkdocs-static-i18n built the Spanish pages: both languages, the Spanish index holding the
    pages under es/ only, and a words list for each."""
    import json

    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    spanish_pages = sum(1 for _ in (built_site / "es").rglob("index.html"))
    assert set(languages) == {"en", "es"}, languages
    assert languages["es"]["page_count"] == spanish_pages, (languages, spanish_pages)
    metas = sorted(p.name for p in (built_site / "pagefind").glob("*.pf_meta"))
    assert len(metas) == 2, f"one index meta per language, not one per build pass: {metas}"
    words = json.loads((built_site / "pagefind" / "ott-words.es.json").read_text(encoding="utf-8"))
    assert {"regalo", "terapeuta", "queja"} <= set(words["words"]) and "que" in words["stop"]
    english = json.loads((built_site / "pagefind" / "ott-words.json").read_text(encoding="utf-8"))
    assert "regalo" not in english["words"] and "the" in english["stop"]


def test_keystrokes_while_a_query_runs_leave_only_the_latest(page: Page, site_url: str) -> None:
    """Issue 16 (first results within 300 ms of the last keystroke): a reader types faster
    than a query of several words is answered. The queries typed meanwhile are dropped, not
    queued, and only the results drawn load their pages' fragments: after five inputs in a
    row, the box has loaded the fragments the last query alone loads, and no others (it used
    to search every input in turn, loading twenty fragments for each)."""

    def fragments_loaded(tab: Page, run: str) -> set[str]:
        asked: list[str] = []
        tab.on("request", lambda request: asked.append(request.url))
        tab.goto(site_url + "situations/online/")
        scripts_ready(tab)
        tab.evaluate("() => window.ottSearch.load()")
        tab.locator("input.md-search__input").click()
        tab.evaluate(run)
        expect(tab.locator(".md-search-result__meta")).to_have_text("10 matching pages")
        return {u.rsplit("/", 1)[-1] for u in asked if u.endswith(".pf_fragment")}

    alone = page.context.browser.new_context()
    try:
        wanted = fragments_loaded(
            alone.new_page(),
            """() => { const box = document.querySelector('.md-search__input');
                       box.value = 'client gift'; box.dispatchEvent(new Event('input')); }""",
        )
    finally:
        alone.close()
    typed = fragments_loaded(
        page,
        """() => { const box = document.querySelector('.md-search__input');
                   for (const q of ['c', 'cl', 'cli', 'clie', 'client gift']) {
                     box.value = q; box.dispatchEvent(new Event('input'));
                   } }""",
    )
    assert 10 <= len(wanted) <= 20, wanted  # ten results, and the pages that joined one
    assert typed == wanted, f"fragments of the queries typed in between: {sorted(typed - wanted)}"
    drawn = page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => new URL(e.href).pathname)")
    wanted = page.evaluate("async () => (await window.ottSearch.search('client gift', 10)).map(r => r.url)")
    assert drawn == wanted, "the list drawn is not the latest query's"


def _search_with_later_fragments_held(page: Page, site_url: str):  # noqa: ANN202
    """Search for a query that needs a second round of fragments, with every fragment after
    the first ten held back; once the first results are drawn, returns a function that lets
    the held ones (and any later ones) through."""
    held: list = []
    seen: list[str] = []
    released = False

    def hold(route) -> None:  # noqa: ANN001
        seen.append(route.request.url)
        if len(seen) > 10 and not released:
            held.append(route)  # let through by release()
        else:
            route.continue_()

    def release() -> None:
        nonlocal released
        released = True
        for route in held:
            route.continue_()

    page.route("**/*.pf_fragment", hold)
    page.goto(site_url + "situations/online/")
    scripts_ready(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("APA code multiple relationship")
    box.press_sequentially("s")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.wait_for_timeout(300)
    assert held, "the query no longer needs a second round of fragments: pick one that does"
    return release


def test_the_first_results_show_while_later_pages_load(page: Page, site_url: str) -> None:
    """Issue 16: a query whose first results join others as links under them (the templates
    pages share their sample wording) loads a second round of fragments to fill the list. The
    results of the first round are drawn without waiting for it; the count, which screen
    readers announce, comes once the whole list is in. Here every fragment after the first
    ten is held back until the test has looked."""
    release = _search_with_later_fragments_held(page, site_url)
    items = page.locator(".md-search-result__item")
    meta = page.locator(".md-search-result__meta")
    assert 0 < items.count() < 10
    expect(meta).to_have_text("Searching…")
    release()
    expect(meta).to_have_text("10 matching pages", timeout=10_000)
    assert items.count() == 10


def test_a_reader_in_the_early_list_keeps_their_place(page: Page, site_url: str) -> None:
    """When the whole list replaces the early one (above), a reader who has already arrowed
    into it keeps the focus on the result they were on, not on a link that is gone."""
    release = _search_with_later_fragments_held(page, site_url)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    before = page.evaluate("document.activeElement.href")
    assert before and "md-search-result__link" in page.evaluate("document.activeElement.className")
    release()
    expect(page.locator(".md-search-result__meta")).to_have_text("10 matching pages", timeout=10_000)
    assert "md-search-result__link" in page.evaluate("document.activeElement.className"), (
        "the focus left the list when the whole list was drawn"
    )
    assert page.evaluate("document.activeElement.href") == before
