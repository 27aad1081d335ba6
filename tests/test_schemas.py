"""JSON Schemas for editors: up to date, wired into VS Code, and agreeing with the data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from macros.models import HTTPS_PATTERN, SLUG_PATTERN
from macros.schemas import DRAFT, render_schemas

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "data" / "schemas"
URL_FIELDS = {"source_url", "official_url", "url"}  # checked_against holds sources, each with a url


def _mapping() -> dict[str, list[str]]:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    return settings["yaml.schemas"]


def _files(patterns: list[str]) -> set[Path]:
    """The files a schema's patterns cover: the globs, less those a `!` pattern excludes
    (as the YAML extension reads them: `!data/trees/*.es.yaml` keeps translations out)."""
    covered = {path for pattern in patterns if not pattern.startswith("!") for path in ROOT.glob(pattern)}
    return covered - {path for pattern in patterns if pattern.startswith("!") for path in ROOT.glob(pattern[1:])}


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _validator(name: str) -> jsonschema.protocols.Validator:
    # The validator of the draft the schema declares: draft-07, which the editors' YAML
    # extension supports (it does not fully support 2020-12).
    schema = _schema(name)
    cls = jsonschema.validators.validator_for(schema, default=None)
    assert cls is jsonschema.Draft7Validator, f"{name} declares {schema.get('$schema')!r}, not draft-07"
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _load(path: Path) -> object:
    # JSON Schema sees YAML dates as strings, as an editor does.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (place, field name, field schema) in a schema, nested models included."""
    if isinstance(node, dict):
        for name, field in (node.get("properties") or {}).items():
            if isinstance(field, dict):
                yield where, name, field
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}/{index}")


def _strings(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The string schemas a field allows (itself, its list items, its anyOf branches)."""
    out = []
    for part in [field, field.get("items") or {}, *field.get("anyOf", [])]:
        if part.get("type") == "string":
            out.append(part)
        if isinstance(part.get("items"), dict) and part["items"] is not field.get("items"):
            out += _strings(part["items"])
    return out


def test_committed_schemas_are_up_to_date() -> None:
    for name, content in render_schemas().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == content, f"data/schemas/{name} is stale: run `make schemas`"


def test_vscode_maps_every_schema_to_its_files() -> None:
    mapping = _mapping()
    assert mapping["./data/schemas/code.schema.json"] == ["data/codes/*.yaml"]
    assert mapping["./data/schemas/topics.schema.json"] == ["data/topics.yaml"]
    assert mapping["./data/schemas/professions.schema.json"] == ["data/professions.yaml"]
    for schema_path in mapping:
        assert (ROOT / schema_path).is_file(), schema_path
    assert {Path(p).name for p in mapping} == set(render_schemas()), "a schema is not mapped in .vscode/settings.json"
    mapped = {path for patterns in mapping.values() for path in _files(patterns)}
    data_files = set((ROOT / "data").glob("*.yaml")) | set((ROOT / "data").glob("*/*.yaml"))
    assert data_files - mapped == set(), "data files no schema covers"


@pytest.mark.parametrize("name", sorted(render_schemas()))
def test_every_schema_declares_draft_07(name: str) -> None:
    schema = _schema(name)
    assert schema["$schema"] == DRAFT == "http://json-schema.org/draft-07/schema#"
    text = json.dumps(schema)
    assert "$defs" not in text, f"{name}: draft-07 names shared parts 'definitions'"
    for keyword in ("prefixItems", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "$anchor"):
        assert keyword not in text, f"{name} uses {keyword}, which draft-07 does not have"


def test_real_data_passes_the_editor_schemas() -> None:
    checked = 0
    for schema_path, patterns in _mapping().items():
        validator = _validator(Path(schema_path).name)
        for path in sorted(_files(patterns)):
            found = validator.iter_errors(_load(path))
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]
            assert errors == [], f"{path.relative_to(ROOT)}: {errors}"
            checked += 1
    assert checked >= 20


def test_every_field_has_a_description() -> None:
    for name in render_schemas():
        for where, field_name, field in _properties(_schema(name)):
            if "/if" in where or "/else" in where or "/then" in where:
                continue  # conditions name fields already described
            assert field.get("description"), f"{name}: {where}/{field_name} has no description for the editor to show"


def test_ids_and_addresses_carry_their_pattern() -> None:
    assert HTTPS_PATTERN == "^https://"
    ids = urls = 0
    for name in render_schemas():
        for where, field_name, field in _properties(_schema(name)):
            if "/if" in where or "/else" in where or "/then" in where:
                continue
            strings = _strings(field)
            if field_name == "id" or field_name == "next" or field_name == "start":
                assert [s.get("pattern") for s in strings] == [SLUG_PATTERN], f"{name}: {where}/{field_name}"
                ids += 1
            if field_name in URL_FIELDS:
                assert strings, f"{name}: {where}/{field_name}"
                assert all(s.get("pattern") == HTTPS_PATTERN for s in strings), f"{name}: {where}/{field_name}"
                urls += 1
    assert ids >= 10 and urls >= 6


def test_editor_schema_underlines_a_mistake() -> None:
    document = _load(ROOT / "data" / "codes" / "aca.yaml")
    document["provisions"][0]["waiting_periods"] = document["provisions"][0].pop("waiting_period")
    del document["provisions"][0]["section"]
    document["provisions"][0]["source_url"] = "http://www.counseling.org/"
    document["provisions"][0]["status"] = "secondary"
    document["provisions"][0].pop("status_note", None)
    document["id"] = "Aca"
    messages = [e.message for e in _validator("code.schema.json").iter_errors(document)]
    assert any("'section' is a required property" in m for m in messages), messages
    assert any("'waiting_periods' was unexpected" in m for m in messages), messages
    assert any(f"does not match {HTTPS_PATTERN!r}" in m for m in messages), messages
    assert any("'status_note' is a required property" in m for m in messages), messages
    assert any("'Aca' does not match" in m for m in messages), messages


def test_editor_schema_knows_a_tree_node_by_its_kind() -> None:
    validator = _validator("tree.schema.json")
    document = _load(ROOT / "data" / "trees" / "unexpected-encounter.yaml")
    assert list(validator.iter_errors(document)) == []
    question = next(node_id for node_id, node in document["nodes"].items() if "question" in node)
    outcome = next(node_id for node_id, node in document["nodes"].items() if "outcome" in node)
    document["nodes"][question]["answers"] = document["nodes"][question]["answers"][:1]
    document["nodes"][outcome].pop("cites")
    document["nodes"]["Bad Id"] = document["nodes"][outcome]
    paths = {"/".join(map(str, e.absolute_path)) for e in validator.iter_errors(document)}
    assert f"nodes/{question}" in paths, paths  # one answer: neither kind fits
    assert f"nodes/{outcome}" in paths, paths  # no cites
    assert "nodes" in paths, paths  # the id 'Bad Id'


def test_editor_schema_wants_one_kind_of_citation() -> None:
    validator = _validator("one-pagers.schema.json")
    document = _load(ROOT / "data" / "one-pagers.yaml")
    document["one_pagers"][0]["cites"] = [{"code": "apa", "section": "3.05(a)", "reference": "kitchener-1988"}]
    assert [e.validator for e in validator.iter_errors(document)] == ["oneOf"]
    document["one_pagers"][0]["cites"] = [{"code": "apa"}]
    assert [e.validator for e in validator.iter_errors(document)] == ["oneOf"]
