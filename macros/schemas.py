"""JSON Schemas for editors, generated from the models.

`python -m macros.schemas` rewrites data/schemas/*.schema.json; a test fails
when the committed files are out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import (
    Code,
    JurisdictionsFile,
    OnboardingFile,
    OnePagersFile,
    ProfessionsFile,
    ReferencesFile,
    ResourcesFile,
    TemplatesFile,
    TopicsFile,
    Tree,
)

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
    "templates.schema.json": (TemplatesFile, "Consent and policy templates: data/templates.yaml"),
}


def render_schemas() -> dict[str, str]:
    """File name -> JSON text of each schema."""
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            **{k: v for k, v in schema.items() if k != "title"},
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
