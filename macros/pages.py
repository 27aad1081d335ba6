"""Page stubs for generated pages: one per topic (compare/<id>.md) and per code
(codes/<id>.md). Each stub is front matter and a heading taken from the data,
then one macro call; editors may add prose after the heading.

`make pages` writes missing stubs and refreshes their headers; a test fails when
a stub is missing or its header no longer matches the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .loading import Dataset, load_dataset
from .models import Code, Profession, Topic
from .trees import Tree


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _boost(value: float | None) -> str:
    return f"search:\n  boost: {value:g}\n" if value else ""


def _oldest_check(codes: list[Code]) -> str:
    """A generated page is as current as the least recently checked code it shows."""
    return min(code.verified_on for code in codes).isoformat() if codes else ""


def topic_header(topic: Topic, codes: list[Code] | None = None) -> str:
    return (
        "---\n"
        f"title: {_yaml_text(topic.title)}\n"
        f"reviewed: {_oldest_check(codes or [])}\n"
        f"description: {_yaml_text(topic.summary)}\n"
        f"{_boost(topic.search_boost)}"
        "render_macros: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# {topic.title}\n"
    )


def code_title(code: Code) -> str:
    """'ACA Code of Ethics', or 'Ethical Principles ... (APA)' when the name lacks the abbreviation."""
    return code.name if code.short_name in code.name else f"{code.name} ({code.short_name})"


def code_header(code: Code) -> str:
    return (
        "---\n"
        f"title: {_yaml_text(code_title(code))}\n"
        f"reviewed: {code.verified_on.isoformat()}\n"
        f"description: {_yaml_text(f'What the {code.name} ({code.version}) says about multiple relationships and boundaries, section by section, with links to the official text.')}\n"
        "render_macros: true\n"
        "---\n\n"
        f"# {code_title(code)}\n"
    )


def tree_header(tree: Tree) -> str:
    return (
        "---\n"
        f"title: {_yaml_text(tree.title)}\n"
        f"reviewed: {tree.reviewed.isoformat()}\n"
        f"description: {_yaml_text(tree.intro)}\n"
        f"{_boost(tree.search_boost)}"
        "render_macros: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# {tree.title}\n"
    )


JURISDICTION_TITLES = {"national": "anywhere in the United States", "california": "in California"}


def rules_header(profession: Profession, jurisdiction: str, codes: list[Code] | None = None) -> str:
    where = JURISDICTION_TITLES[jurisdiction]
    title = f"Rules for {profession.plural} {where}"
    return (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        f"reviewed: {_oldest_check(codes or [])}\n"
        f"description: {_yaml_text(f'The codes of ethics and laws that bind or guide {profession.plural} {where}, and what each says, topic by topic.')}\n"
        "render_macros: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# {title}\n"
    )


def simple_header(title: str, reviewed: str, description: str, boost: float | None = None) -> str:
    return (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        f"reviewed: {reviewed}\n"
        f"description: {_yaml_text(description)}\n"
        f"{_boost(boost)}"
        "render_macros: true\n"
        "---\n\n"
        f"# {title}\n"
    )


def expected_pages(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """docs-relative path -> (header, macro call) for every generated page."""
    pages = {}
    for topic in dataset.topics.values():
        shown = list({code.id: code for code, _ in dataset.provisions_on(topic.id)}.values())
        pages[f"compare/{topic.id}.md"] = (topic_header(topic, shown), f'{{{{ comparison_table("{topic.id}") }}}}')
    for code in dataset.codes.values():
        pages[f"codes/{code.id}.md"] = (code_header(code), f'{{{{ code_page("{code.id}") }}}}')
    for tree in dataset.trees.values():
        folder = "clients" if tree.readers.value == "clients" else "decide"
        pages[f"{folder}/{tree.id}.md"] = (tree_header(tree), f'{{{{ decision_tree("{tree.id}") }}}}')
    for profession in dataset.professions.values():
        for jurisdiction in JURISDICTION_TITLES:
            binding = [dataset.codes[rule.code] for rule in getattr(profession, jurisdiction)]
            pages[f"apply/{profession.id}-{jurisdiction}.md"] = (
                rules_header(profession, jurisdiction, binding),
                f'{{{{ rules_for("{profession.id}", "{jurisdiction}") }}}}',
            )
    if dataset.one_pagers:
        reviewed = dataset.reviewed["one_pagers"].isoformat()
        for summary in dataset.one_pagers.values():
            pages[f"agencies/one-pagers/{summary.id}.md"] = (
                simple_header(f"One-page summary: {summary.title}", reviewed,
                              f"A printable one-page summary for staff: {summary.gist}"),
                f'{{{{ one_pager("{summary.id}") }}}}',
            )
    if dataset.templates:
        reviewed = dataset.reviewed["templates"].isoformat()
        names = " and ".join(t.title.lower() for t in dataset.templates.values())
        for profession in dataset.professions.values():
            pages[f"agencies/templates/{profession.id}.md"] = (
                simple_header(f"Templates for {profession.plural}", reviewed,
                              f"Wording for {profession.plural} to adapt: {names}."),
                f'{{{{ templates_for("{profession.id}") }}}}',
            )
    return pages


def stale_pages(docs: Path, dataset: Dataset) -> list[str]:
    """Sentences naming each stub that is missing, out of date, or lacks its macro call."""
    problems = []
    for rel, (header, call) in expected_pages(dataset).items():
        path = docs / rel
        if not path.is_file():
            problems.append(f"docs/{rel} is missing: run `make pages`")
            continue
        content = path.read_text(encoding="utf-8")
        if not content.startswith(header):
            problems.append(f"docs/{rel} has an out-of-date title or description: run `make pages`")
        if call not in content:
            problems.append(f"docs/{rel} does not call {call}")
    return problems


def write_pages(docs: Path, dataset: Dataset) -> list[str]:
    """Create missing stubs and refresh headers, keeping any prose after the heading."""
    written = []
    for rel, (header, call) in expected_pages(dataset).items():
        path = docs / rel
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            if content.startswith(header):
                continue
            # Keep everything after the first heading line.
            lines = content.splitlines(keepends=True)
            heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
            body = "".join(lines[heading + 1:]) if heading is not None else f"\n{call}\n"
            content = header + body
        else:
            content = header + f"\n{call}\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(f"docs/{rel}")
    return written


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
    dataset = load_dataset(root / "data")
    for name in write_pages(root / "docs", dataset):
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
