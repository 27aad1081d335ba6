"""Rendering in another language: a tree with its translated text in place."""

from __future__ import annotations

from ..models import Tree
from ..models.translations import NODE_LIST_FIELDS, NODE_TEXT_FIELDS, TREE_FIELDS, TreeTranslation


def localized_tree(tree: Tree, tr: TreeTranslation) -> Tree:
    """The tree with the translation's text in place of the English (ids, links and
    citations unchanged). Only called on a checked dataset, so every text is there."""
    update = {field: getattr(tr, field).es for field in TREE_FIELDS}
    nodes = {}
    for node_id, node in tree.nodes.items():
        text = tr.nodes[node_id]
        changes = {}
        for field in NODE_TEXT_FIELDS:
            pair = getattr(text, field)
            if pair is not None and getattr(node, field, None) is not None:
                changes[field] = pair.es
        for field in NODE_LIST_FIELDS:
            if getattr(node, field, None):
                changes[field] = [p.es for p in getattr(text, field)]
        if getattr(node, "answers", None):
            changes["answers"] = [
                a.model_copy(update={"label": p.es}) for a, p in zip(node.answers, text.answers, strict=True)
            ]
        nodes[node_id] = node.model_copy(update=changes)
    update["nodes"] = nodes
    return tree.model_copy(update=update)
