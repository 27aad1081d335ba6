"""Decision trees and references: models and the graph checks.

A tree is one file, data/trees/<id>.yaml: a start node and a mapping of nodes.
A node is either a question (with answers pointing at next nodes) or an
outcome (what to do, avoid, say, document, whom to consult, and citations).
"""

from __future__ import annotations

import difflib
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Iterator

from pydantic import Field, HttpUrl

from .errors import DataError
from .models import Model, Section, Slug, Text

if TYPE_CHECKING:
    from .loading import Dataset, SourceFile

MAX_DEPTH = 12  # questions on the longest path; deeper trees are too long to answer


class Readers(str, Enum):
    """Which section of the site a tree belongs to."""

    clinicians = "clinicians"
    clients = "clients"


class Reference(Model):
    """A book or article the handbook cites (decision models, studies)."""

    id: Slug = Field(description="the reference's id, like kitchener-1988")
    authors: Text = Field(description="authors as cited, like Kitchener, K. S.")
    year: int | None = Field(None, description="year of publication, if confirmed")
    title: Text = Field(description="the title of the article or book")
    published_in: Text | None = Field(None, description="journal, volume and pages, or publisher")
    url: HttpUrl | None = Field(None, description="a link to the abstract or the work, starting with https://")
    note: Text | None = Field(None, description="what is and is not confirmed about this reference")


class ReferencesFile(Model):
    """`data/references.yaml`."""

    references: list[Reference] = Field(min_length=1, description="the works cited")


class Citation(Model):
    """A citation: a provision (code + section), a reference, or a client resource."""

    code: Slug | None = Field(None, description="a code id from data/codes/, with section")
    section: Section | None = Field(None, description="a section of that code, exactly as written there")
    reference: Slug | None = Field(None, description="or: a reference id from data/references.yaml")
    resource: Slug | None = Field(None, description="or: a resource id from data/resources.yaml (a board, a brochure)")


class Answer(Model):
    label: Text = Field(description="the answer as the reader would say it, short")
    next: Slug = Field(description="the id of the node this answer leads to")


class Node(Model):
    """A question (question + answers) or an outcome (outcome + advice + cites)."""

    question: Text | None = Field(None, description="for a question node: the question, one sentence")
    help: Text | None = Field(None, description="optional: a sentence that helps the reader answer")
    answers: list[Answer] = Field(default_factory=list, description="for a question node: two or more answers")
    outcome: Text | None = Field(None, description="for an outcome node: the short verdict, like 'Let the client lead'")
    summary: Text | None = Field(None, description="for an outcome node: one or two sentences of explanation")
    do: list[Text] = Field(default_factory=list, description="what to do, one step per item")
    avoid: list[Text] = Field(default_factory=list, description="what to avoid, one item each")
    say: Text | None = Field(None, description="what you might say: a short sample script, in plain words")
    document: list[Text] = Field(default_factory=list, description="what to write in the record")
    consult: Text | None = Field(None, description="when and whom to consult")
    compare_topic: Slug | None = Field(
        None, description="optional: a topic id whose rules differ by profession; the outcome shows each code's rule"
    )
    cites: list[Citation] = Field(default_factory=list, description="provisions or references this outcome rests on")

    @property
    def is_question(self) -> bool:
        return self.question is not None


