"""Read `data/` into a `Dataset`: parse YAML and validate it against the models.

Every problem becomes a `DataError` with its file, line and key path; nothing is
checked across fields or files here (that is `macros.checks`) and nothing here
imports MkDocs or reads `docs/`.

The YAML reader is deliberately strict, so that no file can hang or crash a build:
- files larger than MAX_FILE_BYTES, nesting deeper than MAX_DEPTH, and YAML aliases
  (`*name`, which can multiply a small file into gigabytes) are refused;
- only ordinary files are read: a link (which could point at a secret outside data/, or at
  an endless device) is refused unread;
- YAML tags (`!!python/...`, `!!binary`, `!local`) are refused: data is plain text,
  numbers, dates, lists and mappings;
- booleans and numbers are YAML 1.2's: only true and false are booleans, and numbers are
  plain digits. `label: No` stays the text "No" and `1:30` the text "1:30", as the editors'
  YAML extension shows them (PyYAML alone reads YAML 1.1: yes/no/on/off as booleans, 1:30
  as the number 90);
- an impossible date like 2026-02-30 is an error on its line, not a crash;
- a key with an invisible character is refused (values are checked by the models' Text).
"""

from __future__ import annotations

import difflib
import re
import stat
import typing
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .dataset import Dataset, Kind
from .errors import DataError, Loc, SourceFile, format_path
from .models import (
    NODE_KIND_ERROR,
    Code,
    CombinationsFile,
    JurisdictionsFile,
    OnboardingFile,
    OnePagersFile,
    Outcome,
    ProfessionsFile,
    Question,
    ReferencesFile,
    ResourcesFile,
    StudyAidsFile,
    TemplatesFile,
    TopicsFile,
    Tree,
    describe_character,
    invisible_character,
)
from .models.translations import LANGUAGES, ResourcesTranslation, TreeTranslation, translation_file

MAX_FILE_BYTES = 5_000_000  # the largest data file today is about 30 KB
MAX_DEPTH = 40  # levels of nesting; the deepest real file has about 8

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# YAML 1.1 resolves a plain `<<` and `=` to these; in YAML 1.2 they are text.
_AS_TEXT = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
# YAML 1.2 (core schema) numbers. PyYAML's YAML 1.1 rules also read 1:30 (sexagesimal),
# 1_000 and 0b101 as numbers; those stay text, as the editors show them.
_INT_12 = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT_12 = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class _Refused(Exception):
    """Raised inside the reader to stop at once; carries the error to report."""

    def __init__(self, error: DataError) -> None:
        self.error = error


