"""The first screen's style in the page, the rest after the first paint (issue 16:
hooks/critical_css.py, the loader in overrides/main.html).

What a reader must not see from it: a first screen that looks different before the rest of
the style arrives and after (that would be a layout shift, or a flash of wrong colours), a
page that is styled differently once everything has loaded than with the sheets linked as
Material has them, a page without JavaScript left unstyled, or instant navigation dropping
the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from scripts.measure import PAGE_TYPES

PAGES = list(dict.fromkeys(rel.removesuffix("index.html") for rel in PAGE_TYPES.values()))
REST = "**/assets/stylesheets/rest.*.css"

# Per element: its tag and classes, its box and every computed property but transitions'
# and animations' (white space squashed: the hook writes custom properties on one line) (the rest arriving may start a transition; its end state is what counts).
# Elements that are never drawn (scripts, links: the loader adds the rest's <link> to <body>),
# tooltips and <head> are left out, as they differ between the two ways of loading.
FINGERPRINT = r"""(onlyFirstScreen) => {
  // On the first screen, custom properties count only through the properties that use them
  // (the icons no first-screen rule uses stay with the rest).
  const skip = /^(transition|animation)/, belowDepends = /^(height|block-size|perspective-origin|transform-origin)$/;
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll('*')]
    .filter(e => !['LINK', 'SCRIPT', 'STYLE', 'META', 'NOSCRIPT'].includes(e.tagName) && !e.closest('.md-tooltip2, [data-md-component=tooltip]'));
  const els = onlyFirstScreen ? all.filter(e => e.getBoundingClientRect().top + scrollY < innerHeight) : all;
  return els.map(e => {
    const cs = getComputedStyle(e), r = e.getBoundingClientRect();
    const props = [];
    // and a box that runs on below the first screen may be taller or shorter with what is below
    const runsOn = onlyFirstScreen && r.bottom > innerHeight;
    for (let i = 0; i < cs.length; i++) { const p = cs[i]; if (!skip.test(p) && !(onlyFirstScreen && p.startsWith('--')) && !(runsOn && belowDepends.test(p))) props.push(p + ':' + cs.getPropertyValue(p).replace(/\s+/g, ' ').trim()); }
    for (const pseudo of ['::before', '::after']) { const ps = getComputedStyle(e, pseudo);
      if (ps.content && ps.content !== 'none') props.push(pseudo + ps.content + ps.backgroundColor + ps.width + ps.height + ps.color); }
    const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\s+/).join('.') : '');
    // on the first screen, what shows of a box: one that runs on below it is as tall as it shows
    const height = onlyFirstScreen ? Math.min(r.bottom, innerHeight) - r.top : r.height;
    return [name, [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(height)].join(','), props.join('\u0001')];
  });
}"""


def _differences(a: list, b: list) -> list[str]:
    out = [] if len(a) == len(b) else [f"{len(a)} elements against {len(b)} (the first is where they part)"]
    for (name, box, props), (_, box2, props2) in zip(a, b, strict=False):
        if any(abs(int(x) - int(y)) > 1 for x, y in zip(box.split(","), box2.split(","), strict=True)):
            out.append(f"{name}: box {box} against {box2}")  # (a pixel either way is rounding)
        elif props != props2:  # the same properties may come in another order
            one, two = (dict(p.split(":", 1) for p in text.split("\x01") if ":" in p) for text in (props, props2))
            changed = [
                f"{k}: {one.get(k)!r} against {two.get(k)!r}"
                for k in sorted(one.keys() | two.keys())
                if one.get(k) != two.get(k)
            ]
            if changed:
                out.append(f"{name}: {', '.join(changed[:4])}"[:400])
    return out


def _as_material_links_them(html: str, built_site: Path) -> str:
    """The page with the three sheets linked as Material wrote them, instead of the critical
    rules and the rest."""
    found = re.search(r'<style data-ott-rest="([^"]+)">.*?</style>\n<noscript>.*?</noscript>\n', html, re.S)
    assert found, "the page carries no critical rules"
    base = found[1].rsplit("/", 1)[0]
    sheets = built_site / "assets" / "stylesheets"
    names = [next(sheets.glob("main.*.min.css")).name, next(sheets.glob("palette.*.min.css")).name, "handbook.css"]
    links = "".join(f'<link rel="stylesheet" href="{base}/{name}">\n' for name in names)
    return html[: found.start()] + links + html[found.end() :]


def _holder(held: list[Route]):  # noqa: ANN202
    """A route handler that keeps each request waiting, in `held`."""

    def hold(route: Route) -> None:
        held.append(route)

    return hold


def _settled(page: Page) -> None:
    page.wait_for_function(
        "() => !!window.document$ && [...document.styleSheets].some(s => /(rest|main)\\./.test(s.href || ''))"
    )
    # Blocks the browser has not drawn yet (content-visibility) may report stale styles.
    page.evaluate("document.documentElement.classList.add('ott-whole')")
    page.wait_for_timeout(600)  # Material's transitions (0.25 s) have ended


@pytest.mark.parametrize("width", [412, 1280])
def test_the_split_changes_no_computed_style_once_loaded(
    browser: Browser, site_url: str, built_site: Path, width: int
) -> None:
    """Moving the critical rules before the others changes their order: a rule that used to
    lose to a later one could now win. On every page type, every element's box and computed
    style with the split match those with Material's three sheets."""
    problems = []
    for rel in PAGES:
        prints = []
        for original in (False, True):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            if original:

                def serve_original(route: Route) -> None:
                    response = route.fetch()
                    route.fulfill(response=response, body=_as_material_links_them(response.text(), built_site))

                page.route(site_url + rel, serve_original)
            page.goto(site_url + rel)
            _settled(page)
            prints.append(page.evaluate(FINGERPRINT, False))
            context.close()
        problems += [f"{rel}: {d}" for d in _differences(prints[0], prints[1])]
    assert not problems, "the split styles these elements differently from Material's sheets:\n" + "\n".join(
        problems[:20]
    )


