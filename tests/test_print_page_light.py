"""The light whole-handbook print page (issue 16): what hooks/print_page.py leaves out of it,
on small pages (unit) and on the built site, and the markup of Material and print-site that
it relies on (a guard: if an upgrade renames it, these fail instead of the page silently
growing back)."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.print_page import PRINT_PAGE_CSS, drop_repeated_trees, lighten

from .conftest import ROOT
from .site_pages import SitePages

MATERIAL = Path(__import__("material").__file__).parent / "templates"
PRINT_SITE = Path(__import__("mkdocs_print_site_plugin").__file__).parent


def tree(key: str, name: str = "gifts") -> str:
    """A decision tree as the macro writes it, inside the page `key` (ids prefixed by tidy())."""
    return (
        f'<div class="ott-tree" data-tree="{name}" data-start="start"><div class="ott-tree__nodes">'
        f'<section class="ott-node" id="{key}-{name}--start"><h2 id="{key}-{name}--start-h">Q?</h2>'
        f'<ul class="ott-answers"><li><a href="#{key}-{name}--end">Yes</a></li></ul></section>'
        f'<section class="ott-node" id="{key}-{name}--end"><h2 id="{key}-{name}--end-h">Do this</h2>'
        "</section></div></div>"
    )


def test_a_repeated_tree_becomes_a_link_to_its_first_copy() -> None:
    page = (
        f'<section id="situations-gifts">{tree("situations-gifts")}</section>'
        f'<section id="decide-gifts"><p><a href="#decide-gifts-gifts--end">the outcome</a></p>'
        f"{tree('decide-gifts')}</section>"
    )
    out = drop_repeated_trees(page)
    assert out.count('class="ott-tree"') == 1 and "situations-gifts-gifts--end" in out
    assert 'id="decide-gifts-gifts--' not in out
    # the later copy says where the tree is, and a link into it goes to the same node of the kept one
    assert '<a href="#situations-gifts-gifts--start">This decision tree is printed in full' in out
    assert '<a href="#situations-gifts-gifts--end">the outcome</a>' in out
    # links inside the kept copy are untouched; every in-page link lands
    ids = set(re.findall(r'id="([^"]+)"', out))
    assert set(re.findall(r'href="#([^"]+)"', out)) <= ids


def test_different_trees_are_all_kept() -> None:
    page = tree("situations-gifts") + tree("situations-online", "online-contact")
    assert drop_repeated_trees(page) == page


LIGHT_FIXTURE = """<html><head><script>__md_scope=new URL("/handbook/",location),__md_get=0</script>
<script>(function(d){d.classList.add("ott-js");addEventListener("error",function(e){})})(document.documentElement)</script>
<script type="text/javascript">
        document.addEventListener('DOMContentLoaded', function () {
            remove_material_navigation();remove_mkdocs_theme_navigation();generate_toc();
        })
        </script></head>
