"""Find citations typed by hand in Markdown ("ACA A.5.c", "NASW 1.09(c)", "§729") so a test
can insist each one exists in data/ (prose should use the cite macro instead).

The code names come from data/codes/ (each code's short_name), not from a list here, so
a code added to the data is scanned for as soon as it exists."""

from __future__ import annotations

import re

from macros.dataset import Dataset

SECTION = r"(?:[Ss]tandard\s+|[Ss]ection\s+)?(?P<section>[A-I]\.\d+(?:\.[a-z])?|\d+\.\d+(?:\([a-z]\))?)"
STATUTE_CITATION = re.compile(r"§\s?(?P<section>\d+(?:\.\d+)?(?:\([a-z]\))?)")
MACRO = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def code_citation(dataset: Dataset) -> re.Pattern[str]:
    """'<short name> <section>' for every code with sections cited by number (laws and
    regulations, whose sections are written with §, are found by STATUTE_CITATION)."""
    names = sorted(
        (c.short_name for c in dataset.codes.values() if any("§" not in p.section for p in c.provisions)),
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"  # no code: match nothing
    return re.compile(r"\b(?P<code>" + alternatives + r")\s+" + SECTION)


def _known(sections: list[str], wanted: str) -> bool:
    return any(s == wanted or s.startswith(wanted + "(") for s in sections)


def unknown_citations(markdown: str, dataset: Dataset) -> list[str]:
    """Hand-written citations in `markdown` that match no provision in the data."""
    text = MACRO.sub("", markdown)
    by_short_name = {code.short_name: code for code in dataset.codes.values()}
    problems = []
    for match in code_citation(dataset).finditer(text):
        code = by_short_name[match["code"]]
        if not _known([p.section for p in code.provisions], match["section"]):
            problems.append(match.group(0))
    # "§ 4982(k)" as the law writes it; "tit. 9, § 13065(a)" (a regulation) as "§ 13065(a)".
    statutes = [
        p.section[p.section.index("§") :].replace(" ", "")
        for c in dataset.codes.values()
        for p in c.provisions
        if "§" in p.section
    ]
    for match in STATUTE_CITATION.finditer(text):
        if not _known(statutes, "§" + match["section"]):
            problems.append(match.group(0))
    return problems
