"""The client pages and the client tree in Spanish (issue 17), on the built site.

Every English client page, and the clients' tree, has a Spanish page at es/<same address>;
each links to the other, names the other in its head (hreflang), says its language in
<html lang>, shows Material's own words in Spanish and reads at INFLESZ 65 or more
("bastante fácil", Szigriszt-Pazos), measured on the built page as for the English grade.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from macros.validate import load_dataset
from scripts.readability import INFLESZ_LIMIT, inflesz, page_text

from .conftest import ROOT
from .languages import english_only
from .site_pages import SitePages

DATASET = load_dataset(ROOT / "data")


def english_client_addresses() -> list[str]:
    sources = english_only(sorted((ROOT / "docs" / "clients").glob("*.md")))
    pages = [f"clients/{p.stem}/" if p.stem != "index" else "clients/" for p in sources]
    pages += [f"clients/{t.id}/" for t in DATASET.trees.values() if t.readers.value == "clients"]
    return sorted(pages)


CLIENT_PAGES = english_client_addresses()


def test_every_client_page_and_the_client_tree_have_a_spanish_page(site_pages: SitePages) -> None:
    missing = [address for address in CLIENT_PAGES if f"es/{address}" not in site_pages]
    assert missing == [], f"client pages with no Spanish page under es/: {missing}"
    spanish = sorted(a for a in site_pages.addresses() if a.startswith("es/clients/"))
    english = [a.removeprefix("es/") for a in spanish]
    assert sorted(english) == CLIENT_PAGES, "a Spanish client page has no English page, or the reverse"


@pytest.mark.parametrize("address", CLIENT_PAGES)
def test_each_language_links_to_the_other(site_pages: SitePages, address: str) -> None:
    pairs = {"en": address, "es": f"es/{address}"}
    for language, page in pairs.items():
        soup = site_pages[page]
        assert soup.html["lang"] == language, f"{page} says lang={soup.html['lang']!r}"
        other = "es" if language == "en" else "en"
        # No hreflang link in the head: Material's bundle would fetch a sitemap beside it.
        assert soup.select('head link[rel="alternate"][hreflang]') == [], page
        switch = soup.select_one(".ott-language a")
        assert switch is not None, f"{page} has no link to its {other} page"
        assert switch["hreflang"] == other and switch.find_parent("p")["lang"] == other
        target = posixpath.normpath(posixpath.join(page, switch["href"]))
        assert target == pairs[other].strip("/"), f"{page}'s switch opens {target}"


def test_the_sitemap_pairs_each_page_with_its_translation(built_site: Path) -> None:
    """Search engines learn which pages are the same page in two languages from sitemap.xml
    (xhtml:link hreflang), and instant navigation swaps in only the pages it lists."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {
        u.find("s:loc", ns).text: {x.get("hreflang"): x.get("href") for x in u.findall("x:link", ns)}
        for u in root.findall("s:url", ns)
    }
    base = next(loc for loc in entries if loc.endswith("/clients/gifts/")).removesuffix("clients/gifts/")
    for address in CLIENT_PAGES:
        english, spanish = base + address, base + "es/" + address
        assert entries[english] == {"en": english, "es": spanish}, address
        assert entries[spanish] == {"en": english, "es": spanish}, address
    assert base + "decide/unexpected-encounter/" in entries, "pages made from data are missing from the sitemap"
    assert entries[base + "situations/online/"] == {"en": base + "situations/online/"}


def test_pages_in_one_language_name_no_other(site_pages: SitePages) -> None:
    """A page with no translation (a clinicians' chapter) has no language link."""
    for page in ("situations/online/", "codes/aca/", "agencies/", "decide/unexpected-encounter/"):
        soup = site_pages[page]
        assert soup.select('head link[rel="alternate"][hreflang]') == [], page
        assert soup.select(".ott-language") == [], page
        assert soup.html["lang"] == "en"


def test_spanish_pages_show_materials_words_in_spanish(site_pages: SitePages) -> None:
    soup = site_pages["es/clients/gifts/"]
    skip = soup.select_one("a.md-skip")
    assert skip is not None and "Saltar" in skip.get_text(), skip
    assert "Esto no es asesoría legal" in soup.select_one(".ott-disclaimer").get_text()
    assert "Revisada por última vez" in soup.select_one(".ott-reviewed").get_text()
    english = site_pages["clients/gifts/"]
    assert "Skip to content" in english.select_one("a.md-skip").get_text()


def test_the_spanish_nav_lists_the_spanish_pages_only(site_pages: SitePages) -> None:
    soup = site_pages["es/clients/gifts/"]
    links = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert len(links) >= len(CLIENT_PAGES), links
    for href in links:
        resolved = posixpath.normpath(posixpath.join("es/clients/gifts/", href))
        assert resolved.split("/")[0] == "es", f"the Spanish nav links {href}, outside es/"


def test_links_to_english_only_pages_say_so(site_pages: SitePages) -> None:
    """A Spanish page's link to a clinicians' chapter (English only) opens the English page
    and is marked hreflang="en"; the text around it says (en inglés)."""
    soup = site_pages["es/clients/friending-or-following-your-therapist/"]
    english = [a for a in soup.select("article a[href]") if "situations/" in a["href"]]
    assert english, "the Spanish page links no clinicians' chapter"
    for a in english:
        assert a.get("hreflang") == "en", a
        assert a["href"].startswith("../../../situations/"), a["href"]
    assert "(en inglés)" in soup.select_one("article").get_text()


def test_the_spanish_tree_is_the_english_tree_in_spanish(site_pages: SitePages) -> None:
    tree = DATASET.trees["something-felt-wrong"]
    english = site_pages["clients/something-felt-wrong/"].select("[data-node]")
    spanish = site_pages["es/clients/something-felt-wrong/"].select("[data-node]")
    assert [n["data-node"] for n in spanish] == [n["data-node"] for n in english] == list(tree.nodes)
    text = site_pages["es/clients/something-felt-wrong/"].select_one(".ott-tree").get_text(" ")
    for word in ("Pregunta", "Adónde ir después", "Empezar de nuevo", "¿Está usted en peligro"):
        assert word in text, word
    for word in ("What to do", "Start again", "Where to go next"):
        assert word not in text, word
    # Its outcomes send a Spanish reader to the Spanish pages.
    see_also = site_pages["es/clients/something-felt-wrong/"].select(".ott-see-also a")
    assert see_also and all(not a["href"].startswith("../../../") for a in see_also)


@pytest.mark.parametrize("address", CLIENT_PAGES)
def test_spanish_page_reads_bastante_facil_or_easier(built_site: Path, address: str) -> None:
    html = (built_site / "es" / address / "index.html").read_text(encoding="utf-8")
    text = page_text(html)
    assert len(text.split()) > 150, f"es/{address} has almost no text to measure"
    value = inflesz(text)
    assert value >= INFLESZ_LIMIT, f"es/{address} reads at INFLESZ {value:.1f}; the floor is {INFLESZ_LIMIT:g}"


def test_the_spanish_measure_can_fail() -> None:
    easy = "Usted puede decir que no. Su terapeuta no se va a enojar. Es su derecho."
    dense = (
        "La consideración pormenorizada de las circunstancias institucionales correspondientes "
        "constituye, indudablemente, una responsabilidad profesional ineludible e interdisciplinaria."
    )
    assert inflesz(easy) >= INFLESZ_LIMIT > inflesz(dense)
