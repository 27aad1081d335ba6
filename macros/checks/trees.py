"""Decision trees: the graph checks a schema cannot state, and what every outcome must hold.

`check_tree` is the shape (answers lead somewhere, no loops, every node reachable);
`check_outcomes` is what a reader at the end of a path needs: the whole answer (for
clinicians: what to do, say, avoid, document and whom to consult; for clients: what to do
and where to go), the rules of their own profession's code, pages that exist to read next,
and an end no more than three answers from the start.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping

from ..dataset import Dataset, Kind
from ..errors import DataError, SourceFile, did_you_mean
from ..models import MAX_DEPTH, CodeKind, Tree
from ..models.trees import MAX_ANSWERS_TO_OUTCOME
from . import Pages
from .common import check_cites

# What a clinicians' outcome must hold, in the order the page shows it, with why.
CLINICIAN_FIELDS = (
    ("do", "what to do now"),
    ("avoid", "what not to do, now or next time"),
    ("say", "what you might say, as a short script"),
    ("document", "what to write in the record"),
    ("consult", "when and whom to consult"),
)
# Headings as Python-Markdown's toc extension turns them into ids (its default slugify),
# and ids set by hand with an attribute list, `## Heading { #id }`.
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
GENERATED_DIRS = ("compare/", "codes/", "apply/", "decide/", "clients/", "agencies/")  # pages made from data
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def check_trees(dataset: Dataset, pages: Pages) -> list[DataError]:
    """Every tree's shape, and every outcome's content; each tree its own place and name."""
    errors: list[DataError] = []
    for tree_id, tree in dataset.trees.items():
        source = dataset.source(Kind.trees, tree_id)
        shape = check_tree(tree, source, dataset)
        errors += shape
        if not shape:
            errors += check_outcomes(tree, source, dataset, pages)
    errors += check_order(dataset)
    return errors


def clinician_codes(dataset: Dataset) -> dict[str, set[str]]:
    """Profession id -> the codes of its own that apply to it anywhere in the country: the
    ethics codes under `national` whose own jurisdiction is national (a law that binds
    everyone, like HIPAA, is nobody's own code). A profession with none (life coaches, whose
    ICF code is international and not a clinician's code) is left out."""
    out: dict[str, set[str]] = {}
    for profession in dataset.professions.values():
        own = {
            rule.code
            for rule in profession.applies.get("national", [])
            if rule.code in dataset.codes
            and dataset.codes[rule.code].jurisdiction == "national"
            and dataset.codes[rule.code].kind == CodeKind.ethics_code
        }
        if own:
            out[profession.id] = own
    return out


def answers_to_reach(tree: Tree) -> dict[str, int]:
    """Node id -> the fewest answers that reach it from the start (breadth first)."""
    reach = {tree.start: 0}
    queue = deque([tree.start])
    while queue:
        node_id = queue.popleft()
        for answer in tree.nodes[node_id].answers:
            if answer.next not in reach:
                reach[answer.next] = reach[node_id] + 1
                queue.append(answer.next)
    return reach


def heading_ids(markdown: str) -> set[str]:
    """The ids a page's headings get: Python-Markdown's toc slugify, or an id set by hand."""
    ids: set[str] = set()
    for found in _HEADING.finditer(_FENCE.sub("", markdown)):
        text = found.group(1)
        explicit = _ATTR_ID.search(text)
        if explicit:
            ids.add(explicit.group(1))
            text = text[: explicit.start()]
        text = re.sub(r"<[^>]*>|\{\{.*?\}\}", "", text)  # tags and macro calls add no words
        slug = re.sub(r"[^\w\s-]", "", text).strip().lower()
        ids.add(re.sub(r"[-\s]+", "-", slug))
    return ids


def _names(dataset: Dataset, professions: list[str], codes: Mapping[str, set[str]]) -> str:
    parts = []
    for profession_id in professions:
        own = " or ".join(sorted(dataset.codes[c].short_name for c in codes[profession_id]))
        parts.append(f"{dataset.professions[profession_id].plural} ({own})")
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def check_outcomes(tree: Tree, source: SourceFile, dataset: Dataset, pages: Pages) -> list[DataError]:
    """What each outcome holds, for the tree's readers, and how far it is from the start."""
    errors: list[DataError] = []

    def err(loc: tuple, message: str) -> None:
        errors.append(source.error(loc, message))

    for_clients = tree.readers.value == "clients"
    # When a file failed to load, its codes, topics or generated pages are missing: say
    # nothing of what rests on them (that file's own errors come first).
    unreadable = {kind for kind, _ in dataset.unreadable}
    whole = not unreadable & {Kind.codes, Kind.topics, Kind.professions}
    codes = clinician_codes(dataset) if whole else {}
    reach = answers_to_reach(tree)
    for node_id, node in tree.nodes.items():
        if node.is_question:
            continue
        at = ("nodes", node_id)
        named = f"the outcome {node.outcome!r}"
        if for_clients:
            if not any(cite.resource for cite in node.cites):
                err(
                    at + ("cites",),
                    f"names no place to turn to: {named} needs at least one resource "
                    "(like {resource: lifeline-988}), shown under Where to go next",
                )
        else:
            for field, what in CLINICIAN_FIELDS:
                if not getattr(node, field):
                    err(at + (field,), f"is missing: {named} must say {what}, like every outcome for clinicians")
            cited = {cite.code for cite in node.cites if cite.code}
            if node.compare_topic and node.compare_topic in dataset.topics:
                cited |= {code.id for code, _ in dataset.provisions_on(node.compare_topic)}
            left_out = [p for p, own in codes.items() if not own & cited]
            if left_out:
                err(
                    at + ("cites",),
                    f"leaves out the reader's own code: {named} cites nothing for "
                    f"{_names(dataset, left_out, codes)}. Cite a provision of each whose rule fits "
                    "this outcome, or set compare_topic to a topic whose table has one",
                )
        for position, target in enumerate(node.see_also):
            page, _, anchor = target.partition("#")
            loc = at + ("see_also", position)
            if page not in pages and unreadable and page.startswith(GENERATED_DIRS):
                continue  # made from data that did not load
            if not page.endswith(".md") or page not in pages:
                err(
                    loc,
                    f"is {target!r}, which is not a page of the handbook{did_you_mean(page, pages)}: "
                    "give a path under docs/, like clients/raising-a-concern.md",
                )
            elif anchor and anchor not in heading_ids(pages[page]):
                err(
                    loc,
                    f"is {target!r}, but docs/{page} has no heading with the id {anchor!r}"
                    f"{did_you_mean(anchor, sorted(heading_ids(pages[page])))}",
                )
        steps = reach.get(node_id)
        if steps is not None and steps > MAX_ANSWERS_TO_OUTCOME:
            err(
                at,
                f"is {steps} answers from the start at the fewest: every outcome must be reachable "
                f"within {MAX_ANSWERS_TO_OUTCOME}. Merge a question into an earlier one's answers",
            )
    return errors


def check_order(dataset: Dataset) -> list[DataError]:
    """Each tree its own place in the lists (by readers) and its own short title."""
    errors: list[DataError] = []
    seen_order: dict[tuple[str, int], str] = {}
    seen_title: dict[str, str] = {}
    for tree_id, tree in dataset.trees.items():
        source = dataset.source(Kind.trees, tree_id)
        key = (tree.readers.value, tree.order)
        if key in seen_order:
            errors.append(
                source.error(
                    ("order",),
                    f"is {tree.order}, the same as the tree {seen_order[key]!r}: give each tree its own place",
                )
            )
        seen_order.setdefault(key, tree_id)
        title = tree.short_title.casefold()
        if title in seen_title:
            errors.append(
                source.error(
                    ("short_title",),
                    f"is {tree.short_title!r}, the same as the tree {seen_title[title]!r}: each tree needs its own name",
                )
            )
        seen_title.setdefault(title, tree_id)
    return errors


def check_tree(tree: Tree, source: SourceFile, dataset: Dataset) -> list[DataError]:
    """The shape checks of one tree: each returns a sentence naming the node."""
    errors: list[DataError] = []
    nodes = tree.nodes

    def err(loc: tuple, message: str) -> None:
        errors.append(source.error(loc, message))

    # The models make each node one kind; these are the rules a schema cannot state.
    for node_id, node in nodes.items():
        at = ("nodes", node_id)
        if node.is_question:
            if len(node.answers) < 2:
                err(at + ("answers",), "needs at least two answers: a question with one answer is not a choice")
            labels: dict[str, int] = {}
            for position, answer in enumerate(node.answers):
                key = answer.label.casefold()
                if key in labels:
                    err(
                        at + ("answers", position, "label"),
                        f"is {answer.label!r}, the same as answers[{labels[key]}]: the answers of one question must differ",
                    )
                labels.setdefault(key, position)
                if answer.next not in nodes:
                    err(
                        at + ("answers", position, "next"),
                        f"is {answer.next!r}, which is not a node in this tree{did_you_mean(answer.next, nodes)}",
                    )
        else:
            if not node.do:
                err(at + ("do",), "is missing: every outcome needs at least one thing to do")
            if not node.cites:
                err(at + ("cites",), "is missing: every outcome cites at least one provision or reference")
            topics_loaded = dataset.readable(Kind.topics)  # else topics.yaml has its own errors
            if node.compare_topic and topics_loaded and node.compare_topic not in dataset.topics:
                err(
                    at + ("compare_topic",),
                    f"is {node.compare_topic!r}, which is not a topic in data/topics.yaml{did_you_mean(node.compare_topic, dataset.topics)}",
                )
            check_cites(node.cites, at, dataset, err)

    if tree.start not in nodes:
        err(("start",), f"is {tree.start!r}, which is not a node in this tree{did_you_mean(tree.start, nodes)}")
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
                    loop = trail[trail.index(target) :] + [target]
                    err(
                        ("nodes", target),
                        "is part of a loop (" + " -> ".join(loop) + "): "
                        "every path must move forward and end at an outcome",
                    )
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
