"""Data in other languages (issue 17): the Spanish text of a tree and of the resources the
client pages link.

A translation lives beside the English it translates: `data/trees/<id>.es.yaml` next to
`data/trees/<id>.yaml`, and `data/resources.es.yaml` next to `data/resources.yaml`. Each
text is a pair, `{en: ..., es: ...}`: the English it was translated from, and the
translation. As gettext keeps a msgid beside each msgstr, the pair lets the build tell
when the English changed after the translation was made. `check_translations` fails the
build when a text of the English tree has no Spanish (naming the node and field), when a
pair's `en` is no longer the English tree's text (the translation is out of date), and when
a translation names a node, answer or item the English tree no longer has. The Spanish is
`Text` like the English, so HTML or template syntax in it fails the same way.

`localized_tree` returns the tree with its Spanish text in place; the renderers draw it
exactly as they draw the English one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from .common import Model, Slug, Text

LANGUAGES = ("es",)
LANGUAGE_NAMES = {"es": "Spanish"}

# The fields of a tree and of its nodes that a reader sees, in file order.
TREE_FIELDS = ("title", "short_title", "intro", "audience")
NODE_TEXT_FIELDS = ("question", "help", "outcome", "summary", "say", "consult")
NODE_LIST_FIELDS = ("do", "avoid", "document")


class Pair(Model):
    """One text: the English it translates, exactly as in the English file, and its translation."""

    en: Text = Field(description="the English text this translates, exactly as the English file has it")
    es: Text = Field(description="the Spanish text, in plain words, usted")


class NodeText(Model):
    """The translated text of one node: the fields the English node has, nothing else."""

    question: Pair | None = Field(None, description="a question node's question")
    help: Pair | None = Field(None, description="the question's help sentence, where the English has one")
    answers: list[Pair] = Field(default_factory=list, description="one per English answer (its label), same order")
    outcome: Pair | None = Field(None, description="an outcome node's short verdict")
    summary: Pair | None = Field(None, description="the outcome's explanation, where the English has one")
    do: list[Pair] = Field(default_factory=list, description="one per English item, same order")
    avoid: list[Pair] = Field(default_factory=list, description="one per English item, same order")
    say: Pair | None = Field(None, description="what the reader might say")
    document: list[Pair] = Field(default_factory=list, description="one per English item, same order")
    consult: Pair | None = Field(None, description="who can help")


class TreeTranslation(Model):
    """`data/trees/<id>.<lang>.yaml`: a tree's text in another language."""

    tree: Slug = Field(description="the id of the English tree this translates")
    lang: Literal["es"] = Field(description="the language: es (Spanish)")
    title: Pair = Field(description="the tree's title")
    short_title: Pair = Field(description="its name in menus and lists")
    intro: Pair = Field(description="the sentences before the first question")
    audience: Pair = Field(description="who the tree is for")
    nodes: dict[Slug, NodeText] = Field(description="every node of the English tree, by id")


class ResourceText(Model):
    """A resource's name and description in another language."""

    name: Pair = Field(description="es: the official title in that language if there is one, else the English title")
    about: Pair = Field(description="what a reader finds there")
    in_english: bool = Field(description="true when the linked page is only in English (the page says so)")


class ResourcesTranslation(Model):
    """`data/resources.<lang>.yaml`: the resources client pages link, in another language."""

    lang: Literal["es"] = Field(description="the language: es (Spanish)")
    resources: dict[Slug, ResourceText] = Field(description="by the resource's id in data/resources.yaml")


def translation_file(path: Path) -> str | None:
    """The language of a translation file's name (`gifts.es.yaml` -> 'es'), else None."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) == 3 and parts[-2] in LANGUAGES else None
