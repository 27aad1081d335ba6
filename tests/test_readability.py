"""Client pages read at US grade 8 or lower (Flesch-Kincaid), one test per page,
measured on the built page as a reader sees it (see scripts/readability.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.validate import load_dataset
from scripts.readability import GRADE_LIMIT, grade, page_text

from .conftest import ROOT
from .languages import english_only


def client_pages() -> list[str]:
    """Every page of the client section: the hand-written pages and the clients' trees."""
    sources = english_only(sorted((ROOT / "docs" / "clients").glob("*.md")))
    pages = sorted(f"clients/{p.stem}/" for p in sources if p.stem != "index")
    pages.append("clients/")
    trees = load_dataset(ROOT / "data").trees.values()
    pages += [f"clients/{t.id}/" for t in trees if t.readers.value == "clients" and f"clients/{t.id}/" not in pages]
    return pages


@pytest.mark.parametrize("address", client_pages())
def test_client_page_reads_at_grade_8_or_lower(built_site: Path, address: str) -> None:
    html = (built_site / address / "index.html").read_text(encoding="utf-8")
    text = page_text(html)
    assert len(text.split()) > 150, f"{address} has almost no text to measure: {text[:200]!r}"
    value = grade(text)
    assert value <= GRADE_LIMIT, f"{address} reads at grade {value:.1f}; the limit is {GRADE_LIMIT:g}"


def test_the_client_section_has_the_pages_the_handbook_promises() -> None:
    stems = {p.stem for p in english_only(sorted((ROOT / "docs" / "clients").glob("*.md")))}
    promised = {
        "seeing-your-therapist-in-public",
        "friending-or-following-your-therapist",
        "friendship-after-therapy-ends",
        "gifts",
        "same-class-church-or-group",
        "what-is-never-ok",
        "raising-a-concern",
        "second-opinion",
        "filing-a-complaint",
        "coaches-and-therapists",
    }
    assert promised <= stems, f"missing client pages: {sorted(promised - stems)}"
    assert "something-felt-wrong" in {p.removeprefix("clients/").strip("/") for p in client_pages()}


def test_the_measure_can_fail_and_skips_only_boilerplate() -> None:
    page = """<article class="md-content__inner">
      <h1>Heading without a full stop<a class="headerlink" href="#x">¶</a></h1>
      <p>{body}</p>
      <ul><li>Short item</li></ul>
      <p class="ott-reviewed">Last reviewed notwithstanding considerable organizational responsibilities.</p>
      <aside class="ott-disclaimer"><p>Education, not legal advice, notwithstanding jurisdictional variability.</p></aside>
    </article>"""
    plain = page_text(page.format(body="You can say hi. Or you can wait. Both are fine."))
    assert "Heading without a full stop." in plain
    assert "Short item." in plain
    assert "¶" not in plain and "reviewed" not in plain and "legal advice" not in plain
    assert grade(plain) <= GRADE_LIMIT
    dense = page_text(
        page.format(
            body=(
                "Notwithstanding considerable jurisdictional variability, practitioners' organizational "
                "responsibilities encompass comprehensive documentation, interdisciplinary consultation and "
                "individualized determinations regarding multidimensional relationships."
            )
        )
    )
    assert grade(dense) > GRADE_LIMIT
