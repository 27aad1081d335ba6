"""The situation chapters lead with what to do, and carry the codes in short.

On each built chapter: the decision tree ("Decide step by step", or a link to a tree) and
the practical sections come before "What the codes say"; no chapter holds a full comparison
table, only the short form (`codes_in_short`), which lists every provision its compare page
lists, with the section linked to the official text and the status shown. Each compare page
has the full table, the short form and an in-page table of contents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros import render
from macros.models import CodeKind, Status
from macros.validate import load_dataset

from .conftest import ROOT
from .site_pages import SitePages

DATASET = load_dataset(ROOT / "data")
CHAPTERS = sorted(p.stem for p in (ROOT / "docs" / "situations").glob("*.md") if p.stem != "index")
PRACTICAL = ("what-you-might-say", "what-to-document", "when-and-whom-to-consult")
WIDEST = next(iter(DATASET.jurisdictions))  # the country, listed first in data/jurisdictions.yaml


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None, "the page has no article"
    return found


def position(root: Tag, element: Tag | None) -> int | None:
    """An element's place in document order within `root` (None when absent)."""
    if element is None:
        return None
    for index, node in enumerate(root.descendants):
        if node is element:
            return index
    raise AssertionError("element not inside the article")


def test_every_chapter_is_measured() -> None:
    # Every chapter file is one the nav lists under "Situations", so none escapes these tests
    # by being left out of the nav, and none is listed that does not exist.
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = sorted(set(re.findall(r"situations/([a-z0-9-]+)\.md", nav)) - {"index"})
    assert len(CHAPTERS) >= 10, CHAPTERS
    assert listed == CHAPTERS, f"in the nav but not a file, or a file not in the nav: {set(listed) ^ set(CHAPTERS)}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_leads_with_the_tree_and_what_to_do(site_pages: SitePages, chapter: str) -> None:
    body = article(site_pages[f"situations/{chapter}/"])
    codes = position(body, body.select_one("h2#what-the-codes-say"))
    assert codes is not None, f"{chapter}: no 'What the codes say' section"
    heading = position(body, body.select_one("h2#decide-step-by-step"))
    tree_link = position(body, body.select_one('a[href*="decide/"]'))
    tree = min(p for p in (heading, tree_link) if p is not None)
    assert tree < codes, f"{chapter}: the tree comes after what the codes say"
    for section in PRACTICAL:
        at = position(body, body.select_one(f"h2#{section}"))
        assert at is not None and at < codes, f"{chapter}: '{section}' is missing or after what the codes say"
    cases = position(body, body.select_one("h2#cases"))
    assert cases is not None and cases < codes, f"{chapter}: the cases come after what the codes say"
    # The tree (or its link) is the first thing after the situation: no section between them.
    first_sections = [h2["id"] for h2 in body.select("h2[id]")][:2]
    assert first_sections == ["the-situation", "decide-step-by-step"], first_sections


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_no_full_table_only_the_codes_in_short(site_pages: SitePages, chapter: str) -> None:
    body = article(site_pages[f"situations/{chapter}/"])
    assert body.select("table.ott-compare__table") == [], f"{chapter} still holds a full comparison table"
    source = (ROOT / "docs" / "situations" / f"{chapter}.md").read_text(encoding="utf-8")
    assert "comparison_table(" not in source
    for short in body.select(".ott-short"):
        # The short form links to its topic's full table, on the compare page.
        link = short.select_one(".ott-short__full a")
        assert link is not None and link["href"].rstrip("/").endswith(f"compare/{short['data-topic']}")


def short_forms(site_pages: SitePages) -> list[tuple[str, Tag]]:
    found = []
    for page in [f"situations/{c}/" for c in CHAPTERS] + [f"compare/{t}/" for t in DATASET.topics]:
        found += [(page, short) for short in article(site_pages[page]).select(".ott-short")]
    return found


def test_chapters_embed_short_forms(site_pages: SitePages) -> None:
    """Every chapter that carried a comparison table now carries a short form instead."""
    on_chapters = {page for page, _ in short_forms(site_pages) if page.startswith("situations/")}
    assert len(on_chapters) >= 8, on_chapters


