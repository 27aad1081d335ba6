"""What issue 16 changed in Material's and print-site's markup for speed, and the guards that
fail when an upgrade of either stops it from applying:

- overrides/main.html turns every script of Material's `scripts` block into an inert data
  block (`<script src=` -> `<script type="text/plain" data-ott-src=`) that its inline loader
  adds as a script once the page is parsed; the bundle must still run first, so trees.js
  finds `document$` and the palette toggle and instant navigation work;
- hooks/print_page.py links print-site's CSS and script into the print page only.
Figures are `make bench`'s; these are markup checks, not timings."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
PRINT_SITE = Path(__import__("mkdocs_print_site_plugin").__file__).parent
SCRIPT_SRC = re.compile(r"<script\b[^>]*\ssrc=[^>]*>")
DATA_BLOCK = re.compile(r'<script type="text/plain" data-ott-src="([^"]+)"></script>')
LOADER = re.compile(
    r'<script>\(function\(d\)\{var ran;function go\(\)\{if\(ran\)return;ran=1;var t=d\.querySelectorAll\("script\[data-ott-src\]"\)'
)
PRINT_ASSETS = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")


def test_the_scripts_override_still_matches_material() -> None:
    """The override rewrites `<script src="` in Material's block: if the theme writes its
    script tags another way, they would load as the theme has them, silently."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block scripts %}(.*?){% endblock %}", base, re.S)
    assert block, "Material's base.html has no scripts block: see overrides/main.html"
    assert re.search(
        r"""<script src="{{ 'assets/javascripts/bundle\.[0-9a-f]+\.min\.js' \| url }}"></script>""", block[1]
    )
    assert "config.extra_javascript" in block[1] and "script_tag" in block[1]
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert """{{ super() | replace('<script src="', '<script type="text/plain" data-ott-src="') }}""" in ours
    # The loader announces DOMContentLoaded again once the bundle has run, because the bundle
    # starts on that event only (its watchDocument, listening once): if a theme upgrade starts
    # it another way, this says so (and the header and tree tests would fail).
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert '"DOMContentLoaded",{once:!0}' in bundle
    assert 's.onload=function(){d.dispatchEvent(new Event("DOMContentLoaded"))}' in ours
    # Once the page is parsed it adds the rest of the style (hooks/critical_css.py), and the
    # scripts once that is in.
    assert 'd.addEventListener("DOMContentLoaded",styled,{once:true})' in ours
    assert "l.onload=l.onerror=function(){go()};d.body.appendChild(l)" in ours


def test_every_script_comes_through_the_loader_and_print_assets_stay_on_the_print_page(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if "<html" in p.read_text(encoding="utf-8")[:2000]]
    pages = [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:3000]]
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site).as_posix()
        # no script the parser fetches: each is a data block the loader adds once parsed
        assert SCRIPT_SRC.findall(html) == [], f"{where}: {SCRIPT_SRC.findall(html)}"
        blocks = DATA_BLOCK.findall(html)
        on_print_page = where.startswith("print_page/")
        if on_print_page:
            # The print page's index and volumes load no script at all (hooks/print_page.py, issue 16).
            assert blocks == [] and not LOADER.search(html), where
        else:
            assert blocks and "bundle." in blocks[0], f"{where}: the bundle is not first: {blocks}"
            loader = LOADER.search(html)
            assert loader and loader.start() > html.rindex("data-ott-src="), f"{where}: no loader after them"
        linked = [a for a in PRINT_ASSETS if a in html]
        if on_print_page:
            assert set(PRINT_ASSETS[:2]) <= set(linked), linked  # its CSS; it has no script
            depth = "../" * path.relative_to(built_site).as_posix().count("/")
            for css in PRINT_ASSETS[:2]:
                assert f'href="{depth}{css}"' in html, f"{path.relative_to(built_site)}: {css} not at {depth}"
        else:
            assert linked == [], f"{path.relative_to(built_site)} links print-site's {linked}"
    for asset in PRINT_ASSETS:
        assert (built_site / asset).is_file(), asset


