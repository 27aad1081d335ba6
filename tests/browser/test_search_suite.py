"""Twenty-five searches people actually type, clinicians' and clients' wording, each expected to
find a named page in the top three results of Material's search box in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .test_search import search

QUERIES = [
    # Clinicians
    ("ran into my client at the grocery store", {"situations/community-encounters/", "decide/unexpected-encounter/"}),
    ("small town therapist dual relationship", {"situations/community-encounters/", "situations/committees-and-boards/"}),
    ("client at my church", {"situations/faith-communities/"}),
    ("same congregation as a client", {"situations/faith-communities/"}),
    ("NAMI committee client", {"situations/committees-and-boards/", "decide/shared-group/"}),
    ("serve on a board with a client", {"situations/committees-and-boards/", "decide/shared-group/"}),
    ("client signed up for my Mental Health First Aid class", {"situations/classrooms-and-trainings/", "decide/teaching-a-client/"}),
    ("grading a client in a course I teach", {"situations/classrooms-and-trainings/", "decide/teaching-a-client/"}),
    ("client sent me a friend request", {"decide/online-contact/", "situations/online/"}),
    ("client follows me on instagram", {"decide/online-contact/", "situations/online/"}),
    ("client left a review of my practice", {"decide/online-contact/", "situations/online/"}),
    ("searching for a client online", {"situations/online/", "compare/social-media-electronic-contact/"}),
    ("hire a former client web designer", {"decide/online-group-or-hiring/", "situations/online/"}),
    ("client at my AA meeting", {"situations/recovery-communities/", "decide/recovery-community/"}),
    ("sponsor a client in NA", {"situations/recovery-communities/", "decide/recovery-community/"}),
    ("dating a former client", {"situations/former-clients/", "decide/former-client-relationship/",
                                "compare/sexual-relationships-former-clients/"}),
    ("how long to wait before dating a former client", {"compare/sexual-relationships-former-clients/",
                                                        "situations/former-clients/", "decide/former-client-relationship/"}),
    ("friendship with a former client", {"situations/former-clients/", "decide/former-client-relationship/"}),
    ("bartering with clients", {"compare/bartering/"}),
    ("accepting gifts from clients", {"compare/gifts/"}),
    ("boundary crossing vs boundary violation", {"situations/crossings-and-violations/"}),
    ("document boundary decision", {"situations/consultation-consent-documentation/", "compare/informed-consent-documentation/"}),
    # Clients
    ("my therapist ignored me at the store", {"situations/community-encounters/", "decide/unexpected-encounter/"}),
    ("can I be friends with my therapist after therapy", {"situations/former-clients/", "decide/former-client-relationship/"}),
    ("life coach vs therapist confidentiality", {"situations/coaches-and-therapists/"}),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_the_page_people_mean(page: Page, site_url: str, query: str, expected: set[str]) -> None:
    pages = search(page, site_url, query)
    assert expected & set(pages[:3]), f"{query!r} -> top results {pages[:5]}, expected one of {sorted(expected)}"


def test_the_suite_has_twenty_five_queries() -> None:
    assert len(QUERIES) >= 25
