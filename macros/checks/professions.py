"""Professions and jurisdictions: every code, section and jurisdiction named exists."""

from __future__ import annotations

from ..dataset import Dataset, Kind
from ..errors import DataError, did_you_mean
from . import Pages


def check_jurisdictions(dataset: Dataset, pages: Pages) -> list[DataError]:
    """A code's jurisdiction is one in data/jurisdictions.yaml."""
    if not dataset.readable(Kind.jurisdictions):
        return []
    errors = []
    for code_id, code in dataset.codes.items():
        if code.jurisdiction not in dataset.jurisdictions:
            errors.append(
                dataset.source(Kind.codes, code_id).error(
                    ("jurisdiction",),
                    f"is {code.jurisdiction!r}, which is not in data/jurisdictions.yaml"
                    f"{did_you_mean(code.jurisdiction, dataset.jurisdictions)}: use one of its ids, or add it there",
                )
            )
    return errors


def check_professions(dataset: Dataset, pages: Pages) -> list[DataError]:
    source = dataset.source(Kind.professions)
    if source is None:
        return []
    errors: list[DataError] = []
    for profession_id, profession in dataset.professions.items():
        index = source.position("professions", profession_id)
        for jurisdiction, rules in profession.applies.items():
            base = ("professions", index, "applies", jurisdiction)
            if dataset.readable(Kind.jurisdictions) and jurisdiction not in dataset.jurisdictions:
                errors.append(
                    source.error(
                        base,
                        f"is {jurisdiction!r}, which is not in data/jurisdictions.yaml"
                        f"{did_you_mean(jurisdiction, dataset.jurisdictions)}: use one of "
                        "its ids, or add the jurisdiction there first",
                    )
                )
            seen: set[str] = set()
            for position, rule in enumerate(rules):
                at = base + (position,)
                if rule.code in seen:
                    errors.append(
                        source.error(
                            at + ("code",), f"is {rule.code!r}, which this list already has: list each code once"
                        )
                    )
                    continue
                seen.add(rule.code)
                code = dataset.codes.get(rule.code)
                if code is None:
                    if dataset.readable(Kind.codes, rule.code):
                        errors.append(
                            source.error(
                                at + ("code",),
                                f"is {rule.code!r}, which is not a code we have{did_you_mean(rule.code, dataset.codes)}: "
                                "codes are the files in data/codes/, named by id (like aca for data/codes/aca.yaml)",
                            )
                        )
                    continue
                known = [p.section for p in code.provisions]
                for spot, section in enumerate(rule.sections):
                    if section not in known:
                        errors.append(
                            source.error(
                                at + ("sections", spot),
                                f"is {section!r}, which data/codes/{code.id}.yaml does not have"
                                f"{did_you_mean(section, known)}: use a section exactly as it is written there",
                            )
                        )
    return errors
