"""The mkdocs-macros adapter: the only module here that knows about MkDocs.

It loads and checks `data/` once, when the configuration is read, before any
page is rendered; a data problem stops the build with the full list of errors.
Rendering lives in `macros.rendering`, which imports nothing from MkDocs.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    """Called by mkdocs-macros: expose the renderers as macros."""
    from mkdocs.exceptions import PluginError

    from . import rendering
    from .errors import DataErrors
    from .loading import load_dataset

    try:
        dataset = load_dataset(Path(env.project_dir) / "data")
    except DataErrors as exc:
        raise PluginError(exc.report("; no page was built")) from None

    @env.macro
    def comparison_table(topic_id: str) -> str:
        """The comparison table for one topic in data/topics.yaml."""
        return rendering.comparison_table(dataset, topic_id)
