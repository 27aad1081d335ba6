"""Decision trees: the graph checks a schema cannot state."""

from __future__ import annotations

from ..dataset import Dataset, Kind
from ..errors import DataError, SourceFile, did_you_mean
from ..models import MAX_DEPTH, Tree
from . import Pages
from .common import check_cites


def check_trees(dataset: Dataset, pages: Pages) -> list[DataError]:
    """Every tree's shape: answers lead somewhere, no loops, every node reachable."""
    errors: list[DataError] = []
    for tree_id, tree in dataset.trees.items():
        errors += check_tree(tree, dataset.source(Kind.trees, tree_id), dataset)
    errors += check_order(dataset)
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
                source.error(("order",), f"is {tree.order}, the same as the tree {seen_order[key]!r}: give each tree its own place")
            )
        seen_order.setdefault(key, tree_id)
        title = tree.short_title.casefold()
        if title in seen_title:
            errors.append(
                source.error(
                    ("short_title",), f"is {tree.short_title!r}, the same as the tree {seen_title[title]!r}: each tree needs its own name"
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
