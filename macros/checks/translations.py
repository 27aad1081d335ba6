"""The rules of data in other languages: see macros/models/translations.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dataset import Dataset, Kind
from ..errors import DataError, SourceFile
from ..models import Tree
from ..models.translations import (
    LANGUAGE_NAMES,
    LANGUAGES,
    NODE_LIST_FIELDS,
    NODE_TEXT_FIELDS,
    TREE_FIELDS,
    Pair,
    TreeTranslation,
)


def _pair_problems(source: SourceFile, loc: tuple, english: str | None, pair: Pair | None, where: str, lang: str):
    name = LANGUAGE_NAMES[lang]
    if english is None and pair is not None:
        yield source.error(loc, f"translates {where}, which the English no longer has: delete it")
    elif english is not None and pair is None:
        yield source.error(
            loc, f"is missing: {where} has no {name} text. Add {{en: <the English>, {lang}: <the {name}>}}"
        )
    elif english is not None and pair is not None and pair.en != english:
        yield source.error(
            (*loc, "en"),
            f"is out of date: the English of {where} is now {english!r}. Update the {name} to match, "
            "then copy the new English into `en`",
        )


def _list_problems(source: SourceFile, loc: tuple, english: list[str], pairs: list[Pair], where: str, lang: str):
    if len(english) != len(pairs):
        yield source.error(
            loc,
            f"has {len(pairs)} items but {where} has {len(english)} in English: one {LANGUAGE_NAMES[lang]} "
            "item per English item, in the same order",
        )
        return
    for index, (text, pair) in enumerate(zip(english, pairs, strict=True)):
        yield from _pair_problems(source, (*loc, index), text, pair, f"{where}, item {index + 1}", lang)


def _tree_problems(tree: Tree, tr: TreeTranslation, source: SourceFile) -> Iterator[DataError]:
    lang = tr.lang
    for field in TREE_FIELDS:
        yield from _pair_problems(
            source, (field,), getattr(tree, field), getattr(tr, field), f"the tree's {field}", lang
        )
    for node_id, node in tree.nodes.items():
        text = tr.nodes.get(node_id)
        if text is None:
            yield source.error(
                ("nodes",),
                f"has no {LANGUAGE_NAMES[lang]} text for node {node_id!r} of the English tree: add it "
                f"under nodes, with each of its texts",
            )
            continue
        loc = ("nodes", node_id)
        for field in NODE_TEXT_FIELDS:
            english = getattr(node, field, None)
            yield from _pair_problems(
                source, (*loc, field), english, getattr(text, field), f"node {node_id!r} {field}", lang
            )
        answers = [a.label for a in getattr(node, "answers", [])]
        yield from _list_problems(source, (*loc, "answers"), answers, text.answers, f"node {node_id!r} answers", lang)
        for field in NODE_LIST_FIELDS:
            english = list(getattr(node, field, []) or [])
            yield from _list_problems(
                source, (*loc, field), english, getattr(text, field), f"node {node_id!r} {field}", lang
            )
    for node_id in tr.nodes:
        if node_id not in tree.nodes:
            yield source.error(
                ("nodes", node_id), f"is not a node of the English tree {tree.id!r} (any more): delete it"
            )


_RESOURCE_CALL = re.compile(r"""resource\(\s*["']([^"']+)["']""")


def _resources_needed(dataset: Dataset, pages, lang: str) -> Iterator[tuple[str, int | None, str]]:  # noqa: ANN001
    """(file, line, resource id) for every resource a page or tree in `lang` links."""
    for path, text in sorted(pages.items()):
        if path.endswith(f".{lang}.md"):
            for match in _RESOURCE_CALL.finditer(text):
                yield f"docs/{path}", text.count("\n", 0, match.start()) + 1, match.group(1)
    for (tree_lang, tree_id), _ in sorted(dataset.tree_translations.items()):
        tree = dataset.trees.get(tree_id)
        if tree_lang != lang or tree is None:
            continue
        for node in tree.nodes.values():
            for cite in getattr(node, "cites", []):
                if cite.resource:
                    yield f"data/trees/{tree_id}.yaml", None, cite.resource


def check_translations(dataset: Dataset, pages) -> list[DataError]:  # noqa: ANN001
    errors: list[DataError] = []
    for lang in LANGUAGES:
        texts = dataset.resource_translations.get(lang)
        for file, line, resource_id in _resources_needed(dataset, pages, lang):
            if resource_id in dataset.resources and (texts is None or resource_id not in texts.resources):
                errors.append(
                    DataError(
                        file,
                        line,
                        "",
                        f"links the resource {resource_id!r} in {LANGUAGE_NAMES[lang]}, but "
                        f"data/resources.{lang}.yaml has no {LANGUAGE_NAMES[lang]} text for it: add it there",
                    )
                )
    for (lang, tree_id), tr in dataset.tree_translations.items():
        source = dataset.translation_sources[("tree", lang, tree_id)]
        tree = dataset.trees.get(tree_id)
        if tree is None:
            if dataset.readable(Kind.trees, tree_id):  # else its own file's errors say why
                errors.append(source.error(("tree",), f"is {tree_id!r}, but there is no data/trees/{tree_id}.yaml"))
            continue
        errors += _tree_problems(tree, tr, source)
    for lang, tr in dataset.resource_translations.items():
        if not dataset.readable(Kind.resources):
            break  # data/resources.yaml's own errors come first
        source = dataset.translation_sources[("resources", lang, "")]
        for resource_id, text in tr.resources.items():
            resource = dataset.resources.get(resource_id)
            loc = ("resources", resource_id)
            if resource is None:
                errors.append(source.error(loc, "is not a resource in data/resources.yaml: delete it or fix the id"))
                continue
            errors += _pair_problems(source, (*loc, "name"), resource.name, text.name, f"{resource_id} name", lang)
            errors += _pair_problems(source, (*loc, "about"), resource.about, text.about, f"{resource_id} about", lang)
    return errors