def test_short_form_lists_every_provision_of_its_topic(site_pages: SitePages) -> None:
    forms = short_forms(site_pages)
    assert len(forms) >= len(DATASET.topics) + 8
    for page, short in forms:
        topic = short["data-topic"]
        assert short.has_attr("data-ott-reorder"), page
        items = short.select("li.ott-short__item")
        on_topic = DATASET.provisions_on(topic)
        # The national clinicians' codes whose rule is at least summarised lead, in the
        # table's order; the rest follow in the disclosure (all lead if none qualifies).
        main = [(c, p) for c, p in on_topic if c.kind is CodeKind.ethics_code and c.jurisdiction == WIDEST]
        main = [(c, p) for c, p in main if p.status is not Status.unconfirmed] or on_topic
        expected = main + [pair for pair in on_topic if pair not in main]
        anchors = [item.select_one("a.ott-short__code")["href"].rsplit("#", 1)[1] for item in items]
        assert anchors == [render.anchor_id(c.id, p.section) for c, p in expected], (page, topic)
        # ...every row of the compare page's full table, and nothing else.
        rows = [tr["id"] for tr in site_pages[f"compare/{topic}/"].select("table.ott-compare__table tbody tr")]
        assert sorted(anchors) == sorted(rows) and len(anchors) == len(rows), (page, topic)
        for item, (code, provision) in zip(items, expected, strict=True):
            assert item["data-code"] == code.id
            official = item.select_one("a.ott-source")
            assert official["href"] == str(provision.source_url), (page, code.id, provision.section)
            assert official.get_text(" ", strip=True).startswith(provision.section)
            status = item.select_one(".ott-status").get_text(strip=True)
            assert status == render.STATUS_LABELS[provision.status], (page, code.id, provision.section)
            assert provision.rule in item.get_text(), (page, code.id, provision.section)
            hidden = item.find_parent("details") is not None
            assert hidden == ((code, provision) not in main), (page, code.id, provision.section, hidden)
        if len(main) < len(expected):
            summary = short.select_one("details.ott-short__more > summary").get_text(" ", strip=True)
            assert summary.startswith(f"More codes and laws ({len(expected) - len(main)})"), summary


def test_each_compare_page_has_the_full_table_the_short_form_and_contents(site_pages: SitePages) -> None:
    for topic_id in DATASET.topics:
        soup = site_pages[f"compare/{topic_id}/"]
        body = article(soup)
        assert len(body.select("table.ott-compare__table")) == 1, topic_id
        assert len(body.select(".ott-short")) == 1, topic_id
        # In-page contents: Material's table of contents is shown, and lists the sections.
        toc = soup.select_one('div.md-sidebar--secondary[data-md-type="toc"]')
        assert toc is not None and not toc.has_attr("hidden"), f"{topic_id}: contents hidden"
        links = [a["href"] for a in toc.select("nav.md-nav--secondary a.md-nav__link")]
        assert "#in-short" in links and "#side-by-side" in links, (topic_id, links)
        short, table = position(body, body.select_one(".ott-short")), position(body, body.select_one("table"))
        assert short < table, topic_id


# Words readers type for situations the chapters discuss (the search queries "usher",
# "Target", "hug", "AA"): each must be in the chapter's own prose.
READERS_WORDS = {
    "faith-communities": ("usher", "greeter", "choir", "small group"),
    "community-encounters": ("grocery store", "Target", "pharmacy", "gym"),
    "recovery-communities": ("Alcoholics Anonymous (AA)", "Narcotics Anonymous (NA)"),
    "crossings-and-violations": ("hug",),
}


@pytest.mark.parametrize("chapter", sorted(READERS_WORDS))
def test_chapters_use_the_words_readers_search_for(site_pages: SitePages, chapter: str) -> None:
    body = article(site_pages[f"situations/{chapter}/"])
    blocks = [p for p in body.select("p, li, h2, h3") if not p.find_parent(class_="ott-tree")]
    prose = " ".join(" ".join(p.get_text().split()) for p in blocks)
    missing = [word for word in READERS_WORDS[chapter] if word not in prose]
    assert missing == [], f"{chapter} never says {missing}"


def test_page_lengths_script_measures_every_chapter() -> None:
    from scripts.page_lengths import PRACTICAL_IDS, chapters

    assert chapters("*.md") == CHAPTERS
    assert set(PRACTICAL) <= set(PRACTICAL_IDS)
    assert Path(ROOT / "scripts" / "page_lengths.py").is_file()


def _short_form_renderer():  # noqa: ANN202
    from . import test_render_safety as safety

    renderer = (
        "block",
        lambda p: render.codes_in_short(p.dataset, safety.WAITING_TOPIC, safety.link("situations/x/")),
    )
    safety.RENDERERS.setdefault("codes_in_short", renderer)
    return safety


@pytest.mark.parametrize("hostile", _short_form_renderer().HOSTILE)
def test_short_form_keeps_hostile_data_as_text(hostile: str) -> None:
    """The short form passes the same hostile-data check as every other renderer
    (tests/test_render_safety.py): data never becomes markup, and shows as written."""
    safety = _short_form_renderer()
    safety.test_hostile_text_stays_text(hostile, "codes_in_short")
