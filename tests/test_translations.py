"""Data in other languages (macros/models/translations.py): a missing, outdated or extra
Spanish text fails the check, naming the file, the node and the field; every word the
templates write has its Spanish."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.errors import DataErrors
from macros.render.strings import SPANISH
from macros.validate import load_dataset

from .conftest import ROOT

TREE = "data/trees/something-felt-wrong.yaml"
SPANISH_TREE = "data/trees/something-felt-wrong.es.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def problems(project: Path) -> list[str]:
    try:
        load_dataset(project / "data")
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_translations_pass() -> None:
    dataset = load_dataset(ROOT / "data")
    assert ("es", "something-felt-wrong") in dataset.tree_translations
    assert "es" in dataset.resource_translations


def test_an_english_edit_makes_the_spanish_out_of_date(project: Path) -> None:
    edit(project, TREE, "Which of these is closest to what happened?", "Which of these is most like what happened?")
    found = problems(project)
    assert len(found) == 1, found
    assert found[0].startswith(SPANISH_TREE + ":")
    assert "what-was-it-like" in found[0] and "question" in found[0] and "out of date" in found[0]


def test_a_new_english_answer_needs_its_spanish(project: Path) -> None:
    edit(
        project,
        TREE,
        "      - label: No, nothing like that\n        next: what-was-it-like\n",
        "      - label: No, nothing like that\n        next: what-was-it-like\n"
        "      - label: I do not want to say\n        next: what-was-it-like\n",
    )
    found = problems(project)
    assert any("sexual-contact" in p and "answers" in p and "has 3 items" in p for p in found), found


def test_a_node_without_spanish_is_named(project: Path) -> None:
    path = project / SPANISH_TREE
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  get-help-now:")
    end = text.index("\n  never-your-fault:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems(project)
    assert any("get-help-now" in p and "has no Spanish text for node" in p for p in found), found


def test_a_node_the_english_no_longer_has_is_refused(project: Path) -> None:
    edit(project, SPANISH_TREE, "nodes:\n", 'nodes:\n  gone-node:\n    outcome: {en: "Old", es: "Viejo"}\n')
    found = problems(project)
    assert any("gone-node" in p and "not a node of the English tree" in p for p in found), found


def test_markup_or_template_syntax_in_spanish_is_refused(project: Path) -> None:
    edit(project, SPANISH_TREE, 'es: "Sí, necesito ayuda ahora"', 'es: "Sí, <b>necesito</b> ayuda {{ ahora }}"')
    found = problems(project)
    assert any(p.startswith(SPANISH_TREE) and "answers" in p for p in found), found


def test_a_spanish_page_linking_a_resource_without_spanish_text_is_named(project: Path) -> None:
    edit(project, "data/resources.es.yaml", "  rainn-hotline:\n", "  rainn-hotline-old:\n")
    found = problems(project)
    assert any("rainn-hotline" in p and ".es.md" in p and "no Spanish text" in p for p in found), found


def test_every_word_the_templates_write_has_spanish() -> None:
    used = set()
    for template in (ROOT / "macros" / "render" / "templates").glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([^"']+)["']\s*\)""", template.read_text(encoding="utf-8")))
    assert used, "no template calls t(): the scan is broken"
    assert sorted(used - set(SPANISH)) == [], "template words with no Spanish in macros/render/strings.py"
