"""Generated pages: a stub per topic and per code, in the nav, with working links."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import render
from macros.errors import DataErrors, UnknownReference
from macros.generated import generated_pages
from macros.models import Status
from macros.validate import load_dataset

from .conftest import ROOT, copy_project, line_of, replace_in, run_build
from .fixture_site import TOPIC, make_fixture_site
from .site_pages import SitePages

DATASET = load_dataset(ROOT / "data")


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_no_generated_page_is_committed() -> None:
    """Pages made from data exist only at build time, so editing data never means
    regenerating a file."""
    committed = [page.path for page in generated_pages(DATASET) if (ROOT / "docs" / page.path).exists()]
    assert committed == []


def test_a_committed_copy_of_a_generated_page_is_refused(tmp_path: Path) -> None:
    project = make_fixture_site(tmp_path / "project", pages={f"compare/{TOPIC}.md": "# Former clients\n"})
    with pytest.raises(DataErrors) as caught:
        load_dataset(project / "data")
    assert f"docs/compare/{TOPIC}.md: is made from data at build time: delete it" in str(caught.value)


def test_data_edits_and_a_new_state_build_without_touching_any_other_file(tmp_path: Path) -> None:
    """A date and a title changed in data reach the built pages, and a new jurisdiction
    with a profession listing it gets its rules page and a place in the chooser."""
    project = copy_project(tmp_path / "project")
    aca_file = project / "data" / "codes" / "aca.yaml"
    checked = next(
        line for line in aca_file.read_text(encoding="utf-8").splitlines() if line.startswith("verified_on:")
    )
    replace_in(aca_file, checked, "verified_on: 2026-11-30")
    replace_in(project / "data" / "topics.yaml", "title: Gifts", "title: Gifts from clients")
    with (project / "data" / "jurisdictions.yaml").open("a", encoding="utf-8") as out:
        out.write("  - id: oregon\n    name: Oregon\n    short_name: Oregon\n    where: in Oregon\n")
    replace_in(
        project / "data" / "professions.yaml",
        "    applies:\n      national:\n        - code: apa\n",
        "    applies:\n      oregon:\n        - code: apa\n          basis: membership\n"
        "          why: Binds APA members in Oregon as anywhere.\n      national:\n        - code: apa\n",
    )
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    aca = soup_of(site, "codes/aca/index.html")
    assert aca.select_one("time[datetime='2026-11-30']") is not None
    assert soup_of(site, "compare/gifts/index.html").h1.get_text(strip=True).startswith("Gifts from clients")
    oregon = soup_of(site, "apply/psychologist-oregon/index.html")
    assert oregon.h1.get_text(strip=True).startswith("Rules for psychologists in Oregon")
    assert oregon.select_one("tr#apa-10-08") is not None
    chooser = soup_of(site, "apply/index.html")
    assert chooser.select_one("a[href='../psychologist-oregon/'], a[href='psychologist-oregon/']") is not None


def _nav_files(items: object) -> list[str]:
    found: list[str] = []
    if isinstance(items, str):
        found.append(items)
    elif isinstance(items, list):
        for item in items:
            found += _nav_files(item)
    elif isinstance(items, dict):
        for value in items.values():
            found += _nav_files(value)
    return found


def test_every_generated_page_is_in_the_nav() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    nav = set(_nav_files(config["nav"]))
    missing = [page.path for page in generated_pages(DATASET) if page.path not in nav]
    assert missing == [], f"add these pages to the nav in mkdocs.yml: {missing}"


def test_code_pages_list_every_provision_and_what_is_unconfirmed(site_pages: SitePages) -> None:
    for code in DATASET.codes.values():
        soup = site_pages[f"codes/{code.id}/index.html"]
        ids = {div["id"] for div in soup.select("div.ott-provision")}
        assert ids == {render.anchor_id(code.id, p.section) for p in code.provisions}
        facts = soup.select_one("dl.ott-facts").get_text(" ")
        assert code.version in facts and str(code.official_url) in facts
        unconfirmed = soup.select("ul.ott-open-items li")
        assert len(unconfirmed) == sum(p.status is not Status.confirmed for p in code.provisions)
        assert soup.select_one("h2#not-confirmed") is not None


def test_links_between_generated_pages_resolve(built_site: Path, site_pages: SitePages) -> None:
    """Every internal link in tables, citations and code pages reaches a page and an anchor."""
    checked = 0
    for page in [
        "compare/index.html",
        "codes/index.html",
        "about/sources/index.html",
        "apply/index.html",
        *(f"codes/{c}/index.html" for c in DATASET.codes),
        *(f"apply/{p.id}-{j.id}/index.html" for p, j in DATASET.rules_pages()),
    ]:
        path = built_site / page
        links = site_pages[page].select("a.ott-cite, .ott-provision a, .ott-index a, .ott-applies a, p.ott-small a")
        for link in links:
            href = link["href"]
            if href.startswith("http"):
                continue
            target, _, anchor = href.partition("#")
            target_file = (path.parent / target / "index.html").resolve()
            assert target_file.is_file(), f"{page}: {href} leads nowhere"
            if anchor:
                assert site_pages[target_file.relative_to(built_site.resolve()).as_posix()].find(id=anchor), (
                    f"{page}: {href} has no #{anchor}"
                )
            checked += 1
    assert checked >= len(DATASET.codes) + len(DATASET.topics)


def test_citation_carries_the_rule_and_links_to_the_row() -> None:
    html = render.citation(DATASET, "aca", "A.5.c", lambda target: "../../" + target)
    link = BeautifulSoup(html, "html.parser").a
    assert link.get_text() == "ACA A.5.c"
    assert link["href"] == "../../compare/sexual-relationships-former-clients/#aca-a-5-c"
    aca = DATASET.codes["aca"]
    rule = next(p.rule for p in aca.provisions if p.section == "A.5.c")
    assert link["title"] == f"ACA A.5.c ({aca.version}). {rule}"


@pytest.mark.parametrize(
    ("code", "section", "message"),
    [
        ("acaa", "A.5.c", "cite: there is no code 'acaa' in data/codes/ (did you mean 'aca'?)"),
        ("aca", "A.5.z", "cite: ACA has no section 'A.5.z' in data/codes/aca.yaml (did you mean 'A.5.e'?)"),
    ],
)
def test_unknown_citation_is_refused(code: str, section: str, message: str) -> None:
    with pytest.raises(UnknownReference) as caught:
        render.citation(DATASET, code, section, lambda target: target)
    assert str(caught.value) == message


def test_unknown_citation_fails_the_build_naming_the_page(fixture_site: Path, tmp_path: Path) -> None:
    """On the tiny fixture site (tests/fixture_site.py), whose ACA has the one section A.5.c."""
    page = fixture_site / "docs" / "about" / "sources.md"
    replace_in(page, 'cite("aca", "A.5.c")', 'cite("aca", "A.5.z")')
    site = tmp_path / "site"
    result = run_build(fixture_site, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/about/sources.md:{line_of(page, 'A.5.z')}: cite: ACA has no section 'A.5.z' in "
        "data/codes/aca.yaml (did you mean 'A.5.c'?)"
    ) in output
    assert "Traceback" not in output
    assert not (site.exists() and list(site.rglob("*.html"))), "a failed build published pages"


def test_former_client_rows_say_what_the_data_says(site_pages: SitePages) -> None:
    topic = "sexual-relationships-former-clients"
    soup = site_pages[f"compare/{topic}/index.html"]
    provisions = DATASET.provisions_on(topic)
    assert len(soup.select("tbody tr")) == len(provisions)
    for code, provision in provisions:
        row = soup.find("tr", id=render.anchor_id(code.id, provision.section))
        cells = {td["data-label"]: td for td in row.select("td")}
        assert cells["Waiting period"].get_text() == render.waiting_period_label(provision.waiting_period)
        assert cells["Section and official text"].select_one("a.ott-source")["href"] == str(provision.source_url)
        assert cells["Status"].select_one(".ott-status").get_text() == render.STATUS_LABELS[provision.status]
        assert code.version in row.th.get_text()


@pytest.mark.parametrize(
    ("profession", "jurisdiction", "present", "absent"),
    [
        (
            "marriage-family-therapist",
            "california",
            ["ca-bpc-4982-k", "camft-4-1", "aamft-1-3"],
            ["ca-bpc-4992-3-l", "ca-bpc-4999-90-k", "apa-10-08"],
        ),
        ("clinical-social-worker", "california", ["ca-bpc-4992-3-l", "nasw-1-09-c"], ["ca-bpc-4982-k"]),
        ("addiction-counselor", "california", ["ca-bpc-729", "naadac-principle-i"], ["ca-bpc-726", "ca-bpc-728"]),
        ("psychologist", "national", ["apa-10-08"], ["ca-bpc-726", "aca-a-5-c"]),
    ],
)
def test_rules_pages_show_only_what_applies(
    site_pages: SitePages, profession: str, jurisdiction: str, present: list[str], absent: list[str]
) -> None:
    soup = site_pages[f"apply/{profession}-{jurisdiction}/index.html"]
    rows = {tr["id"] for tr in soup.select("tbody tr")}
    expected = {
        render.anchor_id(c.id, p.section) for c, p in render.applicable_provisions(DATASET, profession, jurisdiction)
    }
    assert rows == expected
    assert set(present) <= rows and not set(absent) & rows
    reasons = soup.select("ul.ott-applies li")
    assert len(reasons) == len(DATASET.professions[profession].applies[jurisdiction])


def test_chooser_links_every_profession_and_place(site_pages: SitePages) -> None:
    soup = site_pages["apply/index.html"]
    hrefs = {a["href"] for a in soup.select("table a")}
    assert hrefs == {f"{p.id}-{j.id}/" for p, j in DATASET.rules_pages()}


def test_no_hand_written_citation_without_a_provision() -> None:
    from .citations import unknown_citations

    problems = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        found = unknown_citations(page.read_text(encoding="utf-8"), DATASET)
        if found:
            problems[page.relative_to(ROOT).as_posix()] = found
    assert problems == {}, f"citations with no provision in data/ (use the cite macro): {problems}"


def test_citation_scanner_catches_unknown_sections() -> None:
    from .citations import unknown_citations

    text = (
        "See ACA A.5.c and APA 3.05 and NASW 1.09(c) and § 4982(k) and §729. "
        "But ACA A.9.z, APA Standard 12.01, NASW 1.99(c) and § 9982(z) are not in our data. "
        'A macro is fine: {{ cite("aca", "A.5.z") }}'
    )
    assert unknown_citations(text, DATASET) == ["ACA A.9.z", "APA Standard 12.01", "NASW 1.99(c)", "§ 9982(z)"]


def test_citation_scanner_reads_the_code_names_from_the_data() -> None:
    """A code added to data/codes/ is scanned for at once; one that is not there is not a citation."""
    import dataclasses

    from .citations import unknown_citations

    apa = DATASET.codes["apa"]
    added = apa.model_copy(update={"id": "zzpa", "short_name": "ZZPA"})
    dataset = dataclasses.replace(DATASET, codes={**DATASET.codes, "zzpa": added})
    text = f"ZZPA {apa.provisions[0].section} is known, ZZPA 99.99 is not; QQPA 1.01 is no code of ours."
    assert unknown_citations(text, dataset) == ["ZZPA 99.99"]
    assert unknown_citations(text, DATASET) == []


def test_every_provision_renders_on_its_topic_table(site_pages: SitePages) -> None:
    for topic_id, topic in DATASET.topics.items():
        soup = site_pages[f"compare/{topic_id}/index.html"]
        rows = [tr["id"] for tr in soup.select("table.ott-compare__table tbody tr")]
        expected = [render.anchor_id(c.id, p.section) for c, p in DATASET.provisions_on(topic_id)]
        assert rows == expected, topic_id
        headers = tuple(th.get_text() for th in soup.select("thead th"))
        assert headers == render.columns_for(topic)
    total = sum(len(c.provisions) for c in DATASET.codes.values())
    assert total == sum(len(DATASET.provisions_on(t)) for t in DATASET.topics)
