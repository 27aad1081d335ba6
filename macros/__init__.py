"""The mkdocs-macros adapter: with `hooks/`, the only code here that knows about MkDocs.

`hooks/generated_pages.py` loads and checks the data once, when MkDocs has read the
pages, and hands the checked dataset over with `use_dataset`; the macros below render
from it. A macro that is called wrongly on a page (an unknown code or section, say)
does not print a traceback: the error is kept with the page's file and line, and the
hook stops the build with every such error listed, before any page is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dataset import Dataset
from .errors import DataError, UnknownReference


@dataclass
class BuildState:
    """What one build shares between the hooks and the macros."""

    dataset: Dataset | None = None
    page_errors: list[DataError] = field(default_factory=list)


_STATES: dict[str, BuildState] = {}  # by the path of mkdocs.yml


def state_for(config_file: str | None) -> BuildState:
    return _STATES.setdefault(str(config_file), BuildState())


def use_dataset(config_file: str | None, dataset: Dataset) -> None:
    """Called by hooks/generated_pages.py once the data is loaded and checked."""
    state = state_for(config_file)
    state.dataset = dataset
    state.page_errors.clear()


def _call_line(markdown: str, name: str, first_arg: Any) -> int | None:
    """The line of a page's Markdown where `name(first_arg ...` is called."""
    pattern = re.compile(
        re.escape(name) + r"\(\s*['\"]" + re.escape(str(first_arg))
        if isinstance(first_arg, str)
        else re.escape(name) + r"\("
    )
    for number, line in enumerate(markdown.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def define_env(env) -> None:  # noqa: ANN001
    """Called by mkdocs-macros: expose the renderers as macros, one per generated block."""
    from mkdocs.exceptions import PluginError
    from mkdocs.utils import get_relative_url

    from . import render, urls

    state = state_for(env.conf.get("config_file_path"))

    def data() -> Dataset:
        if state.dataset is None:
            raise PluginError("the data was not loaded: mkdocs.yml must list hooks/generated_pages.py under hooks")
        return state.dataset

    translated_urls: dict[str, set[str]] = {}

    def page_language() -> str:
        return getattr(env.page.file, "locale", "en") if env.page and env.page.file else "en"

    def in_language(language: str) -> set[str]:
        """Site-relative addresses of the pages that exist in `language` (its .es.md files
        and the pages made from its translations), without the language folder."""
        if language not in translated_urls:
            from .generated import translated_pages

            paths = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob(f"*.{language}.md")]
            paths += [page.path for page in translated_pages(data(), language)]
            translated_urls[language] = {urls.page(path.removesuffix(f".{language}.md") + ".md") for path in paths}
        return translated_urls[language]

    def link(target: str) -> str:
        """A site-relative address (like 'compare/x/') as seen from the page being rendered.
        On a translated page, a page that exists in its language is linked in that language."""
        language = page_language()
        if language != "en" and target in in_language(language):
            target = f"{language}/{target}"
        return get_relative_url(target, env.page.url)

    def macro(function: Callable[..., str]) -> Callable[..., str]:
        """Register a macro whose wrong use becomes a page error with file and line."""
        name = function.__name__

        def run(*args: Any, **kwargs: Any) -> str:
            # A translated page (mkdocs-static-i18n) carries its language on its file.
            language = page_language()
            url = (env.page.url if env.page else "").removeprefix(f"{language}/")
            for_clients = url.startswith("clients/")
            try:
                with render.plain_language(for_clients), render.language(language):
                    return function(*args, **kwargs)
            except (UnknownReference, ValueError, TypeError) as exc:
                page = env.page
                source = f"docs/{page.file.src_uri}" if page and page.file else "a page"
                raw = page.file.content_string if page and page.file else ""  # front matter included
                line = _call_line(raw, name, args[0] if args else None)
                state.page_errors.append(DataError(source, line, "", f"{exc}"))
                return ""

        run.__name__ = name
        run.__doc__ = function.__doc__
        env.macro(run, name)
        return run

    @macro
    def comparison_table(topic_id: str) -> str:
        """The comparison table for one topic in data/topics.yaml."""
        return render.comparison_table(data(), topic_id)

    @macro
    def codes_in_short(topic_id: str, link_full_table: bool = True) -> str:
        """A topic's codes in short, for a chapter; the full table is on the topic's compare page."""
        return render.codes_in_short(data(), topic_id, link, link_full_table)

    @macro
    def cite(code_id: str, section: str) -> str:
        """An inline citation of one provision, like cite("aca", "A.5.c")."""
        return render.citation(data(), code_id, section, link)

    @macro
    def code_page(code_id: str) -> str:
        """The body of a code's own page."""
        return render.code_page(data(), code_id, link)

    @macro
    def topics_index() -> str:
        """The table of all comparison topics."""
        return render.topics_index(data(), link)

    @macro
    def codes_index() -> str:
        """The table of all codes and laws."""
        return render.codes_index(data(), link)

    @macro
    def rules_for(profession_id: str, jurisdiction: str) -> str:
        """The body of a "rules that apply to me" page."""
        return render.rules_for(data(), profession_id, jurisdiction, link)

    @macro
    def licences_chooser() -> str:
        """The "My profession and licences" form, and the static pages for common combinations."""
        return render.licences_chooser(data(), link)

    @macro
    def combination_page(combination_id: str) -> str:
        """The body of a common combination's page, from data/combinations.yaml."""
        return render.combination_page(data(), combination_id, link)

    @macro
    def profession_chooser() -> str:
        """Links to every profession and jurisdiction page."""
        return render.profession_chooser(data(), link)

    @macro
    def decision_tree(tree_id: str) -> str:
        """A decision tree: stepper with JavaScript, linked sections without, outline on paper."""
        return render.decision_tree(data(), tree_id, link, title_of)

    @macro
    def trees_index(readers: str = "clinicians") -> str:
        """The list of every decision tree for clinicians (or for clients)."""
        return render.trees_index(data(), link, readers)

    @macro
    def resource(resource_id: str) -> str:
        """A link to a board, brochure or directory in data/resources.yaml."""
        return render.resource_link(data(), resource_id)

    docs_dir = Path(env.conf["docs_dir"])

    def title_of(path: str) -> str:
        """A page's title from its front matter, else its first heading (in the page's
        language when the page exists in it)."""
        from mkdocs.utils.meta import get_data

        translated = docs_dir / path.replace(".md", f".{page_language()}.md")
        source = (translated if translated.is_file() else docs_dir / path).read_text(encoding="utf-8")
        body, meta = get_data(source)
        if meta.get("title"):
            return str(meta["title"])
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), None)
        return heading or path

    @macro
    def situations_list() -> str:
        """The home page's list of situations, each opening its tree."""
        return render.situations_list(data(), link)

    embeds_tree = re.compile(r"""decision_tree\(\s*["']([a-z0-9-]+)["']""")

    @macro
    def situations_overview(client_pages: dict[str, str | list[str] | None]) -> str:
        """Every situation: its tree, its chapters and, from `client_pages` (each chapter in
        docs/situations/ -> the page or pages for clients on it, or None), the clients' pages."""
        if not isinstance(client_pages, dict):
            raise TypeError("situations_overview: give a mapping of each chapter to its page for clients, or None")
        found = sorted(p.stem for p in (docs_dir / "situations").glob("*.md") if p.stem != "index")
        problems = []
        missing = [c for c in found if c not in client_pages]
        unknown = [c for c in client_pages if c not in found]
        if missing or unknown:
            problems.append(
                "list every chapter in docs/situations/ once"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; not a chapter: {', '.join(unknown)}" if unknown else "")
            )
        given_pages = {c: [v] if isinstance(v, str) else list(v or []) for c, v in client_pages.items() if c in found}
        problems += [
            f"{chapter_id}: the page {path} does not exist under docs/"
            for chapter_id, paths in given_pages.items()
            for path in paths
            if not (isinstance(path, str) and (docs_dir / path).is_file())
        ]
        if problems:
            raise ValueError("situations_overview: " + "; ".join(problems))
        chapters = []
        for chapter_id, for_clients in given_pages.items():
            source = (docs_dir / "situations" / f"{chapter_id}.md").read_text(encoding="utf-8")
            chapters.append(
                render.Chapter(
                    chapter_id,
                    title_of(f"situations/{chapter_id}.md"),
                    tuple(dict.fromkeys(embeds_tree.findall(source))),
                    tuple((path, title_of(path)) for path in for_clients),
                )
            )
        return render.situations_overview(data(), chapters, link)

    @macro
    def onboarding_path() -> str:
        """The agency reading path from data/onboarding.yaml."""
        return render.onboarding_path(data(), link, title_of)

    @macro
    def one_pager(summary_id: str) -> str:
        """A printable one-page summary from data/one-pagers.yaml."""
        return render.one_pager(data(), summary_id, link)

    @macro
    def one_pagers_index() -> str:
        """The list of one-page summaries."""
        return render.one_pagers_index(data(), link)

    @macro
    def templates_for(profession_id: str) -> str:
        """Every template in data/templates.yaml, as one profession prints it."""
        return render.templates_for(data(), profession_id, link)

    @macro
    def templates_index() -> str:
        """Links to each profession's templates."""
        return render.templates_index(data(), link)

    @macro
    def cite_handbook() -> str:
        """How to cite the handbook, from CITATION.cff."""
        import yaml

        path = Path(env.project_dir) / "CITATION.cff"
        try:
            cff = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"CITATION.cff could not be read: {exc}") from None
        missing = [
            key for key in ("cff-version", "title", "authors", "url") if not (isinstance(cff, dict) and cff.get(key))
        ]
        if missing:
            raise ValueError(f"CITATION.cff is missing {', '.join(missing)}: the cite page needs them")
        return render.cite_handbook(cff)