@pytest.mark.parametrize(("width", "scheme"), [(412, "light"), (1280, "dark"), (1920, "light")])
def test_the_first_screen_looks_the_same_before_the_rest_arrives(
    browser: Browser, site_url: str, width: int, scheme: str
) -> None:
    """The critical rules hold everything the first screen needs: with the rest held back,
    every element on the first screen has the box and the computed style it has once the rest
    has come (scripts held back in both, as the loader holds them until the rest is in). When
    this fails after a change to handbook.css or a Material upgrade, run `make critical`."""
    prints: dict[bool, dict[str, list]] = {}
    for rest_in in (False, True):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, is_mobile=width < 500, has_touch=width < 500
        )
        context.route("**/*.js", lambda route: route.abort())
        held: list[Route] = []
        if not rest_in:
            context.route(REST, _holder(held))
        page = context.new_page()
        prints[rest_in] = {}
        for rel in PAGES:
            # the load event waits for the rest, so a held rest holds it too
            page.goto(site_url + rel, wait_until="load" if rest_in else "domcontentloaded")
            if rest_in:
                page.wait_for_function("() => [...document.styleSheets].some(s => /rest\\./.test(s.href || ''))")
            else:
                page.wait_for_function("() => !!document.querySelector('body > link[rel=stylesheet]')")
                # The <link> is in the page a moment before its request reaches the handler
                # (the handler runs only while Playwright waits): give it up to 5 s.
                for _ in range(100):
                    if held:
                        break
                    page.wait_for_timeout(50)
                assert held, f"{rel}: the rest was not requested within 5 s of its <link>"
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            prints[rest_in][rel] = page.evaluate(FINGERPRINT, True)
            for route in held:
                route.abort()
            held.clear()
        context.close()
    problems = [f"{rel}: {d}" for rel in PAGES for d in _differences(prints[False][rel], prints[True][rel])]
    assert not problems, (
        "the first screen differs before and after the rest of the style arrives (run `make critical`):\n"
        + "\n".join(problems[:20])
    )


def test_without_javascript_the_page_has_its_whole_style(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "situations/community-encounters/")
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || 'inline')")
    assert any(re.search(r"/rest\.[0-9a-f]+\.css$", s) for s in sheets), sheets
    # a rule that only the rest has: the footer's colours, far below the first screen
    footer = page.evaluate("getComputedStyle(document.querySelector('.md-footer-meta')).backgroundColor")
    assert footer not in ("rgba(0, 0, 0, 0)", "transparent"), footer
    context.close()


def test_instant_navigation_keeps_the_rest(page: Page, site_url: str) -> None:
    """Material's instant navigation swaps the <head> tags that differ between two pages; the
    rest is added to the end of <body>, where it stays from one page to the next."""
    page.goto(site_url + "situations/community-encounters/")
    _settled(page)
    page.locator(".md-footer__link--next").click()
    page.wait_for_url(re.compile(r"situations/(?!community-encounters/)"))
    page.wait_for_timeout(300)
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || 'inline')")
    assert sum(bool(re.search(r"/rest\.[0-9a-f]+\.css$", s)) for s in sheets) == 1, sheets
    footer = page.evaluate("getComputedStyle(document.querySelector('.md-footer-meta')).backgroundColor")
    assert footer not in ("rgba(0, 0, 0, 0)", "transparent"), footer
    assert page.evaluate("document.querySelectorAll('head style').length") == 1
