"""Combinations (data/combinations.yaml): every credential named is one the chooser offers."""

from __future__ import annotations

from ..dataset import Dataset, Kind
from ..errors import DataError, did_you_mean
from . import Pages


def check_combinations(dataset: Dataset, pages: Pages) -> list[DataError]:
    source = dataset.source(Kind.combinations)
    if source is None or not dataset.combinations:
        return []
    if not (dataset.readable(Kind.professions) and dataset.readable(Kind.jurisdictions)):
        return []  # the credentials come from those files, whose own errors are reported
    credentials = dataset.credentials()
    # A code that failed to load, or is named but missing, brings no credential: that error
    # is reported already, and a second one here would only add noise.
    codes_missing = any(kind is Kind.codes for kind, _ in dataset.unreadable) or any(
        rule.code not in dataset.codes
        for profession in dataset.professions.values()
        for rules in profession.applies.values()
        for rule in rules
    )
    errors: list[DataError] = []
    for index, combination in enumerate(dataset.combinations.values()):
        seen: set[str] = set()
        for position, credential in enumerate(combination.credentials):
            at = ("combinations", index, "credentials", position)
            if credential in seen:
                errors.append(
                    source.error(at, f"is {credential!r}, which this list already has: name each credential once")
                )
            elif credential not in credentials and not codes_missing:
                errors.append(
                    source.error(
                        at,
                        f"is {credential!r}, which is not a credential data/professions.yaml gives"
                        f"{did_you_mean(credential, credentials)}: use one of {', '.join(credentials)}",
                    )
                )
            seen.add(credential)
    return errors
