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

    from . import guides, rendering
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
    def trees_index(readers: str = "clinicians") -> str:
        """The list of every decision tree for clinicians (or for clients)."""
        return rendering.trees_index(dataset, link, readers)

    @env.macro
    def resource(resource_id: str) -> str:
        """A link to a board, brochure or directory in data/resources.yaml."""
        return rendering.resource_link(dataset, resource_id)

    docs_dir = Path(env.conf["docs_dir"])

    def title_of(path: str) -> str:
        """A page's title from its front matter, else its first heading."""
        from mkdocs.utils.meta import get_data

        source = (docs_dir / path).read_text(encoding="utf-8")
        body, meta = get_data(source)
        if meta.get("title"):
            return str(meta["title"])
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), None)
        return heading or path

    @env.macro
    def onboarding_path() -> str:
        """The agency reading path from data/onboarding.yaml."""
        return guides.onboarding_path(dataset, link, title_of)

    @env.macro
    def one_pager(summary_id: str) -> str:
        """A printable one-page summary from data/one-pagers.yaml."""
        return guides.one_pager(dataset, summary_id, link)

    @env.macro
    def one_pagers_index() -> str:
        """The list of one-page summaries."""
        return guides.one_pagers_index(dataset, link)

    @env.macro
    def templates_for(profession_id: str) -> str:
        """Every template in data/templates.yaml, as one profession prints it."""
        return guides.templates_for(dataset, profession_id, link)

    @env.macro
    def templates_index() -> str:
        """Links to each profession's templates."""
        return guides.templates_index(dataset, link)

    @env.macro
    def cite_handbook() -> str:
        """How to cite the handbook, from CITATION.cff."""
        import yaml

        path = Path(env.project_dir) / "CITATION.cff"
        try:
            cff = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise PluginError(f"CITATION.cff could not be read: {exc}") from None
        missing = [key for key in ("cff-version", "title", "authors", "url") if not (isinstance(cff, dict) and cff.get(key))]
        if missing:
            raise PluginError(f"CITATION.cff is missing {', '.join(missing)}: the cite page needs them")
        return guides.cite_handbook(cff)
