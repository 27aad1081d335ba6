"""Data for the client and agency sections: `data/resources.yaml` (boards, brochures and
directories a client can use), `data/onboarding.yaml` (the reading path for new staff),
`data/one-pagers.yaml` (a printable summary per situation chapter) and
`data/templates.yaml` (consent and policy wording, clause by clause, by profession).
"""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict, Field

from .common import STATUS_RULES_SCHEMA, HttpsUrl, Model, Slug, Source, Status, Text
from .trees import Citation

MAX_ONE_PAGER_POINTS = 5  # more than this does not fit one sheet with the rest


class Resource(Model):
    """A place a client can turn to: a licensing board's complaint page, a state brochure."""

    # For editors, the rules macros.checks.audiences states in words.
    model_config = ConfigDict(json_schema_extra={"allOf": STATUS_RULES_SCHEMA})

    id: Slug = Field(description="the resource's id, like bbs-complaints")
    name: Text = Field(description="the resource's own title, like 'Consumer Complaints'")
    publisher: Text = Field(description="who publishes it, like California Board of Behavioral Sciences")
    area: Text = Field(description="where it applies, like California, or Every US state")
    about: Text = Field(description="what a reader finds there, in one or two plain sentences (grade 8)")
    url: HttpsUrl = Field(description="the publisher's own page, starting with https://")
    status: Status = Field(
        description="confirmed (we opened the publisher's page), secondary (seen only through another "
        "site), or unconfirmed (not located)"
    )
    checked_against: list[Source] = Field(
        default_factory=list, description="the pages we checked the name and address against, each with its kind"
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

    reviewed: date = Field(
        description="the date someone last reviewed this file's wording and citations, like 2026-11-28"
    )

    intro: Text = Field(description="one or two sentences shown above the path")
    steps: list[Step] = Field(min_length=1, description="the pages in reading order")


class OnePager(Model):
    """A one-page summary of a situation chapter, for printing."""

    id: Slug = Field(description="the summary's id: the chapter's file name without .md, like community-encounters")
    title: Text = Field(description="the situation, as on the chapter")
    gist: Text = Field(description="one or two sentences: the situation and the main risk")
    key_points: list[Text] = Field(
        min_length=3,
        max_length=MAX_ONE_PAGER_POINTS,
        description=f"three to {MAX_ONE_PAGER_POINTS} points to remember, one sentence each",
    )
    say: Text = Field(description="a short sample script, what a clinician might say")
    document: list[Text] = Field(
        min_length=1, max_length=4, description="what to write in the record, one to four items"
    )
    consult: Text = Field(description="when and whom to consult, one sentence")
    tree: Slug | None = Field(None, description="optional: the id of the decision tree for this situation")
    cites: list[Citation] = Field(
        min_length=1, max_length=6, description="one to six provisions or references the summary rests on"
    )


class OnePagersFile(Model):
    """`data/one-pagers.yaml`."""

    reviewed: date = Field(
        description="the date someone last reviewed this file's wording and citations, like 2026-11-28"
    )

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

    reviewed: date = Field(
        description="the date someone last reviewed this file's wording and citations, like 2026-11-28"
    )

    templates: list[Template] = Field(min_length=1, description="the templates; each needs an id")
