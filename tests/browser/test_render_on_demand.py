"""Large blocks drawn only near the screen (issue 16: handbook.css, content-visibility;
the "ott-whole" script in overrides/main.html).

On a long code or rules page the browser lays out and paints only the blocks near the
screen, so loading costs less main-thread time. What that must not cost a reader: coming
back to a page (Back within instant navigation, Back after a new page load, reload) lands
on the same line; printing prints every block; links to anchors, keyboard focus and the
text inside stay reachable; a focus ring at a block's edge is not cut off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

BLOCKS = (
    ".md-typeset :is(.ott-tree, .ott-compare, .ott-short, .ott-rules, .ott-provision, .ott-one-pager, .ott-template)"
)
LONG_PAGE = "codes/aca/"

# How many blocks are drawn: a block whose first child is not visible to checkVisibility
# with contentVisibilityAuto is one the browser skips.
SKIPPED = f"""() => [...document.querySelectorAll('{BLOCKS}')]
  .filter(b => b.firstElementChild && !b.firstElementChild.checkVisibility({{contentVisibilityAuto: true}})).length"""
# The first paragraph, list item or heading of the article below the header, and where it is.
AT_TOP = """() => {
  const els = [...document.querySelectorAll('article p, article li, article h2, article h3')];
  const i = els.findIndex(e => e.getBoundingClientRect().top >= 80);
  return [i, Math.round(els[i].getBoundingClientRect().top), els[i].textContent.trim().slice(0, 40)];
}"""


def read_down(page: Page, share: float = 0.6) -> None:
    """Scroll down a page the way a reader does, a part of a screen at a time."""
    height = page.evaluate("document.documentElement.scrollHeight")
    while page.evaluate("scrollY") < height * share:
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(40)
    page.wait_for_timeout(400)  # Material saves the place after 100 ms without scrolling


@pytest.mark.parametrize("width", [412, 1280])
def test_a_long_page_draws_only_what_is_near_the_screen(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + LONG_PAGE)
    blocks = page.locator(BLOCKS).count()
    assert blocks > 20
    skipped = page.evaluate(SKIPPED)
    assert skipped > blocks / 2, f"{skipped} of {blocks} blocks skipped at load"
    # what is inside a skipped block is still in the page: found by its anchor and shown
    last = page.locator(".ott-provision").last
    anchor = last.get_attribute("id")
    page.goto(site_url + LONG_PAGE + "#" + anchor)
    expect(last).to_be_in_viewport()
    page.wait_for_function(
        "id => document.getElementById(id).firstElementChild.checkVisibility({contentVisibilityAuto: true})", arg=anchor
    )
    # and reached by keyboard: focus moves into it and shows it
    page.goto(site_url + LONG_PAGE)
    link = page.locator(".ott-provision").nth(blocks - 3).locator("a[href]").first
    link.focus()
    expect(link).to_be_in_viewport()


@pytest.mark.parametrize("width", [412, 1280])
def test_back_within_instant_navigation_lands_on_the_same_line(page: Page, local_site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(local_site_url + LONG_PAGE)
    read_down(page)
    before = page.evaluate(AT_TOP)
    page.evaluate("window.__same = 1")
    page.evaluate("() => document.querySelector('a.md-footer__link--next').click()")
    page.wait_for_url(re.compile(r"/codes/(?!aca/)"))
    assert page.evaluate("document.documentElement.classList.contains('ott-whole')") is False
    page.go_back()
    page.wait_for_url(re.compile(r"/codes/aca/$"))
    page.wait_for_timeout(800)
    assert page.evaluate("window.__same") == 1, "not an instant navigation"
    assert page.evaluate(AT_TOP) == before
    # following a link again draws on demand again
    page.evaluate("() => document.querySelector('a.md-footer__link--next').click()")
    page.wait_for_url(re.compile(r"/codes/(?!aca/)"))
    assert page.evaluate("document.documentElement.classList.contains('ott-whole')") is False


@pytest.mark.parametrize("width", [412, 1280])
def test_back_after_a_page_load_and_reload_land_on_the_same_line(page: Page, site_url: str, width: int) -> None:
    """site_url's pages are built for the published address, so instant navigation leaves
    their links alone: each link here is a new page load, as from another site."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + LONG_PAGE)
    read_down(page)
    before = page.evaluate(AT_TOP)
    page.goto(site_url + "codes/")
    page.go_back()
    page.wait_for_timeout(800)
    assert page.evaluate("document.documentElement.classList.contains('ott-whole')")
    assert page.evaluate(AT_TOP) == before
    page.reload()
    page.wait_for_timeout(800)
    assert page.evaluate(AT_TOP) == before


def test_printing_draws_every_block(page: Page, site_url: str) -> None:
    page.goto(site_url + LONG_PAGE)
    assert page.evaluate(SKIPPED) > 0
    page.emulate_media(media="print")
    assert page.evaluate(SKIPPED) == 0
    assert page.locator(BLOCKS).first.evaluate("b => getComputedStyle(b).contentVisibility") == "visible"


@pytest.mark.parametrize(
    "address", [LONG_PAGE, "situations/community-encounters/", "agencies/one-pagers/bartering-and-fees/"]
)
def test_a_focus_ring_at_a_blocks_edge_is_not_cut_off(browser: Browser, site_url: str, address: str) -> None:
    """Containment clips what is drawn outside a block. Every link, button and summary in a
    block, focused, must have its whole focus ring inside the block's clip: its box plus
    overflow-clip-margin."""
    context = browser.new_context(viewport={"width": 412, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + address)
        cut = page.evaluate(
            """(selector) => {
              const cut = [];
              for (const b of document.querySelectorAll(selector)) {
                b.scrollIntoView();
                const box = b.getBoundingClientRect(), cs = getComputedStyle(b);
                if (!cs.contain.includes('paint') && cs.contentVisibility !== 'auto') continue;
                const margin = parseFloat(cs.overflowClipMargin) || 0;
                for (const f of b.querySelectorAll('a[href], button, summary, [tabindex]')) {
                  f.focus({focusVisible: true});
                  const s = getComputedStyle(f);
                  if (s.outlineStyle === 'none' || !f.getClientRects().length) continue;
                  const ring = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset || 0);
                  for (const r of f.getClientRects()) {
                    if (r.left - ring < box.left - margin - 0.5 || r.right + ring > box.right + margin + 0.5)
                      cut.push(f.tagName + ': ' + f.textContent.trim().slice(0, 30));
                  }
                }
              }
              return cut;
            }""",
            BLOCKS,
        )
        assert page.locator(BLOCKS).count() > 0
        assert cut == []
    finally:
        context.close()
