"""Finding what a page asked for, or saying which macro asked for what that is not there."""

from __future__ import annotations

from typing import Any

from ..dataset import Dataset
from ..errors import UnknownReference, did_you_mean
from ..models import Code, Provision, Topic


def lookup(items: dict, key: str, macro: str, noun: str, where: str) -> Any:  # noqa: ANN401
    """items[key], or an UnknownReference naming the macro, the place and the nearest id."""
    if key not in items:
        raise UnknownReference(f"{macro}: there is no {noun} {key!r} in {where}{did_you_mean(str(key), items)}")
    return items[key]


def topic(dataset: Dataset, topic_id: str, macro: str) -> Topic:
    return lookup(dataset.topics, topic_id, macro, "topic", "data/topics.yaml")


def code(dataset: Dataset, code_id: str, macro: str) -> Code:
    return lookup(dataset.codes, code_id, macro, "code", "data/codes/")


def provision(code: Code, section: str, macro: str) -> Provision:
    found = next((p for p in code.provisions if p.section == section), None)
    if found is None:
        raise UnknownReference(
            f"{macro}: {code.short_name} has no section {section!r} in data/codes/{code.id}.yaml"
            f"{did_you_mean(str(section), [p.section for p in code.provisions])}"
        )
    return found


def profession(dataset: Dataset, profession_id: str, macro: str) -> Any:  # noqa: ANN401
    return lookup(dataset.professions, profession_id, macro, "profession", "data/professions.yaml")


def profession_in(dataset: Dataset, profession_id: str, jurisdiction: str, macro: str) -> Any:  # noqa: ANN401
    found = profession(dataset, profession_id, macro)
    if jurisdiction not in found.applies:
        raise UnknownReference(
            f"{macro}: data/professions.yaml lists no jurisdiction {jurisdiction!r} for {profession_id}; "
            f"it has {', '.join(found.applies)}{did_you_mean(jurisdiction, found.applies)}"
        )
    return found


def tree(dataset: Dataset, tree_id: str, macro: str) -> Any:  # noqa: ANN401
    return lookup(dataset.trees, tree_id, macro, "tree", "data/trees/")


def resource(dataset: Dataset, resource_id: str, macro: str) -> Any:  # noqa: ANN401
    return lookup(dataset.resources, resource_id, macro, "resource", "data/resources.yaml")


def one_pager(dataset: Dataset, summary_id: str, macro: str) -> Any:  # noqa: ANN401
    return lookup(dataset.one_pagers, summary_id, macro, "one-pager", "data/one-pagers.yaml")


def template(dataset: Dataset, template_id: str, macro: str) -> Any:  # noqa: ANN401
    return lookup(dataset.templates, template_id, macro, "template", "data/templates.yaml")
