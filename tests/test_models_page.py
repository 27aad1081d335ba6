"""The decision models page (decide/models/): each model laid out, with its source, its
limits and the reader's own code; in the nav right after the trees' index (issue 13).

Why: the handbook used to name the models without saying what they ask. The page lays out
each one in its own section; a section that loses its reference, its link to the work, or
its pointer back to the reader's code would quietly turn a model back into a name.
"""

from __future__ import annotations

import pytest
from bs4 import Tag

from macros.checks.trees import clinician_codes
from macros.validate import load_dataset

from .conftest import ROOT
from .site_pages import SitePages
from .test_navigation import entries, nav, section

DATASET = load_dataset(ROOT / "data")
PAGE = "decide/models/"

# Each model: its section id, words its section must name, the references (data/references.yaml)
# it rests on, and the text of its year in the section.
MODELS = {
    "sonne": (("Sonne",), ("sonne-decision-model",), "2007"),
    "gottlieb": (("Gottlieb",), ("gottlieb-1993", "kitchener-1988"), "1993"),
    "younggren-gottlieb": (("Younggren", "Gottlieb"), ("younggren-gottlieb-2004",), "2004"),
    "pope-keith-spiegel": (("Pope", "Keith-Spiegel"), ("pope-keith-spiegel-2008",), "2008"),
    "zur-lazarus": (
        ("Zur", "Lazarus", "slippery"),
        ("lazarus-zur-2002", "zur-lazarus-2002-arguments", "zur-2014", "gutheil-gabbard-1998"),
        "2002",
    ),
    "schank-skovholt": (
        ("Schank", "Skovholt", "rural"),
        ("schank-skovholt-1997", "schank-skovholt-2006", "apa-gradpsych-2009"),
        "1997",
    ),
}


def article(site_pages: SitePages) -> Tag:
    found = site_pages[PAGE].select_one("article.md-content__inner")
    assert found is not None, f"{PAGE} has no article: was docs/decide/models.md built?"
    return found


def section_of(site_pages: SitePages, heading_id: str) -> list[Tag]:
    """The elements from the h2 with this id up to the next h2."""
    heading = article(site_pages).find("h2", id=heading_id)
    assert heading is not None, f"{PAGE} has no section #{heading_id}"
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def text_of(elements: list[Tag]) -> str:
    return " ".join(e.get_text(" ", strip=True) for e in elements)


def test_the_page_is_in_the_nav_right_after_the_trees_index(site_pages: SitePages) -> None:
    decide = entries(section(nav(), "For clinicians", "Decision trees"))
    assert decide[:2] == [
        ("All decision trees", "decide/index.md"),
        ("How to weigh it: decision models", "decide/models.md"),
    ]
    sidebar = site_pages["decide/"].select("nav.md-nav--primary a.md-nav__link[href]")
    assert any(a["href"].rstrip("/").endswith("models") for a in sidebar), "the built sidebar does not link the page"
    # And the trees' index points to it in its text.
    links = article_links(site_pages, "decide/")
    assert any(href.startswith("models") for href in links), "decide/ does not link the models page"


def article_links(site_pages: SitePages, address: str) -> list[str]:
    body = site_pages[address].select_one("article.md-content__inner")
    return [a["href"] for a in body.select("a[href]")]


@pytest.mark.parametrize("model", sorted(MODELS))
def test_each_model_has_its_section_with_its_reference(site_pages: SitePages, model: str) -> None:
    names, references, year = MODELS[model]
    elements = section_of(site_pages, model)
    text = text_of(elements)
    for name in names:
        assert name.lower() in text.lower(), f"#{model} does not name {name!r}"
    assert year in text, f"#{model} does not give the year {year}"
    # What it asks, its steps, a worked example, its limits and what we could check.
    for label in ("What it asks.", "Worked example.", "Limits.", "What we were able to check."):
        assert label in text, f"#{model} has no {label!r} paragraph"
    assert any(e.name in ("ol", "ul") for e in elements), f"#{model} lists no steps, dimensions or types"
    # Its works exist in data/references.yaml and are linked from the sources list.
    sources = " ".join(a.get("href", "") for e in section_of(site_pages, "sources") for a in e.select("a[href]"))
    for reference_id in references:
        assert reference_id in DATASET.references, f"{reference_id} is not in data/references.yaml"
        url = DATASET.references[reference_id].url
        if url is not None:
            assert str(url).rstrip("/") in sources, f"the sources list does not link {reference_id} ({url})"


@pytest.mark.parametrize("model", sorted(MODELS))
def test_each_model_points_every_clinician_to_their_own_code(site_pages: SitePages, model: str) -> None:
    cited = {a["data-code"] for e in section_of(site_pages, model) for a in e.select("a.ott-cite[data-code]")}
    missing = sorted(p for p, codes in clinician_codes(DATASET).items() if not codes & cited)
    assert missing == [], f"#{model} cites no code of: {missing}"


def test_the_one_minute_check_is_labelled_as_ours_and_has_a_sample_note(site_pages: SitePages) -> None:
    elements = section_of(site_pages, "one-minute-check")
    text = text_of(elements)
    assert "handbook's own synthesis" in text
    assert any(e.select("ol > li") for e in elements), "the check is not a numbered list"
    assert any(e.name == "blockquote" for e in elements), "no sample note"


def test_the_seed_points_are_on_the_page_and_cited(site_pages: SitePages) -> None:
    for heading_id, code in (("extraordinary-circumstances", "nasw"), ("several-licences", "ca-bpc")):
        heading = article(site_pages).find(id=heading_id)
        assert heading is not None, f"{PAGE} has no #{heading_id}"
        following = heading.find_next_sibling("p")
        assert following is not None and following.select(f"a.ott-cite[data-code='{code}']"), (
            f"#{heading_id} cites no {code} provision"
        )
    assert any("apply/my-licences" in href for href in article_links(site_pages, PAGE))
