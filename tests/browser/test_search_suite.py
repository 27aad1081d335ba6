"""Every query of tests/search_queries.yaml (what clinicians, clients and agencies type, with
misspellings), typed into the real search box of the built site: one of its expected pages
must be among the first three results.

A query marked `known_failure` in the data is a finding recorded by name: the reason says
which page should answer it and what content is missing. It runs as a strict xfail, so the
day it passes this test fails and asks for the mark to go. `make bench-search` runs the same
queries through every engine compared."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import Tab
from .test_search import search

DATA = Path(__file__).parents[1] / "search_queries.yaml"
QUERIES = yaml.safe_load(DATA.read_text(encoding="utf-8"))["queries"]


def _param(query: dict) -> object:
    marks = [pytest.mark.xfail(reason=query["known_failure"], strict=True)] if query.get("known_failure") else []
    return pytest.param(query["q"], set(query["expect"]), marks=marks, id=query["q"])


@pytest.mark.parametrize(("query", "expected"), [_param(q) for q in QUERIES])
def test_query_finds_the_page_people_mean(light_tab: Tab, site_url: str, query: str, expected: set[str]) -> None:
    pages = search(light_tab.page, site_url, query, typed=False)
    assert expected & set(pages[:3]), f"{query!r} -> top results {pages[:5]}, expected one of {sorted(expected)}"


def test_the_query_set_is_what_issue_12_asks_for() -> None:
    """At least 50 queries, each kind represented, no query twice."""
    assert len(QUERIES) >= 50
    assert {q["kind"] for q in QUERIES} >= {"single", "phrase", "question", "short", "typo"}
    assert {q["who"] for q in QUERIES} == {"clinician", "client", "agency"}
    texts = [q["q"].lower() for q in QUERIES]
    assert len(texts) == len(set(texts)), "a query is listed twice"


def test_every_expected_page_exists(built_site) -> None:  # noqa: ANN001
    """An expected address that the site does not have (a typo, a moved page) would quietly
    narrow a query's choices, or make it unpassable: each one must be a built page."""
    missing = sorted({p for q in QUERIES for p in q["expect"] if not (built_site / p / "index.html").is_file()})
    assert missing == [], f"expected pages the site does not have: {missing}"
