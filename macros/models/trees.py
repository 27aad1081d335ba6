"""Decision trees and the works they cite: `data/trees/<id>.yaml`, `data/references.yaml`.

A tree is a start node and a mapping of nodes. A node is either a question (with
answers pointing at next nodes) or an outcome (what to do, avoid, say, document,
whom to consult, and citations); the model tells them apart by the key they carry,
so an editor's schema shows the fields of each kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, Discriminator, Field, Tag

from .common import HttpsUrl, Model, Section, Slug, Text, require_in_schema

MAX_DEPTH = 12  # questions on the longest path; deeper trees are too long to answer
MAX_ANSWERS_TO_OUTCOME = 3  # every outcome within this many answers of the start (shortest path)


class Readers(str, Enum):
    """Which section of the site a tree belongs to."""

    clinicians = "clinicians"
    clients = "clients"


class Reference(Model):
    """A book or article the handbook cites (decision models, studies)."""

    id: Slug = Field(description="the reference's id, like kitchener-1988")
    authors: Text = Field(description="authors as cited, like Kitchener, K. S.")
    year: int | None = Field(None, ge=1800, le=2100, description="year of publication, if confirmed")
    title: Text = Field(description="the title of the article or book")
    published_in: Text | None = Field(None, description="journal, volume and pages, or publisher")
    url: HttpsUrl | None = Field(None, description="a link to the abstract or the work, starting with https://")
    note: Text | None = Field(None, description="what is and is not confirmed about this reference")


class ReferencesFile(Model):
    """`data/references.yaml`."""

    references: list[Reference] = Field(min_length=1, description="the works cited")


class Citation(Model):
    """A citation: a provision (code + section), a reference, or a client resource."""

    # For editors: exactly one of the three kinds (macros.checks.common says so in words).
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["code", "section"]},
                {"required": ["reference"]},
                {"required": ["resource"]},
            ]
        }
    )

    code: Slug | None = Field(None, description="a code id from data/codes/, with section")
    section: Section | None = Field(None, description="a section of that code, exactly as written there")
    reference: Slug | None = Field(None, description="or: a reference id from data/references.yaml")
    resource: Slug | None = Field(None, description="or: a resource id from data/resources.yaml (a board, a brochure)")


class Answer(Model):
    """One answer to a question, and the node it leads to."""

    label: Text = Field(description="the answer as the reader would say it, short")
    next: Slug = Field(description="the id of the node this answer leads to")


class Question(Model):
    """A question node: one question and two or more answers."""

    question: Text = Field(description="the question, one sentence")
    help: Text | None = Field(None, description="optional: a sentence that helps the reader answer")
    # The count is stated for editors; macros.checks.trees gives the sentence.
    answers: list[Answer] = Field(
        description="two or more answers, each pointing at the next node", json_schema_extra={"minItems": 2}
    )

    is_question: ClassVar[bool] = True


class Outcome(Model):
    """An outcome node: where a path ends, with what to do and the rules it rests on."""

    # do and cites are optional to pydantic so that macros.checks.trees can say why each is
    # needed; the editors' schema requires them.
    model_config = ConfigDict(json_schema_extra=require_in_schema("do", "cites"))

    outcome: Text = Field(description="the short verdict, like 'Let the client lead'")
    summary: Text | None = Field(None, description="one or two sentences of explanation")
    do: list[Text] = Field(
        default_factory=list, description="what to do, one step per item", json_schema_extra={"minItems": 1}
    )
    avoid: list[Text] = Field(default_factory=list, description="what to avoid, one item each")
    say: Text | None = Field(None, description="what you might say: a short sample script, in plain words")
    document: list[Text] = Field(default_factory=list, description="what to write in the record")
    consult: Text | None = Field(None, description="when and whom to consult")
    compare_topic: Slug | None = Field(
        None, description="optional: a topic id whose rules differ by profession; the outcome shows each code's rule"
    )
    cites: list[Citation] = Field(
        default_factory=list,
        description="provisions or references this outcome rests on",
        json_schema_extra={"minItems": 1},
    )
    see_also: list[Text] = Field(
        default_factory=list,
        description="optional: the handbook's own pages to read next, as paths under docs/ with an optional "
        "#anchor, like clients/raising-a-concern.md#when-not-to-raise-it-with-them or compare/gifts.md",
    )

    is_question: ClassVar[bool] = False

    @property
    def answers(self) -> tuple[()]:
        """An outcome ends the path: it has no answers."""
        return ()


def node_kind(value: Any) -> str | None:
    """Which kind of node a YAML mapping is: by the key it carries (None: both or neither)."""
    if isinstance(value, (Question, Outcome)):
        return "question" if value.is_question else "outcome"
    if not isinstance(value, dict):
        return "outcome"  # let the model say what is wrong with the value
    has_question, has_outcome = "question" in value, "outcome" in value
    if has_question == has_outcome:
        return None
    return "question" if has_question else "outcome"


NODE_KIND_ERROR = "node_kind"
Node = Annotated[
    Annotated[Question, Tag("question")] | Annotated[Outcome, Tag("outcome")],
    Discriminator(
        node_kind,
        custom_error_type=NODE_KIND_ERROR,
        custom_error_message="a node needs exactly one of question (with answers) or outcome",
    ),
]


class Tree(Model):
    """A decision tree, in `data/trees/<id>.yaml`."""

    id: Slug = Field(description="the tree's id, the same as its file name")
    title: Text = Field(description="the situation, as a reader would name it")
    short_title: Text = Field(
        max_length=48,
        description="the tree's name in the navigation, the lists of trees and the home page, "
        "like 'Meeting a client in public'; the same name everywhere",
    )
    order: int = Field(
        ge=1,
        description="where the tree comes in those lists among the trees of the same readers (1 first); "
        "each tree its own number",
    )
    intro: Text = Field(description="one or two sentences shown before the first question")
    audience: Text = Field(description="who the tree is for, like 'Clinicians of every profession'")
    reviewed: date = Field(
        description="the date someone last reviewed the tree's wording and citations, like 2026-11-28"
    )
    readers: Readers = Field(
        Readers.clinicians,
        description="who reads it: clinicians (the page is decide/<id>/) or clients (clients/<id>/, "
        "written in plain language)",
    )
    start: Slug = Field(description="the id of the first question")
    search_boost: float | None = Field(
        None,
        ge=0.1,
        le=10,
        description="optional: rank this page higher (above 1) or lower (below 1) in site search",
    )
    nodes: dict[Slug, Node] = Field(min_length=2, description="every question and outcome, by id")


def walk_edges(tree: Tree) -> Iterator[tuple[str, int, str]]:
    """Every (node id, answer position, next node id)."""
    for node_id, node in tree.nodes.items():
        for position, answer in enumerate(node.answers):
            yield node_id, position, answer.next


def paths(tree: Tree) -> list[list[str]]:
    """Every path from the start to an outcome, as node ids (the tree must be acyclic)."""
    out: list[list[str]] = []
    stack: list[list[str]] = [[tree.start]]
    while stack:
        path = stack.pop()
        node = tree.nodes[path[-1]]
        if not node.is_question:
            out.append(path)
            continue
        stack.extend(path + [answer.next] for answer in reversed(node.answers))
    return out
