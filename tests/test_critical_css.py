"""The first screen's style in the page, the rest after the first paint (hooks/critical_css.py).

Unit tests on small sheets, then the real build: every reading page carries the critical
rules and a link to the rest, no rule is lost or doubled, and the pages that keep their links
(the print pages, 404.html) keep them. The browser tests (tests/browser/test_critical_css.py)
check that the split changes no computed style and that the list covers the first screen."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from hooks import critical_css as cc
from tests.conftest import ROOT

SHEET = """@charset "UTF-8";
/* a comment { with braces } */
html { color : red }
a::after { content: "} {"; color: blue }
@media screen and (min-width: 10em) {
  .x { margin: 0 }
  @supports (display: grid) { .x { display: grid } }
}
.x { margin: 0 }
:root { --icon: url("data:image/svg+xml;charset=utf-8,<svg a='1;2'/>"); --used-icon: url("b.svg"); --size: 1rem }
.y { background: var(--used-icon); width: var(--size) }
@keyframes spin { from { transform: rotate(0) } to { transform: rotate(1turn) } }
"""


def test_parse_names_each_rule_by_sheet_groups_selector_and_rank() -> None:
    rules = cc.parse("main", SHEET)
    assert [r.key for r in rules] == [
        "main | html #0",
        "main | a::after #0",
        "main | @media screen and (min-width: 10em) | .x #0",
        "main | @media screen and (min-width: 10em) | @supports (display: grid) | .x #0",
        "main | .x #0",
        "main | :root #0",
        "main | .y #0",
        "main | @keyframes spin #0",
    ]
    assert rules[1].body == 'content: "} {";color: blue'  # the string is kept as written
    assert rules[3].groups == ("@media screen and (min-width: 10em)", "@supports (display: grid)")
    assert not rules[-1].style and all(r.style for r in rules[:-1])
    # a second rule of the same name in the same place is #1
    assert cc.parse("main", ".x{a:b}.x{c:d}")[1].key == "main | .x #1"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (".x { color: red", "not closed"),
        (".x { color: red } }", "unmatched"),
        ('@import "other.css"; .x{}', "statement outside a block"),
        (".x{} stray", "text after the last rule"),
    ],
)
def test_bad_css_is_an_error_naming_the_sheet(text: str, says: str) -> None:
    with pytest.raises(cc.CssError, match=says) as error:
        cc.parse("handbook", text)
    assert "handbook" in str(error.value) or says == "not closed"


def test_split_keeps_order_and_every_declaration_once() -> None:
    rules = cc.parse("main", SHEET)
    critical, rest = cc.split_rules(rules, {"main | html #0", "main | .x #0", "main | :root #0", "main | .y #0"})
    assert critical == (
        'html{color : red}.x{margin: 0 }:root{--used-icon: url("b.svg");--size: 1rem}'
        ".y{background: var(--used-icon);width: var(--size)}"
    ).replace("margin: 0 }", "margin: 0}")
    # the icon no critical rule reads stays behind, in a copy of its rule, in the rest
    assert rest.startswith('@charset "UTF-8";a::after{')
    assert ":root{--icon: url(\"data:image/svg+xml;charset=utf-8,<svg a='1;2'/>\")}" in rest
    assert "@media screen and (min-width: 10em){@supports (display: grid){.x{display: grid}}}" in rest
    assert rest.endswith("@keyframes spin{from{transform: rotate(0)}to{transform: rotate(1turn)}}")
    # nothing is lost: the two parts hold every rule of the sheet
    both = cc.parse("main", critical) + cc.parse("main", rest)
    assert Counter((r.groups, r.prelude) for r in cc.parse("main", SHEET)) <= Counter(
        (r.groups, r.prelude) for r in both
    )


def test_defer_styles_replaces_exactly_the_three_links() -> None:
    links = (
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.89ab.min.css">\n'
        "<meta x>\n"
        '<link rel="stylesheet" href="../assets/stylesheets/handbook.css">\n'
    )
    page = f"<head>{links}</head>"
    out = cc.defer_styles(page, ".x{a:b}", "rest.1234.css")
    assert 'rel="stylesheet"' not in out.replace('<noscript><link rel="stylesheet"', "")
    assert '<style data-ott-rest="../assets/stylesheets/rest.1234.css">.x{a:b}</style>' in out
    assert '<noscript><link rel="stylesheet" href="../assets/stylesheets/rest.1234.css"></noscript>' in out
    assert "<meta x>" in out
    # another set of sheets (the print pages link print-site's as well) is left alone
    other = page.replace("handbook.css", "print-page.css")
    assert cc.defer_styles(other, ".x{a:b}", "rest.1234.css") == other
    with pytest.raises(cc.CssError, match="close its <style>"):
        cc.defer_styles(page, '.x{content:"</style>"}', "rest.1234.css")


def _style_and_rest(html: str) -> tuple[str, str]:
    style = re.search(r'<style data-ott-rest="([^"]+)">(.*?)</style>', html, re.S)
    assert style, "no critical <style> naming the rest"
    return style[2], style[1]


def test_every_reading_page_carries_the_critical_rules_and_links_the_rest(built_site: Path) -> None:
    pages = [
        p
        for p in built_site.rglob("index.html")
        if not p.relative_to(built_site).as_posix().startswith(("print_page/", "pagefind/"))
    ]
    pages = [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:3000]]
    assert len(pages) > 150
    criticals, rests = set(), set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site).as_posix()
        assert not re.search(r'<link rel="stylesheet" href="[^"]*(main\.|palette\.|handbook\.css)', html), where
        critical, href = _style_and_rest(html)
        assert f'<noscript><link rel="stylesheet" href="{href}"></noscript>' in html, where
        target = (path.parent / href).resolve()
        assert target.is_file(), f"{where}: {href} is not in the site"
        criticals.add(critical)
        rests.add(target)
    assert len(criticals) == 1 and len(rests) == 1, "every page should carry the same rules and share one rest file"
    rest = rests.pop()
    text = rest.read_text(encoding="utf-8")
    assert rest.name == cc.rest_name(text), "the rest file is named by its content"
    # Not a rule lost or doubled: the sheets' rules are the critical ones and the rest's.
    sheets = built_site / "assets" / "stylesheets"
    original = []
    for name, pattern in cc.SHEETS:
        source = next(p for p in sorted(sheets.iterdir()) if pattern.search(p.as_posix()))
        original += cc.parse(name, source.read_text(encoding="utf-8"))
    split = cc.parse("x", criticals.pop()) + cc.parse("x", text)

    def pairs(rules: list[cc.Rule]) -> Counter:  # a rule whose icons stayed behind is in both
        return Counter((r.groups, r.prelude) for r in rules)

    assert pairs(original) <= pairs(split)
    doubled = pairs(split) - pairs(original)
    assert sum(doubled.values()) < 10, f"rules in both parts: {sorted(doubled)}"


def test_the_print_pages_and_404_keep_their_stylesheet_links(built_site: Path) -> None:
    for path in [built_site / "404.html", *sorted((built_site / "print_page").rglob("index.html"))]:
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<link rel="stylesheet" href="[^"]*main\.[0-9a-f]+\.min\.css">', html), path
        assert "<style data-ott-rest" not in html, path


def test_every_listed_rule_still_exists(built_site: Path) -> None:
    """A key that names no rule any more (Material renamed or moved a rule, or handbook.css
    changed) is dropped silently by the hook: here it is named, with the fix."""
    sheets = built_site / "assets" / "stylesheets"
    keys = set()
    for name, pattern in cc.SHEETS:
        source = next(p for p in sorted(sheets.iterdir()) if pattern.search(p.as_posix()))
        keys |= {r.key for r in cc.parse(name, source.read_text(encoding="utf-8"))}
    stale = sorted(cc.read_list() - keys)
    assert not stale, f"hooks/critical.txt names rules the sheets no longer have (run `make critical`): {stale[:10]}"


def test_the_list_is_where_the_hook_reads_it() -> None:
    assert cc.LIST == ROOT / "hooks" / "critical.txt"
    assert len(cc.read_list()) > 100