class _Builder:
    """Builds the Python value of a parsed YAML file in one pass over its node tree,
    recording the line of every key path and refusing duplicate keys, aliases and deep
    nesting. (PyYAML's own constructor is pure Python and was most of the load time.)"""

    def __init__(self, source: SourceFile, loader: Any, errors: list[DataError], text: str = "") -> None:
        self.source, self.loader, self.errors, self.text = source, loader, errors, text
        self.seen: dict[int, int] = {}  # id(node) -> line: a node met twice is an alias

    def refuse(self, node: yaml.Node, loc: Loc, message: str, line: int | None = None) -> None:
        line = line or node.start_mark.line + 1
        raise _Refused(DataError(self.source.name, line, format_path(loc), message))

    def alias_line(self) -> int | None:
        """The line of the file's first alias. An alias node is the anchored node itself,
        whose mark is the anchor's; the builder meets nodes in the file's order and stops
        at the first one met twice, so that is the first alias. (Parsing again is cheap:
        events are not expanded.)"""
        for event in yaml.parse(self.text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1
        return None

    def check_alias(self, node: yaml.Node, loc: Loc) -> None:
        if id(node) in self.seen:
            self.refuse(
                node,
                loc,
                f"repeats the value from line {self.seen[id(node)]} with a YAML alias (*name): "
                "write the value out in full; aliases and anchors (&name) are not allowed in data",
                line=self.alias_line(),
            )
        self.seen[id(node)] = node.start_mark.line + 1

    def build(self, node: yaml.Node, loc: Loc, depth: int = 0) -> Any:
        line = node.start_mark.line + 1
        self.check_alias(node, loc)
        if depth > MAX_DEPTH:
            # On the line of the key that path ends with (its value starts on the next line).
            self.refuse(
                node,
                loc,
                f"is nested more than {MAX_DEPTH} levels deep: data files are never this deep, "
                "so check the indentation",
                line=self.source.lines.get(loc),
            )
        self.source.lines.setdefault(loc, line)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            if tag == _NULL:
                return None
            if tag == _BOOL:
                word = node.value.lower()
                return word == "true" if word in ("true", "false") else node.value  # YAML 1.2
            if tag in (_INT, _FLOAT) and not (_INT_12 if tag == _INT else _FLOAT_12).fullmatch(node.value):
                return node.value  # a YAML 1.1 number (1:30, 1_000): text in YAML 1.2
            if tag == _INT and node.value.lstrip("-+").isdigit():
                return int(node.value)
            if tag in _AS_TEXT:
                return node.value
            if tag not in (_INT, _FLOAT, _TIMESTAMP):
                self.refuse_tag(node, loc)
            try:
                return self.loader.construct_object(node, deep=True)  # 0x1F, floats and dates
            except (ValueError, OverflowError, yaml.YAMLError):
                if tag == _TIMESTAMP:
                    self.refuse(
                        node,
                        loc,
                        f"is {node.value}, which is not a real date: write it like 2026-11-28 "
                        "(year, month 01-12, day of that month)",
                    )
                self.refuse(node, loc, f"is {node.value!r}, which YAML cannot read: put the value in quotes")
        if isinstance(node, yaml.MappingNode) and tag == _MAP:
            result: dict[Any, Any] = {}
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                self.check_alias(key_node, loc)
                if not isinstance(key_node, yaml.ScalarNode):
                    self.refuse(
                        key_node,
                        loc,
                        "has a key that is not plain text: write keys like 'title:'",
                        line=key_node.start_mark.line + 1,
                    )
                key = key_node.value
                key_line = key_node.start_mark.line + 1
                invisible = invisible_character(key)
                if invisible:
                    # Refused before the key can reach a message, where it could reorder or
                    # colour the text of a terminal.
                    self.refuse(key_node, loc, f"has a key that {invisible}", line=key_line)
                if key in keys:
                    self.errors.append(
                        DataError(
                            self.source.name,
                            key_line,
                            format_path(loc + (key,)),
                            f"appears twice (first on line {keys[key]}): YAML would silently keep "
                            "only the last one, so merge them into one",
                        )
                    )
                    self.build(value_node, loc + (key,), depth + 1)  # still refuse an alias or a tag in it
                    continue
                keys[key] = key_line
                self.source.lines[loc + (key,)] = key_line
                result[key] = self.build(value_node, loc + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            return [self.build(item, loc + (index,), depth + 1) for index, item in enumerate(node.value)]
        self.refuse_tag(node, loc)

    def refuse_tag(self, node: yaml.Node, loc: Loc) -> None:
        tag = node.tag
        shown = "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag
        self.refuse(
            node,
            loc,
            f"uses the YAML tag {shown}: data files hold only plain text, numbers, dates, "
            "lists and 'key: value' lines, so remove the tag (the word starting with !)",
        )


def read_yaml(path: Path, name: str, errors: list[DataError]) -> SourceFile | None:
    """Parse one YAML file; on failure record a DataError and return None."""
    source = SourceFile(name)
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            what = "a link to another file" if stat.S_ISLNK(info.st_mode) else "not an ordinary file"
            errors.append(
                DataError(
                    name,
                    None,
                    "",
                    f"is {what}, so it is not read: put the data itself in data/, as an ordinary YAML file",
                )
            )
            return None
        size = info.st_size
        if size > MAX_FILE_BYTES:
            errors.append(
                DataError(
                    name,
                    None,
                    "",
                    f"is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a data "
                    "file may have: split it into smaller files",
                )
            )
            return None
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        errors.append(DataError(name, None, "", "is not UTF-8 text: save it as UTF-8"))
        return None
    # Parse once (with libyaml when available: many times faster), keep the node tree for
    # line numbers, and build the data from that same tree.
    loader = _Loader(text)
    before = len(errors)
    try:
        node = loader.get_single_node()
        content = _Builder(source, loader, errors, text).build(node, ()) if node is not None else None
    except _Refused as refused:
        errors.append(refused.error)
        return None
    except RecursionError:
        errors.append(
            DataError(
                name,
                None,
                "",
                f"is nested too deeply to read: data files need at most {MAX_DEPTH} levels, so check the indentation",
            )
        )
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML never allows, like U+0000
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        errors.append(
            DataError(
                name,
                line,
                "",
                f"contains {describe_character(char)}, a control character "
                "that YAML does not allow: retype that part of the text",
            )
        )
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if "maximum nesting depth" in problem:  # libyaml stops at 1,000 levels
            errors.append(
                DataError(
                    name,
                    mark.line + 1 if mark else None,
                    "",
                    f"is nested more than {MAX_DEPTH} "
                    "levels deep: data files are never this deep, so check the indentation",
                )
            )
            return None
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
    if len(errors) > before:
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


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated wrappers off a type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union and type(None) in typing.get_args(annotation):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _tagged(annotation: Any) -> dict[str, Any]:
    """The models of a tagged union (tag -> model), or {} for any other type."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is not typing.Union:
        return {}
    out = {}
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            model, *extras = typing.get_args(arg)
            tag = next((e.tag for e in extras if hasattr(e, "tag")), None)
            if tag:
                out[tag] = model
    return out


def _item(annotation: Any) -> Any:
    """The type of one item of a list, or of one value of a mapping."""
    annotation = _unwrap(annotation)
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (list, tuple, set) and args:
        return args[0]
    if typing.get_origin(annotation) is dict and len(args) == 2:
        return args[1]
    return None


def resolve(model: type[BaseModel], loc: Loc) -> tuple[Loc, Any, Any]:
    """Follow a pydantic error location through the models: the location as the file
    shows it (a tagged union's tag, which pydantic adds, taken out), the type reached,
    and the last field's info (for its description)."""
    clean: list[Any] = []
    current: Any = model
    info = None
    index = 0
    while index < len(loc):
        part = loc[index]
        clean.append(part)
        bare = _unwrap(current)
        if isinstance(bare, type) and issubclass(bare, BaseModel) and part in bare.model_fields:
            info = bare.model_fields[part]
            current = info.annotation
        else:
            current = _item(current)
        tags = _tagged(current)
        if tags and index + 1 < len(loc) and loc[index + 1] in tags:
            current = tags[loc[index + 1]]
            index += 1
        index += 1
    return tuple(clean), _unwrap(current), info


def _fields(model: Any) -> list[str]:
    return list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []


def explain(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One pydantic error as a sentence for someone editing YAML."""
    loc, _, field_info = resolve(model, tuple(error["loc"]))
    kind = error["type"]
    value = error.get("input")
    hint = field_info.description if field_info is not None and len(loc) else None
    tail = f": {hint}" if hint else ""
    if kind == NODE_KIND_ERROR:
        if isinstance(value, dict) and "question" in value:
            return "has both question and outcome: a node is either a question or an outcome, so split it in two"
        return "has neither question nor outcome: give it a question (with answers) or an outcome"
    if kind == "missing":
        return f"is missing{tail or ': this field is required'}"
    if kind == "extra_forbidden":
        _, parent, _ = resolve(model, tuple(error["loc"])[:-1])
        allowed = _fields(parent)
        name = str(loc[-1])
        if parent is Question and name in Outcome.model_fields:
            return (
                f"is advice, and a question holds only {', '.join(allowed)}: "
                "move it to an outcome node, where the path ends"
            )
        if parent is Outcome and name in ("answers", "help"):
            return "belongs to a question: an outcome ends the path, so it has no answers"
        close = difflib.get_close_matches(name, allowed, n=1)
        suggestion = f" (did you mean {close[0]}?)" if close else ""
        where = f": the fields allowed here are {', '.join(allowed)}" if allowed else ": remove it"
        return f"is not a field we know{suggestion}{where}"
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
        return f"should be a list, one item per line starting with '- ', but is {_describe_value(value)}{tail}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"should be a group of 'key: value' lines, but is {_describe_value(value)}{tail}"
    if kind.startswith("url_"):
        return (
            f"is {_describe_value(value)}, which is not a web address: write the full address, starting with https://"
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
                f"should be a group of 'key: value' lines at the top, but is {_describe_value(source.content)}",
            )
        )
        return None
    try:
        return model.model_validate(source.content)
    except ValidationError as exc:
        for item in exc.errors(include_url=False):
            loc, _, _ = resolve(model, tuple(item["loc"]))
            errors.append(source.error(loc, explain(item, model)))
        return None


# --- the whole data folder -------------------------------------------------

# Files holding one list of items with ids: (kind, file name, list key, noun, required).
LIST_FILES: tuple[tuple[Kind, str, type[BaseModel], str, bool], ...] = (
    (Kind.topics, "topics.yaml", TopicsFile, "topic", True),
    (Kind.jurisdictions, "jurisdictions.yaml", JurisdictionsFile, "jurisdiction", True),
    (Kind.professions, "professions.yaml", ProfessionsFile, "profession", True),
    (Kind.references, "references.yaml", ReferencesFile, "reference", False),
    (Kind.resources, "resources.yaml", ResourcesFile, "resource", False),
    (Kind.one_pagers, "one-pagers.yaml", OnePagersFile, "one-pager", False),
    (Kind.templates, "templates.yaml", TemplatesFile, "template", False),
    (Kind.study_aids, "study-aids.yaml", StudyAidsFile, "study aid", False),
    (Kind.combinations, "combinations.yaml", CombinationsFile, "combination", False),
)
# Folders holding one file per item: (kind, folder, model, noun, an example file name).
FOLDERS: tuple[tuple[Kind, str, type[BaseModel], str, str, bool], ...] = (
    (Kind.codes, "codes", Code, "code", "aca.yaml", True),
    (Kind.trees, "trees", Tree, "tree", "former-client-relationship.yaml", False),
)


def load(data_dir: Path | str) -> tuple[Dataset, list[DataError]]:
    """Read every data file into a Dataset. Items that fail to load are left out and
    recorded in `Dataset.unreadable`; the errors say why."""
    data_dir = Path(data_dir)
    base = data_dir.parent
    errors: list[DataError] = []
    dataset = Dataset()

    def name_of(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    for kind, folder_name, model, noun, example, required in FOLDERS:
        folder = data_dir / folder_name
        items: dict[str, Any] = getattr(dataset, kind.value)
        if folder.is_symlink():  # it could list, and read, a folder outside data/
            errors.append(
                DataError(
                    name_of(folder),
                    None,
                    "",
                    f"is a link to another folder, so it is not read: keep the {noun} files themselves in it",
                )
            )
            dataset.unreadable.add((kind, ""))
            continue
        if not folder.is_dir():
            if required:
                errors.append(DataError(name_of(folder), None, "", f"is missing: the {noun} folder must exist"))
                dataset.unreadable.add((kind, ""))
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if translation_file(path):  # like gifts.es.yaml: read by load_translations
                continue
            if path.suffix != ".yaml":
                errors.append(
                    DataError(
                        name_of(path),
                        None,
                        "",
                        f"is not read: {noun} files must end in .yaml (rename it, like {example})",
                    )
                )
                continue
            source = read_yaml(path, name_of(path), errors)
            item = validate(source, model, errors) if source is not None else None
            if item is not None and item.id != path.stem:
                errors.append(
                    source.error(
                        ("id",),
                        f"is {item.id!r} but the file is named {path.name}: "
                        f"a {noun}'s id and file name must match (rename one of them)",
                    )
                )
                item = None
            if item is None:
                dataset.unreadable.add((kind, path.stem))
                continue
            items[item.id] = item
            dataset.sources[(kind, item.id)] = source

    for kind, file_name, model, noun, required in LIST_FILES:
        path = data_dir / file_name
        if not (path.is_file() or path.is_symlink()):  # read_yaml refuses a link, saying so
            if required:
                errors.append(DataError(name_of(path), None, "", f"is missing: the {kind.value} file must exist"))
                dataset.unreadable.add((kind, ""))
            continue
        source = read_yaml(path, name_of(path), errors)
        parsed = validate(source, model, errors) if source is not None else None
        if parsed is None:
            dataset.unreadable.add((kind, ""))
            continue
        dataset.sources[(kind, "")] = source
        items = getattr(dataset, kind.value)
        for index, item in enumerate(getattr(parsed, kind.value)):
            if item.id in items:
                errors.append(
                    source.error(
                        (kind.value, index, "id"),
                        f"is {item.id!r}, which another {noun} already uses: every {noun} needs its own id",
                    )
                )
                continue
            items[item.id] = item
        if kind is Kind.one_pagers:
            dataset.one_pagers_reviewed = parsed.reviewed
        if kind is Kind.templates:
            dataset.templates_reviewed = parsed.reviewed

    onboarding = data_dir / "onboarding.yaml"
    if onboarding.is_file() or onboarding.is_symlink():
        source = read_yaml(onboarding, name_of(onboarding), errors)
        dataset.onboarding = validate(source, OnboardingFile, errors) if source is not None else None
        if dataset.onboarding is None:
            dataset.unreadable.add((Kind.onboarding, ""))
        else:
            dataset.sources[(Kind.onboarding, "")] = source
    load_translations(data_dir, dataset, errors, name_of)
    return dataset, errors


def load_translations(data_dir: Path, dataset: Dataset, errors: list[DataError], name_of) -> None:  # noqa: ANN001
    """Read every translation file in data/ into the dataset (read and typed only; the
    cross-file rules are `check_translations`)."""
    trees = data_dir / "trees"
    if trees.is_dir():
        for path in sorted(trees.glob("*.yaml")):
            lang = translation_file(path)
            if lang is None:
                continue
            source = read_yaml(path, name_of(path), errors)
            item = validate(source, TreeTranslation, errors) if source is not None else None
            if item is None:
                continue
            stem = path.name.split(".")[0]
            if item.tree != stem or item.lang != lang:
                errors.append(
                    source.error(
                        ("tree",),
                        f"says tree {item.tree!r}, language {item.lang!r}, but the file is named {path.name}: "
                        f"name it {item.tree}.{item.lang}.yaml",
                    )
                )
                continue
            dataset.tree_translations[(lang, item.tree)] = item
            dataset.translation_sources[("tree", lang, item.tree)] = source
    for lang in LANGUAGES:
        path = data_dir / f"resources.{lang}.yaml"
        if not path.is_file():
            continue
        source = read_yaml(path, name_of(path), errors)
        item = validate(source, ResourcesTranslation, errors) if source is not None else None
        if item is not None:
            dataset.resource_translations[lang] = item
            dataset.translation_sources[("resources", lang, "")] = source
