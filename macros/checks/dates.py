"""No date that says something was checked or reviewed may lie in the future."""

from __future__ import annotations

from datetime import date

from ..dataset import Dataset, Kind
from ..errors import DataError
from . import Pages


def check_dates(dataset: Dataset, pages: Pages, today: date | None = None) -> list[DataError]:
    today = today or date.today()
    found: list[tuple[Kind, str, str, date]] = []  # kind, item id, field, value
    found += [(Kind.codes, c.id, "verified_on", c.verified_on) for c in dataset.codes.values()]
    found += [(Kind.trees, t.id, "reviewed", t.reviewed) for t in dataset.trees.values()]
    if dataset.onboarding is not None:
        found.append((Kind.onboarding, "", "reviewed", dataset.onboarding.reviewed))
    if dataset.one_pagers_reviewed:
        found.append((Kind.one_pagers, "", "reviewed", dataset.one_pagers_reviewed))
    if dataset.templates_reviewed:
        found.append((Kind.templates, "", "reviewed", dataset.templates_reviewed))
    errors = []
    for kind, item_id, name, value in found:
        if value > today:
            errors.append(
                dataset.source(kind, item_id).error(
                    (name,),
                    f"is {value.isoformat()}, which is in the future: give the date the file was "
                    "actually checked or reviewed",
                )
            )
    return errors
