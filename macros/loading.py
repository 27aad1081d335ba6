"""Read `data/` into typed models, collecting every problem with its file and line.

Nothing here imports MkDocs: `load_dataset` is used by the site build, by
`make check` (`python -m macros.check`) and by the tests alike.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors, format_path
from .models import Code, Profession, ProfessionsFile, Provision, Topic, TopicsFile

Loc = tuple[Any, ...]


@dataclass
class SourceFile:
    """A data file as read: its name for messages, its content, and key path -> line."""

    name: str
    content: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)

    def error(self, loc: Loc, message: str) -> DataError:
        return DataError(self.name, self.line(loc), format_path(loc), message)


@dataclass
class Dataset:
    """All the handbook's data, validated. Built only by `load_dataset`."""

    codes: dict[str, Code]
    topics: dict[str, Topic]
    sources: dict[str, SourceFile]  # "code:aca", "topics", "professions" -> where it came from
    code_files: set[str] = field(default_factory=set)  # stems of every codes/*.yaml, valid or not
    professions: dict[str, Profession] = field(default_factory=dict)
    references: dict[str, Any] = field(default_factory=dict)  # id -> trees.Reference
    trees: dict[str, Any] = field(default_factory=dict)  # id -> trees.Tree
    trees_loaded: bool = False  # every tree file loaded without error
    resources: dict[str, Any] = field(default_factory=dict)  # id -> audiences.Resource
    onboarding: Any = None  # audiences.OnboardingFile
    one_pagers: dict[str, Any] = field(default_factory=dict)  # id -> audiences.OnePager
    templates: dict[str, Any] = field(default_factory=dict)  # id -> audiences.Template
    reviewed: dict[str, Any] = field(default_factory=dict)  # "one_pagers", "templates" -> date

    def code_source(self, code_id: str) -> SourceFile:
        return self.sources[f"code:{code_id}"]

    def provisions_on(self, topic_id: str) -> list[tuple[Code, Provision]]:
        """Every (code, provision) on a topic: the topic's listed codes first, in its order,
        then the other codes by short name; a code's provisions in file order."""
        listed = list(self.topics[topic_id].codes) if topic_id in self.topics else []
        others = sorted(
            (c for c in self.codes if c not in listed), key=lambda c: self.codes[c].short_name.lower()
        )
        return [
            (self.codes[code_id], provision)
            for code_id in listed + others
            if code_id in self.codes
            for provision in self.codes[code_id].provisions
            if provision.topic == topic_id
        ]


# --- YAML with line numbers ------------------------------------------------

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _build(node: yaml.Node, loc: Loc, source: SourceFile, errors: list[DataError], loader: Any) -> Any:
    """Build the Python value of `node` while recording the line of every key path and
    refusing duplicate keys: one pass over the parsed tree (PyYAML's own constructor is
    pure Python and was most of the load time on large files)."""
    source.lines.setdefault(loc, node.start_mark.line + 1)
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return node.value.lower() in ("yes", "true", "on")
        if tag == _INT and node.value.lstrip("-+").isdigit():
            return int(node.value)
        return loader.construct_object(node, deep=True)  # floats, dates and the rest
    if isinstance(node, yaml.MappingNode) and tag == _MAP:
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                errors.append(
                    DataError(
                        source.name,
                        line,
                        format_path(loc + (key,)),
                        f"appears twice (first on line {seen[key]}): YAML would silently keep "
                        "only the last one, so merge them into one",
                    )
                )
                continue
            seen[key] = line
            source.lines[loc + (key,)] = line
            result[_build(key_node, (), SourceFile(source.name), errors, loader)] = _build(
                value_node, loc + (key,), source, errors, loader
            )
        return result
    if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_build(item, loc + (index,), source, errors, loader) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)  # anything unusual: PyYAML's own rules


