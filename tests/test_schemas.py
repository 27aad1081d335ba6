"""JSON Schemas for editors: up to date, wired into VS Code, and agreeing with the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from macros.schemas import render_schemas

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "data" / "schemas"


def test_committed_schemas_are_up_to_date() -> None:
    for name, content in render_schemas().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == content, f"data/schemas/{name} is stale: run `make schemas`"


def test_vscode_maps_every_schema_to_its_files() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./data/schemas/code.schema.json"] == ["data/codes/*.yaml"]
    assert mapping["./data/schemas/topics.schema.json"] == ["data/topics.yaml"]
    assert mapping["./data/schemas/professions.schema.json"] == ["data/professions.yaml"]
    for schema_path in mapping:
        assert (ROOT / schema_path).is_file(), schema_path


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _load(path: Path) -> object:
    # JSON Schema sees YAML dates as strings, as an editor does.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_real_data_passes_the_editor_schemas() -> None:
    code_validator = _validator("code.schema.json")
    for path in sorted((ROOT / "data" / "codes").glob("*.yaml")):
        errors = [e.message for e in code_validator.iter_errors(_load(path))]
        assert errors == [], f"{path.name}: {errors}"
    assert list(_validator("topics.schema.json").iter_errors(_load(ROOT / "data" / "topics.yaml"))) == []
    assert list(_validator("professions.schema.json").iter_errors(
        _load(ROOT / "data" / "professions.yaml"))) == []


def test_editor_schema_underlines_a_mistake() -> None:
    document = _load(ROOT / "data" / "codes" / "aca.yaml")
    document["provisions"][0]["waiting_periods"] = document["provisions"][0].pop("waiting_period")
    del document["provisions"][0]["section"]
    messages = [e.message for e in _validator("code.schema.json").iter_errors(document)]
    assert any("'section' is a required property" in m for m in messages), messages
    assert any("'waiting_periods' was unexpected" in m for m in messages), messages
