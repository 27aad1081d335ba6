"""Twenty-five searches people actually type, clinicians' and clients' wording, each expected to
find a named page in the top three results of Material's search box in Chromium."""

from __future__ import annotations

import pytest

from .conftest import Tab
from .test_search import search

QUERIES = [
    # Clinicians
    ("ran into my client at the grocery store", {"situations/community-encounters/", "decide/unexpected-encounter/"}),
    (
        "small town therapist dual relationship",
        {"situations/community-encounters/", "situations/committees-and-boards/"},
    ),
    ("client at my church", {"situations/faith-communities/"}),
    ("same congregation as a client", {"situations/faith-communities/"}),
    ("NAMI committee client", {"situations/committees-and-boards/", "decide/shared-group/"}),
    ("serve on a board with a client", {"situations/committees-and-boards/", "decide/shared-group/"}),
    (
        "client signed up for my Mental Health First Aid class",
        {"situations/classrooms-and-trainings/", "decide/teaching-a-client/"},
    ),
    ("grading a client in a course I teach", {"situations/classrooms-and-trainings/", "decide/teaching-a-client/"}),
    ("client sent me a friend request", {"decide/online-contact/", "situations/online/"}),
    ("client follows me on instagram", {"decide/online-contact/", "situations/online/"}),
    # Material matches every typed word as a prefix while you type, so a short word like "a" or
    # "me" also matches "assessment" or "media" and can swamp the words that matter. Queries
    # avoid those words; the closing note of issue 6 records the limitation.
    ("client posted an online review of my practice", {"decide/online-contact/", "situations/online/"}),
    ("searching for a client online", {"situations/online/", "compare/social-media-electronic-contact/"}),
    ("hire a former client web designer", {"decide/online-group-or-hiring/", "situations/online/"}),
    ("client at my AA meeting", {"situations/recovery-communities/", "decide/recovery-community/"}),
    ("sponsor a client in NA", {"situations/recovery-communities/", "decide/recovery-community/"}),
    (
        "dating a former client",
        {
            "situations/former-clients/",
            "decide/former-client-relationship/",
            "compare/sexual-relationships-former-clients/",
        },
    ),
    (
        "how long to wait before dating a former client",
        {
            "compare/sexual-relationships-former-clients/",
            "situations/former-clients/",
            "decide/former-client-relationship/",
        },
    ),
    ("friendship with a former client", {"situations/former-clients/", "decide/former-client-relationship/"}),
    ("bartering with clients", {"compare/bartering/"}),
    ("accepting gifts from clients", {"compare/gifts/"}),
    ("boundary crossing vs boundary violation", {"situations/crossings-and-violations/"}),
    (
        "document boundary decision",
        {"situations/consultation-consent-documentation/", "compare/informed-consent-documentation/"},
    ),
    # Clients: the plain-language page is the one they mean
    ("my therapist ignored me at the store", {"clients/seeing-your-therapist-in-public/"}),
    ("can I be friends with my therapist after therapy", {"clients/friendship-after-therapy-ends/"}),
    (
        "life coach vs therapist confidentiality",
        {"situations/coaches-and-therapists/", "clients/coaches-and-therapists/"},
    ),
    ("can I follow my therapist on instagram", {"clients/friending-or-following-your-therapist/"}),
    ("is it ok to give my therapist a gift", {"clients/gifts/"}),
    ("how to report a therapist to the board", {"clients/filing-a-complaint/"}),
    ("therapist touched my body sexually", {"clients/what-is-never-ok/", "clients/something-felt-wrong/"}),
    ("my therapist goes to my church", {"clients/same-class-church-or-group/"}),
    # Agencies
    ("staff onboarding discussion questions", {"agencies/onboarding/"}),
    (
        "social media policy template",
        {
            "agencies/templates/",
            *(
                f"agencies/templates/{p}/"
                for p in (
                    "psychologist",
                    "marriage-family-therapist",
                    "clinical-social-worker",
                    "professional-counselor",
                    "addiction-counselor",
                    "life-coach",
                )
            ),
        },
    ),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_the_page_people_mean(light_tab: Tab, site_url: str, query: str, expected: set[str]) -> None:
    pages = search(light_tab.page, site_url, query, typed=False)
    assert expected & set(pages[:3]), f"{query!r} -> top results {pages[:5]}, expected one of {sorted(expected)}"


def test_every_expected_page_exists(built_site) -> None:  # noqa: ANN001
    """An expected address that the site does not have (a typo, a moved page) would quietly
    narrow a query's choices, or make it unpassable: each one must be a built page."""
    missing = sorted(
        {page for _, expected in QUERIES for page in expected if not (built_site / page / "index.html").is_file()}
    )
    assert missing == [], f"expected pages the site does not have: {missing}"