def test_print_site_still_names_the_files_the_hook_links() -> None:
    """hooks/print_page.py copies and links these by name, where the plugin did."""
    for asset in PRINT_ASSETS:
        assert (PRINT_SITE / asset).is_file(), f"print-site no longer ships {asset}: see hooks/print_page.py"
    plugin = (PRINT_SITE / "plugin.py").read_text(encoding="utf-8")
    assert 'config["extra_javascript"] = ["js/print-site.js"]' in plugin
    assert "generate_toc()" in plugin and "DOMContentLoaded" in plugin


def test_loaded_scripts_still_start_the_tree_and_the_palette_toggle(page: Page, site_url: str) -> None:
    page.goto(site_url + "decide/unexpected-encounter/")
    # trees.js subscribed to document$ (the bundle ran first) and showed one question.
    expect(page.locator(".ott-node:visible h2")).to_have_count(1)
    # each script ran once, in the block's order (Resource Timing lists them as fetched)
    fetched = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => /javascripts\\/[^/]+\\.js$/.test(n))"
    )
    names = [n.rsplit("/", 1)[-1] for n in fetched]
    assert names[0].startswith("bundle.") and len(names) == len(set(names)), names
    # the rest of the style came first, and its scripts only once it was in
    timing = page.evaluate(
        """() => performance.getEntriesByType('resource').filter(e => /rest\\.[0-9a-f]+\\.css$|bundle\\./.test(e.name))
            .map(e => [e.name.split('/').pop().split('.')[0], e.startTime, e.responseEnd])"""
    )
    rest, bundle = (next(t for t in timing if t[0] == name) for name in ("rest", "bundle"))
    assert rest[2] <= bundle[1], f"the bundle was fetched before the rest of the style was in: {timing}"
    assert {"on-demand.js", "search.js", "keyboard.js", "tooltips.js", "trees.js"} <= set(names), names
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-ott-palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)


def test_the_print_page_is_not_prefetched_or_fetched_by_instant_navigation(built_site: Path) -> None:
    """Material's instant navigation fetches only addresses in sitemap.xml (and prefetches on
    hover only with navigation.instant.prefetch): the print page is neither, so a link to it
    loads it as a page of its own and nothing fetches it ahead."""
    assert "print_page" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.instant.prefetch" not in config


def test_the_header_buttons_are_named_without_aria_label(page: Page, site_url: str) -> None:
    """A <label> may not carry aria-label (Lighthouse's aria-prohibited-attr): keyboard.js
    names Material's menu and search labels with a title, and Chromium's accessibility tree
    (what a screen reader is given) has that name."""
    page.set_viewport_size({"width": 390, "height": 844})  # where both are buttons in the header
    page.goto(site_url)
    cdp = page.context.new_cdp_session(page)
    for target, name in (("__drawer", "Open the navigation"), ("__search", "Search")):
        label = page.locator(f"label.md-header__button[for='{target}']")
        expect(label).to_have_attribute("title", name)
        expect(label).to_have_accessible_name(name)
        node = cdp.send("DOM.describeNode", {"objectId": label_object(cdp, target)})["node"]
        tree = cdp.send(
            "Accessibility.getPartialAXTree", {"backendNodeId": node["backendNodeId"], "fetchRelatives": False}
        )
        assert tree["nodes"][0].get("name", {}).get("value") == name, f"{target}: {tree['nodes'][0]}"
        expect(label).to_have_attribute("tabindex", "0")
        assert label.get_attribute("aria-label") is None, f"{target}: aria-label on a <label>"


def label_object(cdp: object, target: str) -> str:
    """The remote object id of the header label for `target` (Chromium's protocol)."""
    found = cdp.send(
        "Runtime.evaluate", {"expression": f"document.querySelector('label.md-header__button[for={target}]')"}
    )
    return found["result"]["objectId"]
