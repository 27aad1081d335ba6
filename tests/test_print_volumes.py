"""The whole handbook in volumes (issue 16, hooks/print_page.py `split_volumes`): each part of
the nav is one page to print, within a weight budget, and links between parts still land."""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

from hooks.print_page import PRINT_INDEX_TITLE, VOLUME_BUDGET, gzip_size, split_volumes

from .site_pages import SitePages

HEAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - Outside the Office</title>'
    '<link rel="stylesheet" href="../assets/stylesheets/main.css"><link rel="stylesheet" href="../css/print-site.css">'
    '<script>__md_scope=new URL("..",location)</script>'
    "<style>.print-site-enumerate-headings #section-2 > h1:before { content: '2 ' }\n"
    ".print-site-enumerate-headings #a-one > h1:before { content: '2.1 ' }</style></head>"
)
HEADER = (
    '<body><a href="#index" class="md-skip">Skip to content</a><header class="md-header"><a href=".." title="Home">'
    '<img src="../assets/logo.svg" alt=""></a><span class="md-ellipsis">{title}</span></header>'
    '<a href="https://example.org/handbook/print_page/">page</a>'
)
TAIL = '</div><footer class="md-footer"><a href="../about/">About</a></footer></body></html>'


def toc_item(key: str, name: str, inner: str = "") -> str:
    nav = f'<nav class="md-nav" aria-label="{name}"><ul class="md-nav__list">{inner}</ul></nav>' if inner else ""
    return (
        f'<li class="md-nav__item">\n  <a href="#{key}" class="md-nav__link">\n'
        f'    <span class="md-ellipsis">{name}</span>\n  </a>{nav}</li>'
    )


def page(key: str, title: str, body: str) -> str:
    return f'<section class="print-page" id="{key}"><h1 id="{key}-title">{title}</h1>{body}</section>'


def part(key: str, name: str, children: str) -> str:
    return f"<section class='print-page md-section' id='{key}'><h1>{name}</h1>{children}</section>"


def filler(seed: int, words: int) -> str:
    """Text that gzip cannot shrink much: a page of a known weight."""
    import random

    rng = random.Random(seed)
    return "<p>" + " ".join("".join(rng.choices("abcdefghijklmnop", k=6)) for _ in range(words)) + "</p>"


def synthetic_print_page() -> str:
    """Home, part A (pages a-one, a-two: small), part B (big: pages b-one, b-two, b-three,
    and part B/C holding c-one), in the shape mkdocs-print-site-plugin writes."""
    pages = {
        "index": page("index", "Home", '<p><a href="#b-two-title">to b two</a> <a href="#nowhere">lost</a></p>'),
        "a-one": page("a-one", "A one", '<p><a href="#a-two">next</a> <a href="#c-one">c</a></p>' + filler(1, 50)),
        "a-two": page("a-two", "A two", '<p><a href="#index">home</a> <img src="../assets/x.png" alt="x"></p>'),
        "b-one": page("b-one", "B one", filler(2, 900) + '<p><a href="#print-site-page">whole</a></p>'),
        "b-two": page("b-two", "B two", filler(3, 900) + '<p><a href="#b-one">back</a></p>'),
        "b-three": page("b-three", "B three", filler(4, 300)),
        "c-one": page("c-one", "C one", filler(5, 100) + '<p><a href="#missing">lost</a></p>'),
    }
    body = (
        pages["index"]
        + part("section-2", "Part A", pages["a-one"] + pages["a-two"])
        + part(
            "section-3",
            "Part B",
            pages["b-one"] + pages["b-two"] + pages["b-three"] + part("section-3-4", "Part C", pages["c-one"]),
        )
    )
    toc = (
        toc_item("index", "Home")
        + toc_item("section-2", "Part A", toc_item("a-one", "A one") + toc_item("a-two", "A two"))
        + toc_item(
            "section-3",
            "Part B",
            toc_item("b-one", "B one")
            + toc_item("b-two", "B two")
            + toc_item("b-three", "B three")
            + toc_item("section-3-4", "Part C", toc_item("c-one", "C one")),
        )
    )
    contents = (
        '<section class="print-page"><div id="print-page-toc" data-toc-depth="1"><nav class="print-page-toc-nav">'
        f"<h1 class='print-page-toc-title'>Contents</h1><ul class=\"md-nav__list\">{toc}</ul></nav></div></section>"
    )
    title = PRINT_INDEX_TITLE
    return (
        HEAD.replace("{title}", title)
        + HEADER.replace("{title}", title)
        + f'<div id="print-site-page" class="print-site-enumerate-figures">{contents}{body}'
        + TAIL
    )