<body><label class="md-overlay" for="__drawer"></label><header class="md-header">
<label class="md-header__button md-icon" for="__drawer"><svg></svg></label>
<form class="md-header__option" data-ott-palette>
<input class="md-option" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom" type="radio">
<input class="md-option" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" data-md-color-primary="custom" data-md-color-accent="custom" type="radio">
<label hidden><svg></svg></label></form><script>(function(f,b){})(document.currentScript.previousElementSibling,document.body)</script>
<script>var palette=__md_get("__palette")</script>
<label class="md-header__button md-icon" for="__search"><svg></svg></label>
<div class="md-search" role="dialog"><div><form></form></div></div></header>
<nav class="md-tabs" aria-label="Tabs"><ul><li><a href="..">Home</a></li></ul></nav>
<div class="md-sidebar md-sidebar--primary"><div><nav class="md-nav"><ul><li>every page</li></ul></nav></div></div>
<div class="md-sidebar md-sidebar--secondary"><div><nav class="md-nav md-nav--secondary">
<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix><li><a href="#index">Home</a>
<nav><ul><li><a href="#gifts">Gifts</a></li></ul></nav></li></ul></nav></div></div>
<article><div id="print-site-page"><section class="print-page"><div id="print-page-toc">
<nav role='navigation' class='print-page-toc-nav'><h1 class='print-page-toc-title'>Contents</h1></nav></div></section>
<section class="print-page" id="gifts"><section class="ott-node ott-node--question" id="gifts-t--a" aria-labelledby="gifts-t--a-h gifts-x"><h2 id="gifts-t--a-h">Q?</h2></section><h2 id="gifts-x">X<a class="headerlink" href="#gifts-x" title="Link to this section">&para;</a></h2>
<p><a class="ott-cite" data-code="aca" href="#compare-x-aca-a-5-c" title="ACA A.5.c (2014). The whole rule.">ACA A.5.c</a></p></section>
</div></article>
<script id="__config" type="application/json">{"base":".."}</script>
<script type="text/plain" data-ott-src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script type="text/plain" data-ott-src="../assets/javascripts/trees.js"></script><script type="text/plain" data-ott-src="../js/print-site.js"></script>
<script>(function(d){var ran;function go(){if(ran)return;ran=1;var t=d.querySelectorAll("script[data-ott-src]")}})(document)</script>
</body></html>"""


def test_the_light_page_keeps_content_and_contents_and_drops_the_screen_machinery() -> None:
    out = lighten(LIGHT_FIXTURE)
    # the table of contents is in the page itself, whole, without JavaScript
    toc = out[out.index("print-page-toc-title") : out.index("</nav>", out.index("print-page-toc-title"))]
    assert '<a href="#index">Home</a>' in toc and '<a href="#gifts">Gifts</a>' in toc
    assert "data-md-component" not in toc
    # gone: navigation, search, the palette toggle, the permalinks, the rule as a hover title
    for gone in ("md-sidebar", "md-tabs", "md-search", 'for="__search"', 'for="__drawer"'):
        assert gone not in out, gone
    assert "&para;" not in out and "The whole rule." not in out
    assert '<section class="ott-node ott-node--question" id="gifts-t--a"><h2' in out  # not a region here
    assert '<a class="ott-cite" data-code="aca" href="#compare-x-aca-a-5-c">ACA A.5.c</a>' in out
    # gone: every script file and the inline scripts that only served them
    assert "data-ott-src" not in out and "function go()" not in out
    assert "__config" not in out and "generate_toc" not in out
    assert "ott-js" not in out  # trees.js does not run here, so trees show as outlines
    # kept: Material's stored palette choice, its storage helper (scoped like every page) and
    # the handbook's palette toggle, which needs no bundle (overrides/partials/palette.html)
    assert 'var palette=__md_get("__palette")' in out and '__md_scope=new URL("..",location)' in out
    assert out.count('data-md-color-scheme="slate"') == 1 and '<form class="md-header__option" data-ott-palette>' in out
    assert "(function(f,b){})(document.currentScript.previousElementSibling,document.body)" in out


def test_material_and_print_site_still_write_what_the_light_page_takes_out() -> None:
    """lighten() cuts by these start tags and strings, and leaves what it does not find."""

    def theme(name: str) -> str:
        return (MATERIAL / name).read_text(encoding="utf-8")

    base, header = theme("base.html"), theme("partials/header.html")
    assert (
        '<div class="md-sidebar md-sidebar--primary"' in base
        and '<div class="md-sidebar md-sidebar--secondary"' in base
    )
    assert '<label class="md-overlay" for="__drawer">' in base
    assert '<label class="md-header__button md-icon" for="__drawer">' in header
    assert '<label class="md-header__button md-icon" for="__search">' in header
    assert '<nav class="md-tabs"' in theme("partials/tabs.html")
    assert '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>' in theme("partials/toc.html")
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert '<div class="md-search"' in ours
    renderer = (PRINT_SITE / "renderer.py").read_text(encoding="utf-8")
    assert "<h1 class='print-page-toc-title'>" in renderer
    plugin = (PRINT_SITE / "plugin.py").read_text(encoding="utf-8")
    assert "document.addEventListener('DOMContentLoaded', function () {" in plugin and "generate_toc();" in plugin


def test_the_built_print_page_is_light(built_site: Path, site_pages: SitePages) -> None:
    volumes = site_pages.print_volumes()
    assert len(volumes) > 1
    trees: list[str] = []
    toc_entries = 0
    for address in ["print_page/", *volumes]:
        html = (built_site / address / "index.html").read_text(encoding="utf-8")
        assert re.findall(r"<script\b[^>]*\ssrc=", html) == [], f"{address} loads a script file"
        for gone in ('class="md-sidebar', '<nav class="md-tabs"', 'class="md-search"'):
            assert gone not in html, f"{address} still has {gone}: see lighten() in hooks/print_page.py"
        soup = site_pages[address]
        assert not soup.select("a.ott-cite[title]")
        trees += [t["data-tree"] for t in soup.select(".ott-tree")]
        # its own style sheet is linked there, from one folder deeper in a volume
        depth = "../" * address.count("/")
        assert f'href="{depth}{PRINT_PAGE_CSS}"' in html, address
        if address != "print_page/":
            entries = len(soup.select("#print-page-toc nav li"))
            assert entries >= len(soup.select("section.print-page[id]")), f"{address}: its contents are not in the page"
            toc_entries += entries
    assert toc_entries > 100, "the tables of contents are not in the volumes"
    assert trees and len(trees) == len(set(trees)), "a decision tree is printed twice"
    elsewhere = [a for v in volumes for a in site_pages[v].select(".ott-tree-elsewhere a[href]")]
    assert elsewhere, "no repeated tree was replaced (fixture out of date?)"
    # ... and nowhere else
    others = [p for p in site_pages.paths if not p.startswith("print_page/") and PRINT_PAGE_CSS in str(site_pages[p])]
    assert others == []
