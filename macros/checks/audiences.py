"""Client and agency data: the pages, trees, professions and citations they name exist."""

from __future__ import annotations

from ..dataset import Dataset, Kind, clauses_for
from ..errors import DataError, did_you_mean
from ..models import Status
from . import Pages
from .common import check_cites


def check_audiences(dataset: Dataset, pages: Pages) -> list[DataError]:
    """Pages, trees, professions and citations named in the client and agency data exist."""
    errors: list[DataError] = []

    def at(kind: Kind):  # noqa: ANN202
        source = dataset.source(kind)
        return lambda loc, message: errors.append(source.error(loc, message))

    for index, resource in enumerate(dataset.resources.values()):
        err = at(Kind.resources)
        loc = ("resources", index)
        if resource.status is not Status.unconfirmed and not resource.checked_against:
            err(loc + ("checked_against",), "is missing: list the pages you checked the name and address against")
        if resource.status is not Status.confirmed and not resource.status_note:
            err(loc + ("status_note",), "is missing: say what is uncertain about this resource")

    if dataset.onboarding is not None:
        err = at(Kind.onboarding)
        seen: dict[str, int] = {}
        for index, step in enumerate(dataset.onboarding.steps):
            loc = ("steps", index, "page")
            if not step.page.endswith(".md") or step.page not in pages:
                err(
                    loc,
                    f"is {step.page!r}, which is not a page in docs/: give a path like "
                    "situations/community-encounters.md",
                )
            elif step.page in seen:
                err(loc, f"is {step.page!r}, which steps[{seen[step.page]}] already lists: each page comes once")
            seen.setdefault(step.page, index)

    if dataset.one_pagers:
        err = at(Kind.one_pagers)
        for index, summary in enumerate(dataset.one_pagers.values()):
            loc = ("one_pagers", index)
            if f"situations/{summary.id}.md" not in pages:
                err(
                    loc + ("id",),
                    f"is {summary.id!r}, but docs/situations/{summary.id}.md does not exist: "
                    "a one-pager's id is the file name of the chapter it sums up",
                )
            if summary.tree and summary.tree not in dataset.trees and dataset.readable(Kind.trees, summary.tree):
                err(
                    loc + ("tree",),
                    f"is {summary.tree!r}, which is not a tree in data/trees/"
                    f"{did_you_mean(summary.tree, dataset.trees)}",
                )
            check_cites(summary.cites, loc, dataset, err)

    if dataset.templates:
        err = at(Kind.templates)
        for index, template in enumerate(dataset.templates.values()):
            seen_ids: dict[str, int] = {}
            for position, clause in enumerate(template.clauses):
                loc = ("templates", index, "clauses", position)
                if clause.id in seen_ids:
                    err(
                        loc + ("id",),
                        f"is {clause.id!r}, which clauses[{seen_ids[clause.id]}] already uses: "
                        "each clause in a template needs its own id",
                    )
                seen_ids.setdefault(clause.id, position)
                for number, profession in enumerate(clause.professions):
                    if dataset.readable(Kind.professions) and profession not in dataset.professions:
                        err(
                            loc + ("professions", number),
                            f"is {profession!r}, which is not in data/professions.yaml"
                            f"{did_you_mean(profession, dataset.professions)}",
                        )
                check_cites(clause.cites, loc, dataset, err)
            for profession in dataset.professions:
                if not clauses_for(template, profession):
                    err(
                        ("templates", index, "clauses"),
                        f"gives no clause to {profession}: every profession needs at least one",
                    )
    return errors