# Part B weighs more than this budget, each of its pages less.
BUDGET = 5000


def ids_of(html: str) -> set[str]:
    return set(re.findall(r"""\sid=["']([^"']+)["']""", html))


def test_the_synthetic_page_is_shaped_for_the_budget() -> None:
    html = synthetic_print_page()
    b = html[html.index("id='section-3'") : html.index(TAIL)]
    assert gzip_size(b) > BUDGET
    assert gzip_size(html[html.index('id="b-one"') : html.index('id="b-two"')]) < BUDGET


def test_volumes_follow_the_nav_within_the_budget() -> None:
    files = split_volumes(synthetic_print_page(), BUDGET)
    # part A fits: one volume; part B does not: b-one and b-two alone, b-three grouped with part C
    assert sorted(files) == [
        "a-one/index.html",
        "b-one/index.html",
        "b-three/index.html",
        "b-two/index.html",
        "index.html",
    ]
    sections = {name: re.findall(r'<section class="print-page" id="([^"]+)"', text) for name, text in files.items()}
    assert sections["index.html"] == ["print-parts", "index"]
    assert sections["a-one/index.html"] == ["a-one", "a-two"]
    assert sections["b-one/index.html"] == ["b-one"] and sections["b-two/index.html"] == ["b-two"]
    assert sections["b-three/index.html"] == ["b-three", "c-one"]
    for name, text in files.items():
        if name != "index.html":
            assert gzip_size(text) <= BUDGET, name


def test_a_volume_keeps_the_headings_of_its_parts_and_its_own_contents() -> None:
    files = split_volumes(synthetic_print_page(), BUDGET)
    three = files["b-three/index.html"]
    assert "<title>Part B: B three and Part C - Outside the Office</title>" in three
    assert '<span class="md-ellipsis">Part B: B three and Part C</span>' in three
    assert three.index("<h1>Part B</h1>") < three.index("<h1>Part C</h1>") < three.index('id="c-one"')
    toc = three[three.index('id="print-page-toc"') : three.index("</nav></div>")]
    assert re.findall(r'href="#([^"]+)"', toc) == ["section-3", "b-three", "section-3-4", "c-one"]
    assert files["a-one/index.html"].count("<title>Part A - Outside the Office</title>") == 1
    # the numbering style only where its id is
    assert "#section-2 > h1" in files["a-one/index.html"] and "#section-2 > h1" not in three
    assert "<style>" not in three


def test_links_between_volumes_go_to_the_volume_that_holds_the_target() -> None:
    files = split_volumes(synthetic_print_page(), BUDGET)
    a_one, a_two = files["a-one/index.html"], files["b-two/index.html"]
    assert 'href="#a-two"' in a_one, "a link within a volume stays in the page"
    assert 'href="../b-three/#c-one"' in a_one
    assert 'href="../#index"' in a_one, "the Home page is on the index"
    assert 'href="../b-one/#b-one"' in a_two
    assert 'href="../"' in files["b-one/index.html"], "a link to the print page itself goes to the index"
    index = files["index.html"]
    assert 'href="b-two/#b-two-title"' in index
    # a target that is nowhere: the link stays as it was, nothing breaks
    assert 'href="#nowhere"' in index and 'href="#missing"' in files["b-three/index.html"]
    # the skip link goes to the volume's first section
    assert '<a href="#section-3" class="md-skip">' in three_of(files)


def three_of(files: dict[str, str]) -> str:
    return files["b-three/index.html"]


def test_a_volume_one_folder_deeper_fixes_its_relative_addresses() -> None:
    files = split_volumes(synthetic_print_page(), BUDGET)
    volume = files["a-one/index.html"]
    for url in (
        "../../assets/stylesheets/main.css",
        "../../css/print-site.css",
        "../../assets/logo.svg",
        "../../assets/x.png",
        "../../about/",
    ):
        assert f'"{url}"' in volume, url
    assert 'href="../.."' in volume and '__md_scope=new URL("../..",location)' in volume
    assert "https://example.org/handbook/print_page/a-one/" in volume
    # the index stays where the print page was
    index = files["index.html"]
    assert '"../assets/stylesheets/main.css"' in index and 'href=".."' in index
    assert '__md_scope=new URL("..",location)' in index


