"""Sources have ranks: study aids never confirm and are never linked; confirmed means read."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.models import COUNTING_KINDS, Status
from macros.validate import load_dataset

from .conftest import ROOT, line_of, replace_in
from .test_data_errors import only_error

DATASET = load_dataset(ROOT / "data")
STUDY_AID_HOSTS = {
    item["host"] for item in yaml.safe_load((ROOT / "data" / "study-aids.yaml").read_text())["study_aids"]
}
NBCC_E_BOOK = "      - url: https://ebooks.elitelearning.com/view/1044700038/17\n        kind: professional\n"


def _on_list(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".").lower().removeprefix("www.")
    parts = host.split(".")
    return any(".".join(parts[i:]) in STUDY_AID_HOSTS for i in range(len(parts) - 1))


# --- the check, on broken copies of data/ ------------------------------------------------


def test_a_study_aid_source_is_refused(data_copy: Path) -> None:
    nbcc = data_copy / "codes" / "nbcc.yaml"
    line = line_of(nbcc, "      - url: https://ebooks.elitelearning.com/view/1044700038/17")
    replace_in(
        nbcc,
        "      - url: https://ebooks.elitelearning.com/view/1044700038/17",
        "      - url: https://www.brainscape.com/flashcards/nbcc-ethics",
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"data/codes/nbcc.yaml:{line}: provisions[0].checked_against[0].url is on "
        "brainscape.com, listed in data/study-aids.yaml (flashcards): a study aid never "
        "confirms wording and is never linked, so remove it"
    )


def test_a_confirmed_row_needs_a_source_that_counts(data_copy: Path) -> None:
    """Marking a page 'study aid' does not let it confirm a row: a confirmed row needs a
    publisher, government or professional text."""
    nbcc = data_copy / "codes" / "nbcc.yaml"
    text = nbcc.read_text(encoding="utf-8")
    first = text.index("  - section: Counseling Relationships 4")
    second = text.index("  - section:", first + 10)
    block = text[first:second]
    status_line = first + block.index("    status: confirmed")
    line = text[:status_line].count("\n") + 1
    changed = block.replace("        kind: professional", "        kind: study aid").replace(
        "        kind: publisher", "        kind: study aid"
    )
    nbcc.write_text(text[:first] + changed + text[second:], encoding="utf-8")
    assert only_error(data_copy) == (
        f"data/codes/nbcc.yaml:{line}: provisions[0].status is confirmed, but none of this provision's "
        "sources is a publisher, government or professional text: confirmed means the wording was read in "
        "one of those; add that source, or lower the status to secondary or unconfirmed"
    )


def test_a_summary_needs_the_publishers_page(data_copy: Path) -> None:
    nbcc = data_copy / "codes" / "nbcc.yaml"
    text = nbcc.read_text(encoding="utf-8")
    first = text.index("  - section: Counseling Relationships 4")
    second = text.index("  - section:", first + 10)
    block = text[first:second]
    status_line = first + block.index("    status: confirmed")
    line = text[:status_line].count("\n") + 1
    changed = block.replace("    status: confirmed", "    status: summary", 1)
    changed = changed.replace("        kind: publisher", "        kind: professional")
    nbcc.write_text(text[:first] + changed + text[second:], encoding="utf-8")
    assert only_error(data_copy) == (
        f"data/codes/nbcc.yaml:{line}: provisions[0].status is summary, but no source has kind publisher: "
        "a summary status means the publisher's own summary was read, so list that page with kind: publisher"
    )


def test_an_http_source_is_refused(data_copy: Path) -> None:
    nbcc = data_copy / "codes" / "nbcc.yaml"
    line = line_of(nbcc, "      - url: https://ebooks.elitelearning.com/view/1044700038/17")
    replace_in(nbcc, "      - url: https://ebooks.elitelearning.com/", "      - url: http://ebooks.elitelearning.com/")
    error = only_error(data_copy)
    assert error.startswith(f"data/codes/nbcc.yaml:{line}: provisions[0].checked_against[0].url starts with http://")


def test_a_source_without_a_kind_is_refused(data_copy: Path) -> None:
    nbcc = data_copy / "codes" / "nbcc.yaml"
    line = line_of(nbcc, "      - url: https://ebooks.elitelearning.com/view/1044700038/17")
    replace_in(nbcc, NBCC_E_BOOK, "      - url: https://ebooks.elitelearning.com/view/1044700038/17\n")
    error = only_error(data_copy)
    assert error.startswith(f"data/codes/nbcc.yaml:{line}: provisions[0].checked_against[0].kind is missing")


# --- the data as it is ---------------------------------------------------------------------


def test_every_confirmed_row_rests_on_a_source_that_counts() -> None:
    weak = [
        f"{code.id} {p.section}"
        for code in DATASET.codes.values()
        for p in code.provisions
        if p.status is Status.confirmed
        and not any(s.kind in COUNTING_KINDS and not _on_list(str(s.url)) for s in p.checked_against)
    ]
    assert weak == []


def test_no_source_in_the_data_is_a_listed_study_aid() -> None:
    listed = [
        str(s.url)
        for code in DATASET.codes.values()
        for p in code.provisions
        for s in p.checked_against
        if _on_list(str(s.url))
    ]
    listed += [str(s.url) for r in DATASET.resources.values() for s in r.checked_against if _on_list(str(s.url))]
    assert listed == []


# --- the built site --------------------------------------------------------------------------


def test_no_page_links_a_study_aid(built_site: Path) -> None:
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select("a[href]") if a["href"].startswith("http") and _on_list(a["href"])]
        if links:
            found[page.relative_to(built_site).as_posix()] = links
    assert found == {}


@pytest.mark.parametrize(
    "page", ["apply/psychologist-california/index.html", "compare/sexual-relationships-former-clients/index.html"]
)
def test_californias_two_year_rule_for_psychologists_is_shown(built_site: Path, page: str) -> None:
    soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
    row = soup.select_one("tr#ca-bpc-2960-o")
    assert row is not None, f"{page} has no row for § 2960(o)"
    assert "2 years" in row.get_text() and row["data-status"] == "confirmed"
    assert row.select_one("a.ott-source")["href"].startswith("https://leginfo.legislature.ca.gov/")


def test_confirmed_rows_on_the_site_name_a_source_that_counts(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "codes" / "ca-bpc" / "index.html").read_text(encoding="utf-8"), "html.parser")
    blocks = soup.select("div.ott-provision[data-status='confirmed']")
    assert len(blocks) >= 30
    for block in blocks:
        kinds = [li.get_text() for li in block.select("details.ott-checked li")]
        assert any(
            "a government text" in k or "the publisher's own text" in k or "a professional publication" in k
            for k in kinds
        ), block["id"]
