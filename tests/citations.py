"""Find citations typed by hand in Markdown ("ACA A.5.c", "NASW 1.09(c)", "§729") so a test
can insist each one exists in data/ (prose should use the cite macro instead)."""

from __future__ import annotations

import re

from macros.dataset import Dataset

CODE_CITATION = re.compile(
    r"\b(?P<code>APA|ACA|NASW|AAMFT|NBCC|CAMFT|NAADAC|ICF)\s+(?:[Ss]tandard\s+|[Ss]ection\s+)?"
    r"(?P<section>[A-I]\.\d+(?:\.[a-z])?|\d+\.\d+(?:\([a-z]\))?)"
)
STATUTE_CITATION = re.compile(r"§\s?(?P<section>\d+(?:\.\d+)?(?:\([a-z]\))?)")
MACRO = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def _known(sections: list[str], wanted: str) -> bool:
    return any(s == wanted or s.startswith(wanted + "(") for s in sections)


def unknown_citations(markdown: str, dataset: Dataset) -> list[str]:
    """Hand-written citations in `markdown` that match no provision in the data."""
    text = MACRO.sub("", markdown)
    by_short_name = {code.short_name: code for code in dataset.codes.values()}
    problems = []
    for match in CODE_CITATION.finditer(text):
        code = by_short_name.get(match["code"])
        sections = [p.section for p in code.provisions] if code else []
        if not _known(sections, match["section"]):
            problems.append(match.group(0))
    statutes = [p.section.replace(" ", "") for c in dataset.codes.values()
                if c.kind.value == "statute" for p in c.provisions]
    for match in STATUTE_CITATION.finditer(text):
        if not _known(statutes, "§" + match["section"]):
            problems.append(match.group(0))
    return problems
