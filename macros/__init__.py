"""The mkdocs-macros adapter: the only module here that knows about MkDocs.

It loads and checks `data/` once, when the configuration is read, before any
page is rendered; a data problem stops the build with the full list of errors.
Rendering lives in `macros.rendering`, which imports nothing from MkDocs.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    """Called by mkdocs-macros: expose the renderers as macros, one per generated block."""
    from mkdocs.exceptions import PluginError
    from mkdocs.utils import get_relative_url

    from . import rendering
    from .errors import DataErrors
    from .loading import load_dataset

    try:
        dataset = load_dataset(Path(env.project_dir) / "data")
    except DataErrors as exc:
        raise PluginError(exc.report("; no page was built")) from None

    def link(target: str) -> str:
        """A site-relative address (like 'compare/x/') as seen from the page being rendered."""
        return get_relative_url(target, env.page.url)

    @env.macro
    def comparison_table(topic_id: str) -> str:
        """The comparison table for one topic in data/topics.yaml."""
        return rendering.comparison_table(dataset, topic_id)

    @env.macro
    def cite(code_id: str, section: str) -> str:
        """An inline citation of one provision, like cite("aca", "A.5.c")."""
        return rendering.citation(dataset, code_id, section, link)

    @env.macro
    def code_page(code_id: str) -> str:
        """The body of a code's own page."""
        return rendering.code_page(dataset, code_id, link)

    @env.macro
    def topics_index() -> str:
        """The table of all comparison topics."""
        return rendering.topics_index(dataset, link)

    @env.macro
    def codes_index() -> str:
        """The table of all codes and laws."""
        return rendering.codes_index(dataset, link)

    @env.macro
    def rules_for(profession_id: str, jurisdiction: str) -> str:
        """The body of a "rules that apply to me" page."""
        return rendering.rules_for(dataset, profession_id, jurisdiction, link)

    @env.macro
    def profession_chooser() -> str:
        """Links to every profession and jurisdiction page."""
        return rendering.profession_chooser(dataset, link)

    @env.macro
    def decision_tree(tree_id: str) -> str:
        """A decision tree: stepper with JavaScript, linked sections without, outline on paper."""
        return rendering.decision_tree(dataset, tree_id, link)

    @env.macro
    def trees_index() -> str:
        """The list of every decision tree."""
        return rendering.trees_index(dataset, link)
