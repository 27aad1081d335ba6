"""The pages made from data: one per topic, code, tree, profession and jurisdiction,
one-pager and profession's templates.

They exist only at build time (`hooks/generated_pages.py` adds them to MkDocs'
files), so editing data never means regenerating a file: the title, description and
review date come from the data on every build. Hand prose for a generated page, where
one is wanted, lives in `includes/pages/<path>` (see `prose_path`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import urls
from .dataset import Dataset
from .models import Code

PROSE_DIR = Path("includes") / "pages"


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative, like compare/gifts.md
    title: str
    description: str
    reviewed: date | None
    call: str  # the one macro call that renders the page's body
    data_file: str  # the file an editor changes, like data/codes/aca.yaml
    search_boost: float | None = None
    hide_toc: bool = False
    hide_navigation: bool = False  # a long page whose own contents matter more than the sidebar
    before: str = ""  # Markdown between the title and the prose or call (a compare page's sections)

    def markdown(self, prose: str | None = None) -> str:
        """The page as MkDocs reads it: front matter, the title, then the prose (which may
        place the macro call itself) or just the call."""
        meta = [
            f"title: {json.dumps(self.title, ensure_ascii=False)}",
            f"description: {json.dumps(self.description, ensure_ascii=False)}",
        ]
        if self.reviewed:
            meta.append(f"reviewed: {self.reviewed.isoformat()}")
        if self.search_boost:
            meta.append(f"search:\n  boost: {self.search_boost:g}")
        meta.append("render_macros: true")
        hidden = [name for name, on in (("navigation", self.hide_navigation), ("toc", self.hide_toc)) if on]
        if hidden:
            meta.append("hide:\n" + "\n".join(f"  - {name}" for name in hidden))
        body = prose.strip() if prose else ""
        if self.call not in body:
            body = f"{body}\n\n{self.call}" if body else self.call
        if self.before:
            body = f"{self.before}\n\n{body}"
        return "---\n" + "\n".join(meta) + "\n---\n\n# " + inert(self.title) + "\n\n" + body + "\n"


# Markdown's own escapes make punctuation literal (and keep `{{` from starting a macro);
# `&` and `<` become entities. A heading stays plain text in the table of contents too.
_HEADING = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()>#+-.!"}, "&": "&amp;", "<": "&lt;"})


def inert(text: str) -> str:
    """Text for a Markdown heading that no later pass can read as syntax."""
    return text.translate(_HEADING)


def _call(macro: str, *args: str) -> str:
    return "{{ " + macro + "(" + ", ".join(json.dumps(a) for a in args) + ") }}"


def _oldest_check(codes: list[Code]) -> date | None:
    """A generated page is as current as the least recently checked code it shows."""
    return min(code.verified_on for code in codes) if codes else None


def _compare_sections(topic_id: str) -> str:
    """A compare page's first sections, so its contents list them: the codes in short (as
    chapters embed them), then the full table under its own heading."""
    short = "{{ codes_in_short(" + json.dumps(topic_id) + ", False) }}"
    return f"## In short {{ #in-short }}\n\n{short}\n\n## Every code, side by side {{ #side-by-side }}"


def code_title(code: Code) -> str:
    """'ACA Code of Ethics', or 'Ethical Principles ... (APA)' when the name lacks the abbreviation."""
    return code.name if code.short_name in code.name else f"{code.name} ({code.short_name})"


def generated_pages(dataset: Dataset) -> list[GeneratedPage]:
    """Every page made from data, in a stable order."""
    pages = []
    for topic in dataset.topics.values():
        shown = list({code.id: code for code, _ in dataset.provisions_on(topic.id)}.values())
        pages.append(
            GeneratedPage(
                urls.source_path(urls.topic(topic.id)),
                topic.title,
                topic.summary,
                _oldest_check(shown),
                _call("comparison_table", topic.id),
                "data/topics.yaml",
                topic.search_boost,
                before=_compare_sections(topic.id),
            )
        )
    for code in dataset.codes.values():
        pages.append(
            GeneratedPage(
                urls.source_path(urls.code(code.id)),
                code_title(code),
                f"What the {code.name} ({code.version}) says about multiple relationships and boundaries, "
                "section by section, with links to the official text.",
                code.verified_on,
                _call("code_page", code.id),
                f"data/codes/{code.id}.yaml",
            )
        )
    for tree in dataset.trees.values():
        pages.append(
            GeneratedPage(
                urls.source_path(urls.tree(tree.id, tree.readers.value)),
                tree.title,
                tree.intro,
                tree.reviewed,
                _call("decision_tree", tree.id),
                f"data/trees/{tree.id}.yaml",
                tree.search_boost,
                hide_toc=True,
            )
        )
    for profession, jurisdiction in dataset.rules_pages():
        binding = [dataset.codes[r.code] for r in profession.applies[jurisdiction.id] if r.code in dataset.codes]
        pages.append(
            GeneratedPage(
                urls.source_path(urls.rules(profession.id, jurisdiction.id)),
                f"Rules for {profession.plural} {jurisdiction.where}",
                f"The codes of ethics and laws that bind or guide {profession.plural} {jurisdiction.where}, "
                "and what each says, topic by topic.",
                _oldest_check(binding),
                _call("rules_for", profession.id, jurisdiction.id),
                "data/professions.yaml",
                hide_navigation=True,
            )
        )
    credentials = dataset.credentials() if dataset.combinations else {}
    for combination in dataset.combinations.values():
        held = [credentials[c] for c in combination.credentials if c in credentials]
        binding = [dataset.codes[code_id] for c in held for code_id in c.binds]
        pages.append(
            GeneratedPage(
                urls.source_path(urls.combination(combination.id)),
                f"Rules for: {combination.title}",
                f"The codes of ethics and laws that bind a reader who is {combination.title}, "
                "topic by topic, with the strictest named where waiting periods differ.",
                _oldest_check(list({c.id: c for c in binding}.values())),
                _call("combination_page", combination.id),
                "data/combinations.yaml",
            )
        )
    for summary in dataset.one_pagers.values():
        pages.append(
            GeneratedPage(
                urls.source_path(urls.one_pager(summary.id)),
                f"One-page summary: {summary.title}",
                f"A printable one-page summary for staff: {summary.gist}",
                dataset.one_pagers_reviewed,
                _call("one_pager", summary.id),
                "data/one-pagers.yaml",
            )
        )
    if dataset.templates:
        names = " and ".join(t.title.lower() for t in dataset.templates.values())
        for profession in dataset.professions.values():
            pages.append(
                GeneratedPage(
                    urls.source_path(urls.templates(profession.id)),
                    f"Informed consent and policy templates for {profession.plural}",
                    f"Wording for {profession.plural} to adapt: {names}.",
                    dataset.templates_reviewed,
                    _call("templates_for", profession.id),
                    "data/templates.yaml",
                )
            )
    return pages


def translated_pages(dataset: Dataset, language: str) -> list[GeneratedPage]:
    """The pages made from data in another language: each translated tree's page, at the
    English page's path with the language before `.md` (clients/something-felt-wrong.es.md),
    as mkdocs-static-i18n names a translation."""
    pages = []
    for (lang, tree_id), text in sorted(dataset.tree_translations.items()):
        tree = dataset.trees.get(tree_id)
        if lang != language or tree is None:
            continue
        english = urls.source_path(urls.tree(tree.id, tree.readers.value))
        pages.append(
            GeneratedPage(
                english.removesuffix(".md") + f".{lang}.md",
                text.title.es,
                text.intro.es,
                tree.reviewed,
                _call("decision_tree", tree.id),
                f"data/trees/{tree.id}.{lang}.yaml",
                tree.search_boost,
                hide_toc=True,
            )
        )
    return pages


def prose_path(project_dir: Path, page: GeneratedPage) -> Path:
    """Where optional hand-written prose for a generated page lives."""
    return project_dir / PROSE_DIR / page.path


def page_sources(dataset: Dataset, project_dir: Path) -> dict[str, str]:
    """Every generated page's Markdown, hand prose included: path -> source."""
    out = {}
    for page in generated_pages(dataset):
        prose = prose_path(project_dir, page)
        out[page.path] = page.markdown(prose.read_text(encoding="utf-8") if prose.is_file() else None)
    return out
