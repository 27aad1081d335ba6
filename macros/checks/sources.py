"""Sources have ranks: a study aid never confirms wording, and confirmed means read.

- A `checked_against` address on a host listed in data/study-aids.yaml is refused.
- A confirmed provision needs at least one publisher, government or professional source.
- A summary needs the publisher's own page among its sources.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..dataset import Dataset, Kind
from ..errors import DataError, SourceFile
from ..models import Source, Status
from . import Pages


def host_of(url: object) -> str:
    host = (urlsplit(str(url)).hostname or "").rstrip(".").lower()
    return host.removeprefix("www.")


def listed_study_aid(dataset: Dataset, url: object) -> str | None:
    """What the study-aid list says of this address's host (or of a parent domain), or None."""
    host = host_of(url)
    parts = host.split(".")
    for start in range(len(parts) - 1):
        found = dataset.study_aids.get(".".join(parts[start:]))
        if found:
            return found.what
    return None


def _check_sources(
    dataset: Dataset, source: SourceFile, at: tuple, status: Status, sources: list[Source], noun: str
) -> list[DataError]:
    errors = []
    for position, item in enumerate(sources):
        what = listed_study_aid(dataset, item.url)
        if what:
            errors.append(
                source.error(
                    at + ("checked_against", position, "url"),
                    f"is on {host_of(item.url)}, listed in data/study-aids.yaml ({what}): a study aid never "
                    f"confirms wording and is never linked, so remove it (if it pointed you to the wording, "
                    "say so in status_note and find the wording in the publisher's, a government's or a "
                    "professional text)",
                )
            )
    counting = [item for item in sources if item.counts and not listed_study_aid(dataset, item.url)]
    if status is Status.confirmed and not counting:
        errors.append(
            source.error(
                at + ("status",),
                f"is confirmed, but none of this {noun}'s sources is a publisher, government or professional "
                "text: confirmed means the wording was read in one of those; add that source, or lower the "
                "status to secondary or unconfirmed",
            )
        )
    if status is Status.summary and not any(item.kind.value == "publisher" for item in counting):
        errors.append(
            source.error(
                at + ("status",),
                "is summary, but no source has kind publisher: a summary status means the publisher's own "
                "summary was read, so list that page with kind: publisher",
            )
        )
    return errors


def check_sources(dataset: Dataset, pages: Pages) -> list[DataError]:
    errors: list[DataError] = []
    for code_id, code in dataset.codes.items():
        file = dataset.source(Kind.codes, code_id)
        for index, provision in enumerate(code.provisions):
            errors += _check_sources(
                dataset, file, ("provisions", index), provision.status, provision.checked_against, "provision"
            )
    file = dataset.source(Kind.resources)
    if file is not None:
        for index, resource in enumerate(dataset.resources.values()):
            errors += _check_sources(
                dataset, file, ("resources", index), resource.status, resource.checked_against, "resource"
            )
    return errors
