"""The agency section on the built site: the onboarding path, one-pagers, templates
by profession, the cite page and the whole-handbook print page, all from data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.dataset import clauses_for
from macros.render import duration
from macros.validate import load_dataset

from .conftest import ROOT
from .site_pages import SitePages

DATA = load_dataset(ROOT / "data")


def soup_of(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, address: str) -> BeautifulSoup:
    return soup_of(site, address).select_one("article")


def test_onboarding_lists_every_step_in_order_with_time_and_questions(built_site: Path) -> None:
    page = article(built_site, "agencies/onboarding/")
    steps = DATA.onboarding.steps
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("h2")]
    assert len(headings) == len(steps)
    lists = page.select("ol.ott-questions")
    for number, (heading, step, questions) in enumerate(zip(headings, steps, lists, strict=True), start=1):
        assert heading.startswith(f"{number}. ")
        assert [li.get_text(strip=True) for li in questions.select("li")] == list(step.questions)
    meta = [p.get_text(" ", strip=True) for p in page.select(".ott-step-meta")]
    assert [m.endswith(f"about {duration(s.minutes)}") for m, s in zip(meta, steps, strict=True)] == [True] * len(steps)
    total = sum(s.minutes for s in steps)
    assert f"about {duration(total)} in all" in page.select_one(".ott-path-total").get_text(" ", strip=True)
    # each step links to the page it names
    hrefs = [p.select_one("a")["href"] for p in page.select(".ott-step-meta")]
    assert len(hrefs) == len(steps)
    for href in hrefs:
        assert (built_site / "agencies" / "onboarding" / href / "index.html").resolve().is_file(), href


def test_duration_reads_naturally() -> None:
    assert duration(25) == "25 minutes"
    assert duration(60) == "1 hour"
    assert duration(295) == "4 hours 55 minutes"


@pytest.mark.parametrize("summary_id", sorted(DATA.one_pagers))
def test_one_pager_shows_its_data_and_links_its_chapter(built_site: Path, summary_id: str) -> None:
    summary = DATA.one_pagers[summary_id]
    page = article(built_site, f"agencies/one-pagers/{summary_id}/")
    box = page.select_one(".ott-one-pager")
    points = [li.get_text(" ", strip=True) for li in box.select("h2#remember + ul > li")]
    assert points == list(summary.key_points)
    assert len(box.select(".ott-sources li")) == len(summary.cites)
    chapter = box.select_one(".ott-one-pager__more a")["href"]
    assert (built_site / "agencies" / "one-pagers" / summary_id / chapter / "index.html").resolve() == (
        built_site / "situations" / summary_id / "index.html"
    ).resolve()


def test_every_situation_chapter_has_a_one_pager() -> None:
    # situations/index.md is the overview of the chapters, not a chapter.
    chapters = {p.stem for p in (ROOT / "docs" / "situations").glob("*.md") if p.stem != "index"}
    assert chapters == set(DATA.one_pagers)


@pytest.mark.parametrize("profession_id", sorted(DATA.professions))
def test_templates_print_exactly_the_clauses_for_each_profession(built_site: Path, profession_id: str) -> None:
    page = article(built_site, f"agencies/templates/{profession_id}/")
    for template in DATA.templates.values():
        box = page.select_one(f'.ott-template[data-template="{template.id}"]')
        assert box["data-profession"] == profession_id
        shown = [h.get_text(strip=True) for h in box.select(".ott-template__text h3")]
        assert shown == [c.heading for c in clauses_for(template, profession_id)]


@pytest.mark.parametrize("profession_id", sorted(DATA.professions))
def test_templates_cite_only_codes_that_reach_the_profession(built_site: Path, profession_id: str) -> None:
    profession = DATA.professions[profession_id]
    reach = {}
    for rule in (rule for rules in profession.applies.values() for rule in rules):
        reach.setdefault(rule.code, set()).update(rule.sections or ["*"])
    page = article(built_site, f"agencies/templates/{profession_id}/")
    cited = [(a["data-code"], a.get_text(strip=True)) for a in page.select(".ott-basis a.ott-cite")]
    assert cited, f"{profession_id}: no code cited at all"
    for code_id, label in cited:
        sections = reach.get(code_id, set())
        short = DATA.codes[code_id].short_name
        assert "*" in sections or label.removeprefix(short).strip() in sections, (
            f"{profession_id}: cites {label}, which does not reach {profession.plural}"
        )


def test_profession_specific_clauses_reach_only_their_profession() -> None:
    specific = [(t, c) for t in DATA.templates.values() for c in t.clauses if c.professions]
    assert specific, "templates.yaml has no profession-specific clause: the per-profession pages would be identical"
    for template, clause in specific:
        for profession in DATA.professions:
            assert (clause in clauses_for(template, profession)) == (profession in clause.professions)


def test_cite_page_matches_citation_cff(built_site: Path) -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "version", "date-released", "url", "license"):
        assert cff.get(key), f"CITATION.cff lacks {key}"
    assert cff["cff-version"] == "1.2.0"
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    page = article(built_site, "agencies/cite/")
    reference = page.select_one(".ott-reference").get_text(" ", strip=True)
    assert cff["title"] in reference and f"Version {cff['version']}" in reference
    assert str(cff["date-released"])[:4] in reference
    bibtex = page.select_one(".ott-bibtex").get_text()
    assert bibtex.startswith("@misc{") and cff["url"] in bibtex


def test_print_page_holds_every_page_of_the_nav(site_pages: SitePages) -> None:
    """The whole-handbook page includes each page's heading: every page the build wrote,
    the pages made from data included (they have no file in docs/)."""
    text = " ".join(site_pages[v].get_text(" ", strip=True) for v in ["print_page/", *site_pages.print_volumes()])
    missing = []
    for address in site_pages.addresses():
        if address.startswith(("print_page/", "es/")):
            continue  # the whole handbook is English; a Spanish page prints on its own (tests/browser/test_print.py)
        title = site_pages[address].select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
        if title not in text:
            missing.append(address or "/")
    assert not missing, f"pages missing from the print page: {missing}"
    # trees are there as outlines: every question of every tree
    for tree in DATA.trees.values():
        for node in tree.nodes.values():
            if node.is_question:
                assert node.question in text, f"{tree.id}: {node.question!r} not on the print page"
