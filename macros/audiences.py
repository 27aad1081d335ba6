"""Data for the client and agency sections: resources, the onboarding path,
one-page summaries and templates. Models and their cross-file checks.

- `data/resources.yaml`: boards, brochures and directories a client can use.
- `data/onboarding.yaml`: the reading path for new staff, with minutes and questions.
- `data/one-pagers.yaml`: a printable one-page summary per situation chapter.
- `data/templates.yaml`: policy and consent wording, clause by clause, by profession.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, HttpUrl

from .errors import DataError
from .models import Model, Slug, Status, Text
from .trees import Citation, _did_you_mean, check_cites

if TYPE_CHECKING:
    from .loading import Dataset

MAX_ONE_PAGER_POINTS = 5  # more than this does not fit one sheet with the rest


class Resource(Model):
    """A place a client can turn to: a licensing board's complaint page, a state brochure."""

    id: Slug = Field(description="the resource's id, like bbs-complaints")
    name: Text = Field(description="the resource's own title, like 'Consumer Complaints'")
    publisher: Text = Field(description="who publishes it, like California Board of Behavioral Sciences")
    area: Text = Field(description="where it applies, like California, or Every US state")
    about: Text = Field(description="what a reader finds there, in one or two plain sentences (grade 8)")
    url: HttpUrl = Field(description="the publisher's own page, starting with https://")
    status: Status = Field(
        description="confirmed (we opened the publisher's page), secondary (seen only through another "
        "site), or unconfirmed (not located)"
    )
    checked_against: list[HttpUrl] = Field(
        default_factory=list, description="the pages we checked the name and address against"
    )
    status_note: Text | None = Field(None, description="required unless confirmed: what is uncertain")


class ResourcesFile(Model):
    """`data/resources.yaml`."""

    resources: list[Resource] = Field(min_length=1, description="the resources; each needs an id")


class Step(Model):
    """One stop on the onboarding path: a page to read, how long it takes, what to discuss."""

    page: Text = Field(description="the page to read, as a path under docs/, like situations/community-encounters.md")
    minutes: int = Field(ge=5, le=240, description="about how many minutes reading and discussion take, 5 to 240")
    why: Text = Field(description="one sentence on why this page comes at this point")
    questions: list[Text] = Field(
        min_length=2, max_length=5, description="two to five discussion questions for a team meeting"
    )


class OnboardingFile(Model):
    """`data/onboarding.yaml`."""

    reviewed: date = Field(description="the date someone last reviewed this file's wording and citations, like 2026-11-28")

    intro: Text = Field(description="one or two sentences shown above the path")
    steps: list[Step] = Field(min_length=1, description="the pages in reading order")


class OnePager(Model):
    """A one-page summary of a situation chapter, for printing."""

    id: Slug = Field(description="the summary's id: the chapter's file name without .md, like community-encounters")
    title: Text = Field(description="the situation, as on the chapter")
    gist: Text = Field(description="one or two sentences: the situation and the main risk")
    key_points: list[Text] = Field(
        min_length=3, max_length=MAX_ONE_PAGER_POINTS,
        description=f"three to {MAX_ONE_PAGER_POINTS} points to remember, one sentence each",
    )
    say: Text = Field(description="a short sample script, what a clinician might say")
    document: list[Text] = Field(min_length=1, max_length=4, description="what to write in the record, one to four items")
    consult: Text = Field(description="when and whom to consult, one sentence")
    tree: Slug | None = Field(None, description="optional: the id of the decision tree for this situation")
    cites: list[Citation] = Field(
        min_length=1, max_length=6, description="one to six provisions or references the summary rests on"
    )


class OnePagersFile(Model):
    """`data/one-pagers.yaml`."""

    reviewed: date = Field(description="the date someone last reviewed this file's wording and citations, like 2026-11-28")

    one_pagers: list[OnePager] = Field(min_length=1, description="one summary per situation chapter")


class Clause(Model):
    """One paragraph of a template."""

    id: Slug = Field(description="the clause's id, unique within its template, like chance-meetings")
    heading: Text = Field(description="a short heading, like 'If we meet by chance'")
    text: Text = Field(description="the wording, in our own words, addressed to the client ('you', 'I')")
    professions: list[Slug] = Field(
        default_factory=list,
        description="optional: only these professions (ids from data/professions.yaml) get this clause; "
        "leave out to give it to every profession",
    )
    cites: list[Citation] = Field(
        default_factory=list, description="optional: provisions or references the clause rests on"
    )