def test_the_index_lists_every_volume_with_its_pages_and_size() -> None:
    files = split_volumes(synthetic_print_page(), BUDGET)
    index = files["index.html"]
    assert f"<title>{PRINT_INDEX_TITLE} - Outside the Office</title>" in index
    listing = index[index.index('<ol class="ott-print-parts">') :]
    for name in files:
        if name != "index.html":
            slug = name.removesuffix("index.html")
            assert f'<a href="{slug}">' in listing, slug
            kb = max(1, round(gzip_size(files[name]) / 1000))
            assert re.search(rf'<a href="{slug}">[^<]*</a> \(about {kb} KB to download\)', listing), slug
    assert "Pages: B three; C one." in listing
    assert ids_of(index) >= {"index", "index-title", "print-parts"}


def test_every_id_stays_unique_in_each_volume() -> None:
    for name, text in split_volumes(synthetic_print_page(), BUDGET).items():
        found = re.findall(r"""\sid=["']([^"']+)["']""", text)
        assert len(found) == len(set(found)), name


def test_a_page_without_the_plugins_markup_comes_back_whole() -> None:
    assert split_volumes("<html><head></head><body>x</body></html>") == {
        "index.html": "<html><head></head><body>x</body></html>"
    }


# --- the real build ------------------------------------------------------------------------


def page_sections(site_pages: SitePages, address: str) -> list[str]:
    return [
        s["id"]
        for s in site_pages[address].select("#print-site-page section.print-page[id]")
        if "md-section" not in s["class"]
    ]


def test_every_page_of_the_nav_is_in_exactly_one_volume(site_pages: SitePages) -> None:
    volumes = site_pages.print_volumes()
    assert len(volumes) > 1
    keys = [k for v in volumes for k in page_sections(site_pages, v)]
    home = [k for k in page_sections(site_pages, "print_page/") if k != "print-parts"]
    assert home == ["index"], home
    assert len(keys) == len(set(keys)) and "index" not in keys, "a page is printed in two volumes"
    english = [a for a in site_pages.addresses() if not a.startswith(("print_page/", "es/"))]
    assert len(keys) + 1 == len(english), (len(keys) + 1, len(english))


def test_every_in_page_and_cross_volume_link_lands(site_pages: SitePages) -> None:
    addresses = ["print_page/", *site_pages.print_volumes()]
    ids = {a: {t["id"] for t in site_pages[a].select("[id]")} for a in addresses}
    crossing = 0
    for address in addresses:
        missed = []
        for link in site_pages[address].select('a[href*="#"]'):
            href = link["href"]
            if re.match(r"[a-z]+:", href):
                continue
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(address, path)) + "/" if path else address
            if target not in ids:
                continue  # a link to a screen page of the site, checked by tests/test_links.py
            crossing += bool(path)
            if fragment not in ids[target]:
                missed.append(href)
        assert not missed, f"{address}: links that land nowhere: {missed[:10]}"
    assert crossing > 100, "no link crosses volumes: were they rewritten?"


def test_every_volume_is_within_the_budget(built_site: Path, site_pages: SitePages) -> None:
    for address in site_pages.print_volumes():
        raw = (built_site / address / "index.html").read_bytes()
        size = len(gzip.compress(raw, compresslevel=6))
        assert size <= VOLUME_BUDGET, f"{address}: {size / 1024:.0f} KiB gzip > {VOLUME_BUDGET / 1024:.0f}"


def test_the_index_links_every_volume(site_pages: SitePages) -> None:
    index = site_pages["print_page/"]
    assert index.title and index.title.get_text().startswith(PRINT_INDEX_TITLE)
    links = {a["href"] for a in index.select("ol.ott-print-parts a[href]")}
    assert links == {v.removeprefix("print_page/") for v in site_pages.print_volumes()}
    for volume in site_pages.print_volumes():
        assert site_pages[volume].select_one('a[href="../"]'), f"{volume} does not link back to the index"
