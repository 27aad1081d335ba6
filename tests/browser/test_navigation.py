"""Navigation by audience, the home page and the phone layout, as a reader sees them.

- On a desktop (1280x800), a client on a client page sees the clients' pages in the sidebar
  and not the codes' sections; on a phone (390x844) the drawer opens on the clients' pages.
- On a phone, the page title starts below the page actions ("Suggest a correction", Edit)
  and has the content's full width, on the home page, a chapter, a client page and a tree.
- The home page's cards are clickable as a whole, their other links still work, and the
  card shows a focus ring when its title link has keyboard focus; the situations are tap
  targets of at least 44 px.
- Material's instant navigation moves between tabs and keeps the sidebar to the tab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import close_and_check_csp, watch_csp
from tests.test_navigation import CHAPTERS

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CLIENT_PAGE = "clients/seeing-your-therapist-in-public/"
PAGES = {
    "home": "",
    "chapter": f"situations/{CHAPTERS[0]}/",
    "client page": CLIENT_PAGE,
    "tree": "decide/unexpected-encounter/",
    "situations": "situations/",
}
# What a reader can really see: a link inside the viewport that is the topmost element at
# its centre (not covered by another drawer level, not scrolled or slid away).
SEEN_LINKS = """(root) => [...document.querySelectorAll(root + ' a[href]')].filter(a => {
  const r = a.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.right <= 0) return false;
  if (r.top >= innerHeight || r.left >= innerWidth) return false;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit !== null && (hit === a || a.contains(hit));
}).map(a => [a.textContent.trim(), new URL(a.href).pathname])"""


def _page(browser: Browser, viewport: dict, phone: bool = False) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    csp = watch_csp(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    close_and_check_csp(context, csp)
    assert errors == [], errors


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, DESKTOP)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, PHONE, phone=True)


def tab_to(page: Page, reached: str | Callable[[], bool], limit: int, what: str) -> None:
    """Press Tab until `reached` (a JavaScript predicate, or a Python callable) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if reached() if callable(reached) else page.evaluate(reached):
            return
    raise AssertionError(f"Tab never reached {what} in {limit} presses")


def seen(page: Page, root: str) -> list[tuple[str, str]]:
    return [tuple(item) for item in page.evaluate(SEEN_LINKS, root)]


def test_a_client_on_a_client_page_sees_only_the_clients_pages_on_a_desktop(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url + CLIENT_PAGE)
    sidebar = seen(desktop, ".md-sidebar--primary")
    assert len(sidebar) >= 5, sidebar
    outside = [(text, path) for text, path in sidebar if not path.startswith("/clients/")]
    assert outside == [], f"the sidebar of a client page shows other pages: {outside}"
    everything = [text for text, _ in seen(desktop, "body")]
    for name in ("Codes and laws", "Compare the codes"):
        assert name not in everything, f"a client page shows {name!r}"
    # The tabs name each audience; the clients' tab is the current one.
    tabs = desktop.locator(".md-tabs__item")
    expect(tabs).to_have_text(["Home", "For clinicians", "The codes", "For clients", "For agencies", "About"])
    expect(desktop.locator(".md-tabs__item--active")).to_have_text("For clients")


def test_on_a_phone_the_drawer_opens_on_the_clients_pages(phone: Page, site_url: str) -> None:
    phone.goto(site_url + CLIENT_PAGE)
    phone.locator("label.md-header__button[for='__drawer']").click()
    drawer = phone.locator(".md-sidebar--primary")
    expect(drawer).to_be_in_viewport()
    phone.wait_for_function(
        "() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();"
        " return r.left >= 0 && r.left < 1; }"
    )
    links = seen(phone, ".md-sidebar--primary")
    assert len(links) >= 5, links
    outside = [(text, path) for text, path in links if not path.startswith("/clients/")]
    assert outside == [], f"the phone drawer on a client page shows other pages: {outside}"


