"""Bad input in the client and agency data: each case fails with file, line, key path and a fix."""

from __future__ import annotations

from pathlib import Path

from .conftest import line_of, replace_in
from .test_data_errors import only_error


def test_onboarding_step_naming_a_missing_page(data_copy: Path) -> None:
    path = data_copy / "onboarding.yaml"
    line = line_of(path, "  - page: situations/crossings-and-violations.md")
    replace_in(path, "  - page: situations/crossings-and-violations.md", "  - page: situations/crossing.md")
    assert only_error(data_copy) == (
        f"data/onboarding.yaml:{line}: steps[0].page is 'situations/crossing.md', which is not a page in "
        "docs/: give a path like situations/community-encounters.md"
    )


def test_onboarding_step_with_one_question(data_copy: Path) -> None:
    path = data_copy / "onboarding.yaml"
    content = path.read_text(encoding="utf-8")
    start = content.index("    questions:\n")
    end = content.index("\n  - page:", start)
    first_question = content[start:end].split("\n      - ")[1]
    path.write_text(content[:start] + f"    questions:\n      - {first_question}" + content[end:], encoding="utf-8")
    assert only_error(data_copy).endswith(
        "steps[0].questions has 1 item, fewer than the 2 needed: two to five discussion questions for a team meeting"
    )


def test_one_pager_naming_an_unknown_tree(data_copy: Path) -> None:
    path = data_copy / "one-pagers.yaml"
    line = line_of(path, "tree: before-crossing")
    replace_in(path, "tree: before-crossing", "tree: before-crosing")
    assert only_error(data_copy) == (
        f"data/one-pagers.yaml:{line}: one_pagers[0].tree is 'before-crosing', which is not a tree in "
        "data/trees/ (did you mean 'before-crossing'?)"
    )


def test_template_clause_for_an_unknown_profession(data_copy: Path) -> None:
    path = data_copy / "templates.yaml"
    line = line_of(path, "professions: [life-coach]")
    replace_in(path, "professions: [life-coach]", "professions: [life-coaches]")
    error = only_error(data_copy)
    assert error.startswith(f"data/templates.yaml:{line}: templates[0].clauses[")
    assert error.endswith("is 'life-coaches', which is not in data/professions.yaml (did you mean 'life-coach'?)")


def test_template_clause_ids_must_differ(data_copy: Path) -> None:
    path = data_copy / "templates.yaml"
    line = line_of(path, "- id: public-conversations")
    replace_in(path, "- id: public-conversations", "- id: chance-meetings")
    error = only_error(data_copy)
    assert error.startswith(f"data/templates.yaml:{line}: templates[0].clauses[")
    assert "is 'chance-meetings', which clauses[" in error and "each clause in a template needs its own id" in error


def test_tree_citing_an_unknown_resource(data_copy: Path) -> None:
    path = data_copy / "trees" / "something-felt-wrong.yaml"
    line = line_of(path, "{resource: lifeline-988}")
    replace_in(path, "{resource: lifeline-988}", "{resource: lifeline-998}")
    error = only_error(data_copy)
    assert error.startswith(f"data/trees/something-felt-wrong.yaml:{line}: nodes.get-help-now.cites[0].resource")
    assert error.endswith("is 'lifeline-998', which is not in data/resources.yaml (did you mean 'lifeline-988'?)")


def test_resource_with_markup_is_refused(data_copy: Path) -> None:
    path = data_copy / "resources.yaml"
    line = line_of(path, "    name: Filing a Complaint")
    replace_in(path, "    name: Filing a Complaint", "    name: Filing a <b>Complaint</b>")
    error = only_error(data_copy)
    assert error.startswith(f"data/resources.yaml:{line}: resources[")
    assert "contains HTML markup" in error


def test_resource_needs_a_note_unless_confirmed(data_copy: Path) -> None:
    path = data_copy / "resources.yaml"
    content = path.read_text(encoding="utf-8")
    start = content.index("  - id: bop-file-complaint")
    block_end = content.index("\n  - id:", start + 5)
    block = content[start:block_end].replace("status: confirmed", "status: secondary")
    path.write_text(content[:start] + block + content[block_end:], encoding="utf-8")
    error = only_error(data_copy)
    assert error.startswith("data/resources.yaml:") and ".status_note is missing: say what is uncertain" in error
