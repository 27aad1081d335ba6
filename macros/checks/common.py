"""Helpers the checks share."""

from __future__ import annotations

from collections.abc import Callable

from ..dataset import Dataset, Kind
from ..errors import Loc, did_you_mean
from ..models import Citation

Report = Callable[[Loc, str], None]  # where in the file, and the sentence


def check_cites(cites: list[Citation], at: Loc, dataset: Dataset, err: Report) -> None:
    """Each citation names exactly one thing, and that thing exists in data/."""
    for position, cite in enumerate(cites):
        cat = at + ("cites", position)
        named = [kind for kind in ("code", "reference", "resource") if getattr(cite, kind)]
        if len(named) > 1:
            err(cat, f"has both a {named[0]} and a {named[1]}: cite one thing per item")
        elif cite.reference:
            if dataset.readable(Kind.references) and cite.reference not in dataset.references:
                err(
                    cat + ("reference",),
                    f"is {cite.reference!r}, which is not in data/references.yaml"
                    f"{did_you_mean(cite.reference, dataset.references)}",
                )
        elif cite.resource:
            if dataset.readable(Kind.resources) and cite.resource not in dataset.resources:
                err(
                    cat + ("resource",),
                    f"is {cite.resource!r}, which is not in data/resources.yaml"
                    f"{did_you_mean(cite.resource, dataset.resources)}",
                )
        elif cite.code and cite.section:
            code = dataset.codes.get(cite.code)
            if code is None:
                if dataset.readable(Kind.codes, cite.code):
                    err(
                        cat + ("code",),
                        f"is {cite.code!r}, which is not a code we have{did_you_mean(cite.code, dataset.codes)}",
                    )
            elif dataset.provision(code.id, cite.section) is None:
                sections = [p.section for p in code.provisions]
                err(
                    cat + ("section",),
                    f"is {cite.section!r}, which data/codes/{code.id}.yaml does not have"
                    f"{did_you_mean(cite.section, sections)}",
                )
        else:
            err(cat, "needs either code and section (like code: aca, section: A.5.c), reference, or resource")