class Tree(Model):
    """A decision tree, in `data/trees/<id>.yaml`."""

    id: Slug = Field(description="the tree's id, the same as its file name")
    title: Text = Field(description="the situation, as a reader would name it")
    intro: Text = Field(description="one or two sentences shown before the first question")
    audience: Text = Field(description="who the tree is for, like 'Clinicians of every profession'")
    reviewed: date = Field(description="the date someone last reviewed the tree's wording and citations, like 2026-11-28")
    readers: Readers = Field(
        Readers.clinicians,
        description="who reads it: clinicians (the page is decide/<id>/) or clients (clients/<id>/, "
        "written in plain language)",
    )
    start: Slug = Field(description="the id of the first question")
    search_boost: float | None = Field(
        None, ge=0.1, le=10,
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


def _did_you_mean(value: str, choices: object) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)  # type: ignore[arg-type]
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_tree(tree: Tree, source: SourceFile, dataset: Dataset, references: dict[str, Reference]) -> list[DataError]:
    """The shape checks: each returns a sentence naming the node."""
    errors: list[DataError] = []
    nodes = tree.nodes

    def err(loc: tuple, message: str) -> None:
        errors.append(source.error(loc, message))

    # Each node is exactly one kind, with what that kind needs.
    for node_id, node in nodes.items():
        at = ("nodes", node_id)
        if node.question is not None and node.outcome is not None:
            err(at, "has both question and outcome: a node is either a question or an outcome, so split it in two")
            continue
        if node.question is None and node.outcome is None:
            err(at, "has neither question nor outcome: give it a question (with answers) or an outcome")
            continue
        if node.is_question:
            extra = [f for f in ("summary", "say", "consult", "compare_topic") if getattr(node, f)]
            extra += [f for f in ("do", "avoid", "document", "cites") if getattr(node, f)]
            if extra:
                err(at, f"is a question but has {', '.join(extra)}: move advice to an outcome node")
            if len(node.answers) < 2:
                err(at + ("answers",), "needs at least two answers: a question with one answer is not a choice")
            labels: dict[str, int] = {}
            for position, answer in enumerate(node.answers):
                key = answer.label.casefold()
                if key in labels:
                    err(at + ("answers", position, "label"),
                        f"is {answer.label!r}, the same as answers[{labels[key]}]: the answers of one question must differ")
                labels.setdefault(key, position)
                if answer.next not in nodes:
                    err(at + ("answers", position, "next"),
                        f"is {answer.next!r}, which is not a node in this tree{_did_you_mean(answer.next, nodes)}")
        else:
            if node.answers:
                err(at + ("answers",), "belongs to an outcome: an outcome ends the path, so it has no answers")
            if not node.do:
                err(at + ("do",), "is missing: every outcome needs at least one thing to do")
            if not node.cites:
                err(at + ("cites",), "is missing: every outcome cites at least one provision or reference")
            topics_loaded = "topics" in dataset.sources  # else topics.yaml has its own errors
            if node.compare_topic and topics_loaded and node.compare_topic not in dataset.topics:
                err(at + ("compare_topic",),
                    f"is {node.compare_topic!r}, which is not a topic in data/topics.yaml{_did_you_mean(node.compare_topic, dataset.topics)}")
            check_cites(node.cites, at, dataset, err)

    if tree.start not in nodes:
        err(("start",), f"is {tree.start!r}, which is not a node in this tree{_did_you_mean(tree.start, nodes)}")
        return errors
    if not nodes[tree.start].is_question:
        err(("start",), f"is {tree.start!r}, an outcome: the tree must start with a question")
    if errors:
        return errors  # the graph checks below need well-formed nodes

    # No cycles, and depth: an iterative depth-first search (no recursion limit, so a
    # 10,000-node tree is checked as readily as a small one).
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    depth: dict[str, int] = {}
    trail: list[str] = []
    stack: list[tuple[str, int]] = [(tree.start, 0)]
    cycle_reported = False
    while stack:
        node_id, child = stack.pop()
        node = nodes[node_id]
        if child == 0:
            if state.get(node_id) == 2:
                continue
            state[node_id] = 1
            trail.append(node_id)
        if child < len(node.answers):
            stack.append((node_id, child + 1))
            target = node.answers[child].next
            if state.get(target) == 1:
                if not cycle_reported:
                    loop = trail[trail.index(target):] + [target]
                    err(("nodes", target), "is part of a loop (" + " -> ".join(loop) + "): "
                        "every path must move forward and end at an outcome")
                    cycle_reported = True
            elif state.get(target) != 2:
                stack.append((target, 0))
            continue
        state[node_id] = 2
        trail.pop()
        deepest = max((depth.get(a.next, 0) for a in node.answers), default=0)
        depth[node_id] = deepest + (1 if node.is_question else 0)

    longest = depth.get(tree.start, 0)
    if cycle_reported:
        return errors
    if longest > MAX_DEPTH:
        err(("start",), f"leads to a path of {longest} questions: keep every path to {MAX_DEPTH} questions or fewer")
    for node_id in nodes:
        if node_id not in state:
            err(("nodes", node_id), "cannot be reached from the start: link an answer to it, or remove it")
    return errors


def check_cites(cites: list[Citation], at: tuple, dataset: Dataset, err) -> None:  # noqa: ANN001
    """Each citation names exactly one thing, and that thing exists in data/."""
    for position, cite in enumerate(cites):
        cat = at + ("cites", position)
        named = [kind for kind in ("code", "reference", "resource") if getattr(cite, kind)]
        if len(named) > 1:
            err(cat, f"has both a {named[0]} and a {named[1]}: cite one thing per item")
        elif cite.reference:
            if "references" in dataset.sources and cite.reference not in dataset.references:
                err(cat + ("reference",),
                    f"is {cite.reference!r}, which is not in data/references.yaml{_did_you_mean(cite.reference, dataset.references)}")
        elif cite.resource:
            if "resources" in dataset.sources and cite.resource not in dataset.resources:
                err(cat + ("resource",),
                    f"is {cite.resource!r}, which is not in data/resources.yaml{_did_you_mean(cite.resource, dataset.resources)}")
        elif cite.code and cite.section:
            code = dataset.codes.get(cite.code)
            if code is None and cite.code in dataset.code_files:
                continue  # that code's file has its own errors, reported already
            if code is None:
                err(cat + ("code",), f"is {cite.code!r}, which is not a code we have{_did_you_mean(cite.code, dataset.codes)}")
            elif cite.section not in [p.section for p in code.provisions]:
                sections = [p.section for p in code.provisions]
                err(cat + ("section",),
                    f"is {cite.section!r}, which data/codes/{code.id}.yaml does not have{_did_you_mean(cite.section, sections)}")
        else:
            err(cat, "needs either code and section (like code: aca, section: A.5.c), reference, or resource")
