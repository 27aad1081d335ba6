"""Write hooks/critical.txt: the style rules a page's first screen needs (issue 16).

    make critical          (builds the site, then runs this on it)
    python scripts/critical_css.py SITE [--check]

Opens every reading page of a built site in Chromium at phone, tablet and desktop width, in
the light and the dark scheme, once as first painted (scripts held back, as the loader in
overrides/main.html does until then) and once with Material started, and lists every rule of
Material's main and palette CSS and of handbook.css whose selector matches an element whose
top is within the first screen (elements the sheets hide count, as a rule may be what hides
them). Hover, focus and pseudo-elements are ignored for the match, so such a rule goes with its
element. hooks/critical_css.py puts the listed rules in each page and the others in a file
loaded after the first paint.

--check prints what the list lacks or has in excess and exits 1 if it lacks anything (the
browser test does the same for the page types).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.critical_css import LIST, SHEETS, Rule, parse, read_list  # noqa: E402

# Viewports (width, height, phone?) and colour schemes the first screen is measured in.
VIEWPORTS = ((412, 823, True), (800, 1000, False), (1350, 940, False), (1920, 1080, False))
SCHEMES = ("light", "dark")

# Selector text without pseudo-elements and user-action pseudo-classes, for Element.matches.
MATCH = r"""([rules, fold]) => {
  const strip = s => s
    .replace(/::?(before|after|marker|placeholder|selection|backdrop|first-letter|first-line|-webkit-[a-z-]+|-moz-[a-z-]+)(\([^)]*\))?/g, '')
    .replace(/:(hover|focus-visible|focus-within|focus|active|visited|target|link)\b/g, '');
  const els = [document.documentElement, ...document.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().top + scrollY < innerHeight * fold);
  const hits = [];
  for (const [key, selector] of rules) {
    const s = strip(selector).trim();
    let ok;
    try { ok = s === '' || els.some(e => e.matches(s)); } catch (err) { ok = true; }
    if (ok) hits.push(key);
  }
  return hits;
}"""


def site_rules(site: Path) -> list[Rule]:
    sheets = site / "assets" / "stylesheets"
    rules: list[Rule] = []
    for name, pattern in SHEETS:
        path = next(p for p in sorted(sheets.iterdir()) if pattern.search(p.as_posix()))
        rules += parse(name, path.read_text(encoding="utf-8"))
    return rules


def reading_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("print_page/", "pagefind/", "assets/")):
            continue
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]:
            continue  # mkdocs-redirects' pages
        pages.append(rel)
    return pages


# The whole style is applied: the rest of it (hooks/critical_css.py), or the sheets themselves.
STYLED = (
    """() => [...document.styleSheets].some(s => s.href && /\\/(rest|main)\\.[0-9a-f]+(\\.min)?\\.css$/.test(s.href))"""
)


def first_screen_rules(site: Path, pages: list[str], sample: list[str] = (), fold: float = 1.0) -> set[str]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import serve

    # print rules never style a screen
    rules = [
        [r.key, r.prelude]
        for r in site_rules(site)
        if r.style and not any(g.startswith("@media print") for g in r.groups)
    ]
    server, port = serve(site)
    found: set[str] = set()
    try:
        with sync_playwright() as p:
            executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
            browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            for width, height, phone in VIEWPORTS:
                for scheme in SCHEMES:
                    for started in (False, True):
                        context = browser.new_context(
                            viewport={"width": width, "height": height},
                            is_mobile=phone,
                            has_touch=phone,
                            color_scheme=scheme,
                        )
                        if not started:  # as first painted: no script file has run yet
                            context.route("**/*.js", lambda route: route.abort())
                        page = context.new_page()
                        # Every page at the widest and narrowest screens in light; the page
                        # types elsewhere (what differs there is the header, nav and palette).
                        every = scheme == "light" and started and width in (412, 1350)
                        for rel in pages if every else [p for p in pages if p in sample] or pages:
                            page.goto(f"http://127.0.0.1:{port}/{rel}", wait_until="load")
                            page.wait_for_function(STYLED)
                            if started:
                                page.wait_for_function("() => !!window.document$")
                                page.wait_for_timeout(100)
                            found |= set(page.evaluate(MATCH, [rules, fold]))
                        context.close()
            browser.close()
    finally:
        server.shutdown()
    return found


def write_list(found: set[str], rules: list[Rule], path: Path = LIST) -> None:
    order = [r.key for r in rules if r.key in found]
    path.write_text(
        "# Written by `make critical` (scripts/critical_css.py); read by hooks/critical_css.py.\n"
        "# The style rules that match an element on the first screen of a reading page: they are\n"
        "# put in each page, and the others load after the first paint. A key is the sheet, the\n"
        "# @media or @supports around the rule, its selector, and #n for the nth rule so named.\n"
        + "".join(f"{key}\n" for key in order),
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    rules = site_rules(args.site)
    pages = reading_pages(args.site)
    sys.path.insert(0, str(ROOT / "scripts"))
    from measure import PAGE_TYPES

    found = first_screen_rules(args.site, pages, list(PAGE_TYPES.values()))
    if args.check:
        listed = read_list()
        missing = sorted(found - listed, key=[r.key for r in rules].index)
        for key in missing:
            print("missing:", key)
        print(f"{len(found)} rules on a first screen; the list has {len(listed)}; {len(missing)} missing")
        return 1 if missing else 0
    write_list(found, rules)
    print(f"{len(found)} of {sum(r.style for r in rules)} style rules on a first screen of {len(pages)} pages: {LIST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