def test_on_a_phone_the_closed_drawer_is_out_of_the_tab_order(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "situations/")
    inside = []
    for _ in range(25):
        phone.keyboard.press("Tab")
        inside.append(phone.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"))
    assert not any(inside), f"Tab reaches the closed drawer: presses {[i + 1 for i, x in enumerate(inside) if x]}"
    # Open, its links are reachable again.
    phone.locator("label.md-header__button[for='__drawer']").click()
    expect(phone.locator(".md-sidebar--primary a[href]").first).to_be_visible()


def test_on_a_phone_the_menu_opens_by_keyboard(phone: Page, site_url: str) -> None:
    """Material's menu button is a label Tab never reached: with the closed drawer out of the
    Tab order, a keyboard reader on a phone had no way to the navigation."""
    phone.goto(site_url + "situations/")
    tab_to(phone, "() => document.activeElement.getAttribute('for') === '__drawer'", 10, "the menu button")
    expect(phone.locator("label.md-header__button[for='__drawer']")).to_have_attribute("title", "Open the navigation")
    phone.keyboard.press("Enter")
    expect(phone.locator("#__drawer")).to_be_checked()
    phone.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')")


# The print list's title sits inside print-site's container, not straight in the article.
TITLED = {**PAGES, "print list": "print_page/"}


@pytest.mark.parametrize("name", list(TITLED))
def test_on_a_phone_the_title_has_the_full_width_below_the_page_actions(phone: Page, site_url: str, name: str) -> None:
    phone.goto(site_url + TITLED[name])
    title = phone.locator("article.md-content__inner h1").first.bounding_box()
    article = phone.locator("article.md-content__inner").bounding_box()
    assert title and article
    buttons = phone.locator("article.md-content__inner > .md-content__button")
    assert buttons.count() >= 1
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box, f"{name}: a page action has no box"
        assert box["y"] + box["height"] <= title["y"] + 1, f"{name}: the title starts beside a page action"
    # The title spans the content's width (the article's padding aside), not a column beside buttons.
    assert title["width"] >= article["width"] - 2, f"{name}: the title is {title['width']} px of {article['width']}"
    # It stays one block: no line of it is beside anything else.
    assert title["x"] <= article["x"] + 1


def test_home_cards_are_clickable_as_a_whole(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url)
    cards = desktop.locator("article .ott-cards > ul > li")
    expect(cards).to_have_count(3)
    for i in range(3):
        desktop.goto(site_url)
        card = cards.nth(i)
        target = card.locator("a.ott-card__link").evaluate("a => a.href")
        box = card.bounding_box()
        assert box
        # A point in the card's padding, away from every link: its bottom right corner. (Playwright
        # waits for the card to be still, and checks that the click lands on it or inside it.)
        card.click(position={"x": box["width"] - 6, "y": box["height"] - 6})
        expect(desktop).to_have_url(target)
    # The card's other links still go where they say.
    desktop.goto(site_url)
    inner = cards.nth(0).locator("p a").filter(has_text="compare the codes")
    inner.click()
    expect(desktop).to_have_url(re.compile(r"/compare/$"))


def test_a_focused_card_shows_a_focus_ring_round_the_card(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url)
    link = desktop.locator("article .ott-cards a.ott-card__link").first
    tab_to(desktop, lambda: link.evaluate("a => a === document.activeElement"), 80, "the first card's title link")
    ring = link.evaluate(
        "a => { const s = getComputedStyle(a, '::after'); return [s.outlineStyle, s.outlineWidth, s.position]; }"
    )
    assert ring[0] == "solid" and ring[1] != "0px" and ring[2] == "absolute", ring
    # The ring is drawn round the whole card: the ::after covers the card inside its border.
    card, after = link.evaluate(
        "a => { const c = a.closest('li'), s = getComputedStyle(a, '::after');"
        " return [[c.clientWidth, c.clientHeight], [parseFloat(s.width), parseFloat(s.height)]]; }"
    )
    assert abs(card[0] - after[0]) <= 1 and abs(card[1] - after[1]) <= 1, (card, after)


def test_on_a_phone_the_situations_are_easy_to_tap(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    tiles = phone.locator("article ul.ott-situations > li > a")
    assert tiles.count() >= 2
    for i in range(tiles.count()):
        box = tiles.nth(i).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 300, box


def test_instant_navigation_keeps_the_sidebar_to_the_tab(browser: Browser, local_site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    csp = watch_csp(context)
    page = context.new_page()
    try:
        page.goto(local_site_url)
        page.evaluate("window.__still_here = true")
        page.locator(".md-tabs__link", has_text="For clients").click()
        expect(page).to_have_url(local_site_url + "clients/")
        assert page.evaluate("window.__still_here === true"), "the tab made a full page load"
        expect(page.locator(".md-tabs__item--active")).to_have_text("For clients")
        sidebar = seen(page, ".md-sidebar--primary")
        assert sidebar and all(path.startswith("/clients/") for _, path in sidebar), sidebar
        page.locator(".md-tabs__link", has_text="Home").click()
        expect(page).to_have_url(local_site_url)
        page.locator("article ul.ott-situations a").first.click()
        expect(page).to_have_url(re.compile(r"/decide/[a-z-]+/$"))
        assert page.evaluate("window.__still_here === true")
        expect(page.locator(".md-tabs__item--active")).to_have_text("For clinicians")
        # The stepper took over the tree after the instant page change.
        expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
        expect(page.locator(".ott-node:visible")).to_have_count(1)
    finally:
        close_and_check_csp(context, csp)
