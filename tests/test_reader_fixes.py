"""What the new-reader review asked of the built site, held in place: client pages speak to the
person in therapy (their disclaimer, and a correction link that says it is public and not for
complaints), the clients' guide ends each outcome with places to go next, the complaint page
names every California route and the associate titles, and printed pages carry their address.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.validate import load_dataset

from .conftest import ROOT
from .site_pages import SitePages

DATA = load_dataset(ROOT / "data")
CLINICIAN_DISCLAIMER = "ask your licensing board, a trusted colleague or an attorney"
CLIENT_DISCLAIMER = "you can talk to another therapist, your state's licensing board, or an attorney"
CLIENT_CORRECTION = "Report a mistake on this page (public; not for complaints about a therapist)"


def text_of(element) -> str:  # noqa: ANN001
    return (
        re.sub(r"\s+", " ", element.get_text(" ", strip=True)).replace(" ;", ";").replace("( ", "(").replace(" )", ")")
    )


def client_addresses(site_pages: SitePages) -> list[str]:
    pages = [a for a in site_pages.addresses() if a.startswith("clients/")]
    assert len(pages) > 10, f"only {pages} under clients/"
    return pages


def test_client_pages_have_the_client_disclaimer(site_pages: SitePages) -> None:
    for address in client_addresses(site_pages):
        aside = site_pages[address].select_one("aside.ott-disclaimer")
        assert aside is not None, address
        words = text_of(aside)
        assert CLIENT_DISCLAIMER in words and "988" in words and "not legal advice" in words, (address, words)
        assert "trusted colleague" not in words, f"{address} shows the clinicians' disclaimer"


def test_other_pages_keep_the_clinician_disclaimer(site_pages: SitePages) -> None:
    # Spanish pages (es/) are for clients: tests/test_spanish.py checks their disclaimer.
    others = [
        a for a in site_pages.addresses() if not a.startswith(("clients/", "es/")) and not a.startswith("print_page/")
    ]
    assert {"", "agencies/", "situations/former-clients/", "decide/"} <= set(others)
    for address in others:
        aside = site_pages[address].select_one("aside.ott-disclaimer")
        assert aside is not None, address
        words = text_of(aside)
        assert CLINICIAN_DISCLAIMER in words, (address, words)
        assert CLIENT_DISCLAIMER not in words, address


def test_the_correction_link_on_client_pages_says_it_is_public(site_pages: SitePages) -> None:
    for address in client_addresses(site_pages):
        soup = site_pages[address]
        link = soup.select_one("a.ott-correction")
        assert link is not None and "issues/new?template=content-correction.yml" in link["href"], address
        # Its text is its accessible name: no aria-label or title may replace it with less.
        assert text_of(link) == CLIENT_CORRECTION, (address, text_of(link))
        assert not link.get("aria-label") and not link.get("aria-labelledby"), address
        assert soup.select_one('a[rel="edit"]') is None, f"{address} still has the edit pencil"


def test_the_correction_link_elsewhere_is_unchanged(site_pages: SitePages) -> None:
    link = site_pages["situations/former-clients/"].select_one("a.ott-correction")
    assert text_of(link) == "Suggest a correction"


def test_client_trees_end_each_outcome_with_where_to_go_next(site_pages: SitePages) -> None:
    trees = [t for t in DATA.trees.values() if t.readers.value == "clients"]
    assert trees, "no clients' tree"
    for tree in trees:
        soup = site_pages[f"clients/{tree.id}/"]
        for node_id, node in tree.nodes.items():
            if node.is_question:
                continue
            section = soup.find("section", id=f"{tree.id}--{node_id}")
            labels = [text_of(h) for h in section.select("h3.ott-outcome__label")]
            assert "Where to go next" in labels and "Sources" not in labels, (node_id, labels)
            places = section.select("ul.ott-next > li a[href^='https://']")
            assert places, f"{node_id}: no place to go next is linked"
            resources = [c.resource for c in node.cites if c.resource]
            assert len(section.select("ul.ott-next > li")) == len(resources), node_id
            # The codes and works the advice rests on stay, folded under "What this is based on".
            basis = [c for c in node.cites if not c.resource]
            folded = section.select("details.ott-based-on li")
            assert len(folded) == len(basis), node_id
            if basis:
                assert text_of(section.select_one("details.ott-based-on summary")) == "What this is based on"
            for item in node.do:
                assert "under Sources" not in item, f"{node_id} still points to a list called Sources"


def test_every_client_outcome_that_suggests_a_complaint_links_the_california_boards() -> None:
    tree = DATA.trees["something-felt-wrong"]
    for node_id, node in tree.nodes.items():
        if node.is_question or not any("file a complaint" in item for item in node.do):
            continue
        resources = {c.resource for c in node.cites if c.resource}
        assert {"bbs-complaints", "bop-file-complaint", "dhcs-sud-complaints"} <= resources, node_id


def test_clinicians_trees_keep_their_sources(site_pages: SitePages) -> None:
    tree = DATA.trees["former-client-relationship"]
    soup = site_pages[f"decide/{tree.id}/"]
    outcome = next(n for n, node in tree.nodes.items() if not node.is_question)
    section = soup.find("section", id=f"{tree.id}--{outcome}")
    assert "Sources" in [text_of(h) for h in section.select("h3.ott-outcome__label")]
    assert section.select_one("details.ott-based-on") is None


def test_filing_a_complaint_names_dhcs_and_the_associate_titles(site_pages: SitePages) -> None:
    article = site_pages["clients/filing-a-complaint/"].select_one("article")
    words = text_of(article)
    for title in ("AMFT", "APCC", "ASW"):
        assert re.search(rf"\b{title}\b", words), f"the complaint page does not name {title}"
    assert "Department of Health Care Services (DHCS)" in words
    dhcs = str(DATA.resources["dhcs-sud-complaints"].url)
    assert dhcs in [a["href"] for a in article.select("a[href]")], "the DHCS complaint page is not linked"
    assert "What happens after you file" in words and "There are time limits" in words


def test_what_is_never_ok_covers_more_than_sex_and_money(site_pages: SitePages) -> None:
    article = site_pages["clients/what-is-never-ok/"].select_one("article")
    heading = next(h for h in article.select("h2") if "Other things that are never OK" in h.get_text())
    assert heading is not None
    cited = {(a["data-code"], text_of(a)) for a in article.select("a.ott-cite")}
    assert {("apa", "APA 4.01"), ("aca", "ACA B.1.d"), ("aamft", "AAMFT 2.7")} <= cited, cited


def test_the_former_clients_one_pager_names_the_bbs_two_year_rules(site_pages: SitePages) -> None:
    summary = DATA.one_pagers["former-clients"]
    sections = {c.section for c in summary.cites if c.code == "ca-bpc"}
    assert {"§ 4982(k)", "§ 4992.3(l)", "§ 4999.90(k)"} <= sections
    sources = site_pages["agencies/one-pagers/former-clients/"].select_one(".ott-one-pager .ott-sources")
    assert "§ 4992.3(l)" in text_of(sources)


def test_printed_pages_carry_their_web_address(built_site: Path, site_pages: SitePages) -> None:
    for address in ("agencies/one-pagers/former-clients/", "clients/filing-a-complaint/", "situations/online/"):
        line = site_pages[address].select_one("aside.ott-disclaimer .ott-print-address")
        assert line is not None, address
        assert text_of(line) == f"Online: https://outside-the-office.github.io/handbook/{address}", text_of(line)
    css = (built_site / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    screen_rule = re.search(r"(?m)^\.ott-print-address \{\s*display: none;", css)
    assert screen_rule, "the address must be hidden on screen"


def test_agency_pages_point_new_staff_and_warn_about_the_whole_print(site_pages: SitePages) -> None:
    agencies = site_pages["agencies/"].select_one("article")
    tip = agencies.select_one(".admonition")
    assert tip is not None and "New staff: start here" in text_of(tip)
    assert any(a["href"].rstrip("/").endswith("onboarding") for a in tip.select("a[href]"))
    print_page = text_of(site_pages["agencies/print/"].select_one("article"))
    assert re.search(r"about (\d{1,2},)?\d{3} pages", print_page) and "one-page summaries" in print_page