class Template(Model):
    """A document a practice can adapt: a consent section, a social-media policy."""

    id: Slug = Field(description="the template's id, like social-media-policy")
    title: Text = Field(description="the document's title, like 'Social media policy'")
    purpose: Text = Field(description="one or two sentences for the practice: what it is for and how to adapt it")
    clauses: list[Clause] = Field(min_length=1, description="the clauses, in the order they are printed")


class TemplatesFile(Model):
    """`data/templates.yaml`."""

    reviewed: date = Field(description="the date someone last reviewed this file's wording and citations, like 2026-11-28")

    templates: list[Template] = Field(min_length=1, description="the templates; each needs an id")


def clauses_for(template: Template, profession_id: str) -> list[Clause]:
    """The clauses a profession's version of a template prints, in order."""
    return [c for c in template.clauses if not c.professions or profession_id in c.professions]


def check_audiences(dataset: Dataset, docs: Path) -> list[DataError]:
    """Pages, trees, professions and citations named in the client and agency data exist."""
    errors: list[DataError] = []

    def at(key: str):  # noqa: ANN202
        source = dataset.sources[key]
        return lambda loc, message: errors.append(source.error(loc, message))

    for index, resource in enumerate(dataset.resources.values()):
        err = at("resources")
        loc = ("resources", index)
        if resource.status is not Status.unconfirmed and not resource.checked_against:
            err(loc + ("checked_against",), "is missing: list the pages you checked the name and address against")
        if resource.status is not Status.confirmed and not resource.status_note:
            err(loc + ("status_note",), "is missing: say what is uncertain about this resource")

    if dataset.onboarding is not None:
        err = at("onboarding")
        seen: dict[str, int] = {}
        for index, step in enumerate(dataset.onboarding.steps):
            loc = ("steps", index, "page")
            if not step.page.endswith(".md") or not (docs / step.page).is_file():
                err(loc, f"is {step.page!r}, which is not a page in docs/: give a path like "
                         "situations/community-encounters.md")
            elif step.page in seen:
                err(loc, f"is {step.page!r}, which steps[{seen[step.page]}] already lists: each page comes once")
            seen.setdefault(step.page, index)

    if dataset.one_pagers:
        err = at("one_pagers")
        for index, summary in enumerate(dataset.one_pagers.values()):
            loc = ("one_pagers", index)
            if not (docs / "situations" / f"{summary.id}.md").is_file():
                err(loc + ("id",), f"is {summary.id!r}, but docs/situations/{summary.id}.md does not exist: "
                                   "a one-pager's id is the file name of the chapter it sums up")
            if summary.tree and summary.tree not in dataset.trees and dataset.trees_loaded:
                err(loc + ("tree",), f"is {summary.tree!r}, which is not a tree in data/trees/"
                                     f"{_did_you_mean(summary.tree, dataset.trees)}")
            check_cites(summary.cites, loc, dataset, err)

    if dataset.templates:
        err = at("templates")
        for index, template in enumerate(dataset.templates.values()):
            seen_ids: dict[str, int] = {}
            for position, clause in enumerate(template.clauses):
                loc = ("templates", index, "clauses", position)
                if clause.id in seen_ids:
                    err(loc + ("id",), f"is {clause.id!r}, which clauses[{seen_ids[clause.id]}] already uses: "
                                       "each clause in a template needs its own id")
                seen_ids.setdefault(clause.id, position)
                for number, profession in enumerate(clause.professions):
                    if "professions" in dataset.sources and profession not in dataset.professions:
                        err(loc + ("professions", number),
                            f"is {profession!r}, which is not in data/professions.yaml"
                            f"{_did_you_mean(profession, dataset.professions)}")
                check_cites(clause.cites, loc, dataset, err)
            for profession in dataset.professions:
                if not clauses_for(template, profession):
                    err(("templates", index, "clauses"),
                        f"gives no clause to {profession}: every profession needs at least one")
    return errors
