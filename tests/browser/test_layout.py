"""Chapters and tables as a reader sees them, in Chromium at desktop (1280 x 800) and phone
(390 x 844) size.

- No table cell is cut off: on every compare page, chapter and rules page, each visible
  cell's text fits its cell, and a table region either fits its column or shows the scroll
  cue (the shadows handbook.css draws on a side with more to see).
- The cue is real: where a table must scroll, the side with more to see is darker than the
  other, and it moves to the other side when the reader has scrolled to the end.
- Each chapter's "Decide step by step" (or its tree link) is within its first two screens.
"""

from __future__ import annotations

import struct
import zlib

import pytest
from playwright.sync_api import Browser, Page

from macros.validate import load_dataset
from tests.conftest import ROOT

DATASET = load_dataset(ROOT / "data")
CHAPTERS = sorted(p.stem for p in (ROOT / "docs" / "situations").glob("*.md") if p.stem != "index")
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}

# Every region holding a table, with its overflow, its cue and the cells whose text spills.
# A cell counts only where the reader can see it: the phone layout hides the header row
# (screen readers still read it), so cells of a header 1 px wide are not clipped text.
CLIPPING = """() => Array.from(document.querySelectorAll("article .ott-compare")).map((region) => {
  const style = getComputedStyle(region);
  const shown = (el) => {
    for (; el && el !== region; el = el.parentElement) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") return false;
    }
    return true;
  };
  const cells = Array.from(region.querySelectorAll("th, td")).filter(shown);
  return {
    caption: (region.querySelector("caption") || {}).textContent || "",
    overflows: region.scrollWidth > region.clientWidth + 1,
    cue: (style.backgroundImage.match(/gradient/g) || []).length >= 4
      && /local/.test(style.backgroundAttachment) && /scroll/.test(style.backgroundAttachment),
    spilling: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => (cell.dataset.label || cell.tagName) + ": " + cell.textContent.trim().slice(0, 40)),
  };
})"""


def pages() -> list[str]:
    compare = [f"compare/{topic}/" for topic in DATASET.topics]
    rules = [f"apply/{p.id}-{j.id}/" for p, j in DATASET.rules_pages()]
    return compare + [f"situations/{c}/" for c in CHAPTERS] + rules


@pytest.fixture(params=sorted(VIEWPORTS), scope="module")
def sized(request: pytest.FixtureRequest, browser: Browser):  # noqa: ANN201
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield request.param, page
    context.close()


def test_no_table_is_clipped(sized: tuple[str, Page], site_url: str) -> None:
    view, page = sized
    problems, regions = [], 0
    for path in pages():
        page.goto(site_url + path, wait_until="load")
        for region in page.evaluate(CLIPPING):
            regions += 1
            if region["spilling"]:
                problems.append(f"{view} {path} {region['caption']!r}: text cut off in {region['spilling'][:3]}")
            if region["overflows"] and not region["cue"]:
                problems.append(f"{view} {path} {region['caption']!r}: scrolls sideways with no cue")
    assert regions >= len(DATASET.topics), regions
    assert problems == [], "\n".join(problems)


def _png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Decode a PNG as Chromium writes it (8-bit RGB or RGBA, not interlaced): rows of (r, g, b)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x * channels : x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def _edges(page: Page, selector: str) -> tuple[float, float]:
    """Mean brightness (0-255) of the 6 px at the region's left and right edges."""
    width, height, rows = _png_pixels(page.locator(selector).screenshot())

    def mean(xs: range) -> float:
        values = [sum(rows[y][x]) / 3 for y in range(height) for x in xs]
        return sum(values) / len(values)

    return mean(range(6)), mean(range(width - 6, width))


def test_scroll_cue_shows_the_side_with_more(browser: Browser, site_url: str) -> None:
    """A table wider than its column (made so here with a min-width, as a wide table would be):
    the edge with more to see is shaded, and the shade follows the reader's scrolling. The
    table itself is hidden (its space kept) so only the region's own background is measured."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url + "compare/gifts/", wait_until="load")
        region = "article .ott-compare"
        page.eval_on_selector(region, "el => el.querySelector('table').style.visibility = 'hidden'")
        left, right = _edges(page, region)
        assert abs(left - right) < 1, f"a table that fits shows a cue: left {left:.1f}, right {right:.1f}"
        page.eval_on_selector(region, "el => { el.querySelector('table').style.minWidth = '80rem'; el.scrollLeft = 0 }")
        assert page.eval_on_selector(region, "el => el.scrollWidth > el.clientWidth")
        left, right = _edges(page, region)
        assert right < left - 3, f"at the start the right edge is not shaded: left {left:.1f}, right {right:.1f}"
        page.eval_on_selector(region, "el => { el.scrollLeft = el.scrollWidth }")
        page.wait_for_timeout(50)
        left, right = _edges(page, region)
        assert left < right - 3, f"at the end the left edge is not shaded: left {left:.1f}, right {right:.1f}"
    finally:
        context.close()


def test_decide_step_by_step_is_within_two_screens(sized: tuple[str, Page], site_url: str) -> None:
    view, page = sized
    screen = page.viewport_size["height"]
    late = []
    for chapter in CHAPTERS:
        page.goto(site_url + f"situations/{chapter}/", wait_until="load")
        top = page.evaluate(
            """() => {
              const body = document.querySelector("article.md-content__inner");
              const marks = [body.querySelector("h2#decide-step-by-step"), body.querySelector('a[href*="decide/"]')];
              const ys = marks.filter(Boolean).map((el) => el.getBoundingClientRect().top + window.scrollY);
              return ys.length ? Math.min(...ys) : null;
            }"""
        )
        if top is None or top > 2 * screen:
            late.append(f"{chapter}: {top}")
    assert late == [], f"{view}: the tree starts below the second screen: {late}"


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_no_page_is_wider_than_a_phone(browser: Browser, site_url: str, javascript: bool) -> None:
    """At 390 px nothing makes the page scroll sideways: without JavaScript, Material's hidden
    second header title once made chapters and trees 14 px too wide. A tree's answer (a jump to
    another node without JavaScript) keeps the page within the screen too."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, java_script_enabled=javascript
    )
    page = context.new_page()
    wide = {}
    for address in ["", f"situations/{CHAPTERS[0]}/", "situations/gifts/", "decide/gifts/", "clients/hugs-and-touch/"]:
        page.goto(site_url + address)
        if address.startswith("decide/"):
            page.locator(".ott-node:visible .ott-answers a").first.click()
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[address or "/"] = width
    context.close()
    assert wide == {}, f"pages wider than the phone: {wide}"
