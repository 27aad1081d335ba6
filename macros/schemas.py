"""JSON Schemas for editors, generated from the models.

`python -m macros.schemas` rewrites data/schemas/*.schema.json; a test fails
when the committed files are out of date.

The schemas are JSON Schema draft-07, the newest draft the editors' YAML extension
(redhat yaml-language-server) fully supports. pydantic writes draft 2020-12, so
`draft_07` rewrites the few places where the two differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .models import (
    Code,
    CombinationsFile,
    JurisdictionsFile,
    OnboardingFile,
    OnePagersFile,
    ProfessionsFile,
    ReferencesFile,
    ResourcesFile,
    StudyAidsFile,
    TemplatesFile,
    TopicsFile,
    Tree,
)
from .models.translations import ResourcesTranslation, TreeTranslation

SCHEMAS = {
    "code.schema.json": (Code, "A code of ethics or a law: data/codes/<id>.yaml"),
    "topics.schema.json": (TopicsFile, "The comparison topics: data/topics.yaml"),
    "professions.schema.json": (ProfessionsFile, "Who is bound by what: data/professions.yaml"),
    "jurisdictions.schema.json": (JurisdictionsFile, "Where codes and laws apply: data/jurisdictions.yaml"),
    "tree.schema.json": (Tree, "A decision tree: data/trees/<id>.yaml"),
    "references.schema.json": (ReferencesFile, "Books and articles cited: data/references.yaml"),
    "resources.schema.json": (ResourcesFile, "Boards, brochures and directories for clients: data/resources.yaml"),
    "onboarding.schema.json": (OnboardingFile, "The onboarding reading path: data/onboarding.yaml"),
    "one-pagers.schema.json": (OnePagersFile, "One-page summaries of the situations: data/one-pagers.yaml"),
    "study-aids.schema.json": (StudyAidsFile, "Hosts that are never a source: data/study-aids.yaml"),
    "templates.schema.json": (TemplatesFile, "Consent and policy templates: data/templates.yaml"),
    "combinations.schema.json": (CombinationsFile, "Common combinations of credentials: data/combinations.yaml"),
    "tree-translation.schema.json": (TreeTranslation, "A tree's text in another language: data/trees/<id>.es.yaml"),
    "resources-translation.schema.json": (
        ResourcesTranslation,
        "The resources' names and descriptions in another language: data/resources.es.yaml",
    ),
}


DRAFT = "http://json-schema.org/draft-07/schema#"
DEFINITIONS = "definitions"  # draft-07's name for pydantic's $defs


def draft_07(node: Any) -> Any:
    """Rewrite a pydantic schema (or part of one) as draft-07 reads it."""
    if isinstance(node, list):
        return [draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: draft_07(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        # draft-07 ignores every keyword beside $ref, so the description would never show.
        node = {"allOf": [{"$ref": node.pop("$ref")}], **node}
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1 and "additionalProperties" not in node:
        # A mapping with id keys (a tree's nodes): pydantic writes patternProperties, which
        # leaves a key of the wrong form unchecked; name the key rule and the value schema.
        ((pattern, value),) = patterns.items()
        del node["patternProperties"]
        node["propertyNames"] = {"pattern": pattern}
        node["additionalProperties"] = value
    return node


def render_schemas() -> dict[str, str]:
    """File name -> JSON text of each schema."""
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema(ref_template=f"#/{DEFINITIONS}/{{model}}")
        schema = {DEFINITIONS if key == "$defs" else key: value for key, value in schema.items()}
        schema = {
            "$schema": DRAFT,
            "title": title,
            **{k: v for k, v in draft_07(schema).items() if k != "title"},
        }
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/schemas")
    target.mkdir(parents=True, exist_ok=True)
    for name, content in render_schemas().items():
        (target / name).write_text(content, encoding="utf-8")
        print(f"wrote {target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