def read_yaml(path: Path, name: str, errors: list[DataError]) -> SourceFile | None:
    """Parse one YAML file; on failure record a DataError and return None."""
    source = SourceFile(name)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        errors.append(DataError(name, None, "", "is not UTF-8 text: save it as UTF-8"))
        return None
    # Parse once (with libyaml when available: many times faster), keep the node tree for
    # line numbers and duplicate keys, and build the data from that same tree.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        dupes_before = len(errors)
        content = _build(node, (), source, errors, loader) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        errors.append(
            DataError(
                name,
                mark.line + 1 if mark else None,
                "",
                f"is not valid YAML{where} ({problem}): check the indentation, that each "
                "'key: value' has a space after the colon, and that text containing a colon "
                "is in quotes",
            )
        )
        return None
    finally:
        loader.dispose()
    if node is None:
        errors.append(DataError(name, None, "", "is empty: it needs at least the required fields"))
        return None
    if len(errors) > dupes_before:
        return None
    source.content = content
    return source


# --- pydantic errors as sentences -----------------------------------------


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing (the field is empty)"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, int):
        return f"the whole number {value}"
    if isinstance(value, float):
        return f"the decimal number {value!r}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    return f"the text {str(value)!r}"


def _field_description(model: type[BaseModel], loc: Loc) -> str | None:
    """Follow `loc` through nested models to the field's description."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return info.description if info else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def explain(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One pydantic error as a sentence for someone editing YAML."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    hint = _field_description(model, loc)
    tail = f": {hint}" if hint else ""
    if kind == "missing":
        return f"is missing{tail or ': this field is required'}"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        suggestion = f" (did you mean {close[0]}?)" if close else ""
        return (
            f"is not a field we know{suggestion}: the fields allowed here are "
            f"{', '.join(allowed)}"
        )
    if kind == "string_type":
        extra = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            extra = (
                "; put it in quotes, like '10.08', so YAML keeps it exactly as written "
                "(unquoted, 10.10 would become 10.1)"
            )
        return f"should be text, but YAML read {_describe_value(value)}{extra}{tail}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"should be a whole number, but is {_describe_value(value)}{tail}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"should be true or false, but is {_describe_value(value)}{tail}"
    if kind == "list_type":
        return (
            f"should be a list, one item per line starting with '- ', but is "
            f"{_describe_value(value)}{tail}"
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"should be a group of 'key: value' lines, but is {_describe_value(value)}{tail}"
    if kind.startswith("url_"):
        return (
            f"is {_describe_value(value)}, which is not a web address: write the full "
            "address, starting with https://"
        )
    if kind.startswith("date_"):
        return f"should be a date written like 2026-11-28, but is {_describe_value(value)}{tail}"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"is {_describe_value(value)}, which is not allowed here: use {expected}{tail}"
    if kind == "too_short":
        actual = error.get("ctx", {}).get("actual_length", 0)
        if actual:
            least = error.get("ctx", {}).get("min_length")
            return f"has {actual} item{'s' if actual != 1 else ''}, fewer than the {least} needed{tail}"
        return f"is empty{tail}"
    if kind == "too_long":
        ctx = error.get("ctx", {})
        return f"has {ctx.get('actual_length')} items, more than the {ctx.get('max_length')} allowed{tail}"
    if kind == "string_pattern_mismatch":
        return f"is {_describe_value(value)}, which is not in the right form{tail}"
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return message
    return f"{error['msg'][0].lower()}{error['msg'][1:]}{tail}"


def validate(source: SourceFile, model: type[BaseModel], errors: list[DataError]) -> Any:
    """Validate a parsed file against `model`; record errors and return None on failure."""
    if not isinstance(source.content, dict):
        errors.append(
            DataError(
                source.name,
                source.line(()),
                "",
                f"should be a group of 'key: value' lines at the top, but is "
                f"{_describe_value(source.content)}",
            )
        )
        return None
    try:
        return model.model_validate(source.content)
    except ValidationError as exc:
        for item in exc.errors(include_url=False):
            errors.append(source.error(tuple(item["loc"]), explain(item, model)))
        return None


# --- the whole data folder -------------------------------------------------


def load_dataset(data_dir: Path | str) -> Dataset:
    """Load and check everything in `data_dir`; raise DataErrors listing every problem."""
    # Imported here to keep `checking` free to import Dataset from this module.
    from .checking import check_dataset

    data_dir = Path(data_dir)
    errors: list[DataError] = []
    base = data_dir.parent

    def name_of(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    sources: dict[str, SourceFile] = {}
    reviewed: dict[str, Any] = {}

    def load_folder(folder: Path, model: type[BaseModel], noun: str, example: str) -> tuple[dict[str, Any], set[str]]:
        """Every <id>.yaml in `folder`, each validated and its id matched to its file name."""
        items: dict[str, Any] = {}
        stems: set[str] = set()
        if not folder.is_dir():
            errors.append(DataError(name_of(folder), None, "", f"is missing: the {noun} folder must exist"))
            return items, stems
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yaml":
                errors.append(DataError(name_of(path), None, "",
                                        f"is not read: {noun} files must end in .yaml (rename it, like {example})"))
                continue
            stems.add(path.stem)
            source = read_yaml(path, name_of(path), errors)
            item = validate(source, model, errors) if source is not None else None
            if item is None:
                continue
            if item.id != path.stem:
                errors.append(source.error(("id",), f"is {item.id!r} but the file is named {path.name}: "
                                                    f"a {noun}'s id and file name must match (rename one of them)"))
                continue
            items[item.id] = item
            sources[f"{noun}:{item.id}"] = source
        return items, stems

    def load_list(path: Path, model: type[BaseModel], key: str, noun: str, required: bool = True) -> dict[str, Any]:
        """A file holding one list under `key`, with ids unique across it."""
        items: dict[str, Any] = {}
        if not path.is_file():
            if required:
                errors.append(DataError(name_of(path), None, "", f"is missing: the {key} file must exist"))
            return items
        source = read_yaml(path, name_of(path), errors)
        parsed = validate(source, model, errors) if source is not None else None
        if parsed is None:
            return items
        sources[key] = source
        if getattr(parsed, "reviewed", None):
            reviewed[key] = parsed.reviewed
        for index, item in enumerate(getattr(parsed, key)):
            if item.id in items:
                errors.append(source.error((key, index, "id"), f"is {item.id!r}, which another {noun} already "
                                                               f"uses: every {noun} needs its own id"))
                continue
            items[item.id] = item
        return items

    from .audiences import OnboardingFile, OnePagersFile, ResourcesFile, TemplatesFile, check_audiences
    from .trees import ReferencesFile, Tree, check_tree

    codes, code_files = load_folder(data_dir / "codes", Code, "code", "aca.yaml")
    dataset = Dataset(
        codes=codes,
        topics=load_list(data_dir / "topics.yaml", TopicsFile, "topics", "topic"),
        sources=sources,
        code_files=code_files,
        professions=load_list(data_dir / "professions.yaml", ProfessionsFile, "professions", "profession"),
        references=load_list(data_dir / "references.yaml", ReferencesFile, "references", "reference",
                             required=False),
        resources=load_list(data_dir / "resources.yaml", ResourcesFile, "resources", "resource", required=False),
    )
    errors.extend(check_dataset(dataset))

    trees, tree_stems = load_folder(data_dir / "trees", Tree, "tree", "former-client-relationship.yaml") \
        if (data_dir / "trees").is_dir() else ({}, set())
    for tree_id, tree in trees.items():
        tree_errors = check_tree(tree, sources[f"tree:{tree_id}"], dataset, dataset.references)
        errors.extend(tree_errors)
        if not tree_errors:
            dataset.trees[tree_id] = tree
    dataset.trees_loaded = len(dataset.trees) == len(tree_stems)

    dataset.one_pagers = load_list(data_dir / "one-pagers.yaml", OnePagersFile, "one_pagers", "one-pager",
                                   required=False)
    dataset.templates = load_list(data_dir / "templates.yaml", TemplatesFile, "templates", "template",
                                  required=False)
    onboarding_path = data_dir / "onboarding.yaml"
    if onboarding_path.is_file():
        source = read_yaml(onboarding_path, name_of(onboarding_path), errors)
        dataset.onboarding = validate(source, OnboardingFile, errors) if source is not None else None
        if dataset.onboarding is not None:
            sources["onboarding"] = source
    dataset.reviewed = reviewed
    errors.extend(check_audiences(dataset, base / "docs"))
    if errors:
        raise DataErrors(errors)
    return dataset
