"""The render layer: the checked dataset in, a page's HTML (or Markdown body) out.

Each public function looks up what a page asked for (an unknown id raises
`UnknownReference` naming the macro and the nearest id), lets `views` compute what to
show, and hands that to one template macro in `templates/`, which holds all the markup.
The environment (`environment.py`) makes every value a template prints inert, both as HTML
and to the passes that read the output after us (mkdocs-macros, Python-Markdown and its
extensions). Nothing here imports MkDocs, or the loading and checking layers.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .. import urls
from ..dataset import Dataset
from ..models import Code, Provision
from . import licences, lookups, strings, views
from .environment import ADDRESS, Url, components
from .strings import language
from .translate import localized_tree
from .views import (
    BASIS_LABELS,
    COLUMNS,
    KIND_LABELS,
    STATUS_LABELS,
    WAITING_COLUMNS,
    Chapter,
    Link,
    PageTitle,
    anchor_id,
    columns_for,
    duration,
    node_anchor,
    tree_page_url,
    us_date,
    waiting_period_label,
)


@contextmanager
def plain_language(on: bool) -> Iterator[None]:
    """Render for clients: rules stated plainly, without checking caveats in citations."""
    token = views.PLAIN_LANGUAGE.set(on)
    try:
        yield
    finally:
        views.PLAIN_LANGUAGE.reset(token)


__all__ = [
    "plain_language",
    "language",
    "BASIS_LABELS",
    "Chapter",
    "COLUMNS",
    "KIND_LABELS",
    "STATUS_LABELS",
    "WAITING_COLUMNS",
    "Link",
    "PageTitle",
    "anchor_id",
    "applicable_provisions",
    "citation",
    "cite_handbook",
    "code_page",
    "code_page_url",
    "codes_in_short",
    "codes_index",
    "combination_page",
    "columns_for",
    "comparison_table",
    "decision_tree",
    "duration",
    "node_anchor",
    "one_pager",
    "one_pager_url",
    "one_pagers_index",
    "licences_chooser",
    "onboarding_path",
    "page_url",
    "profession_chooser",
    "resource_link",
    "situations_list",
    "situations_overview",
    "rules_for",
    "rules_page_url",
    "template_text",
    "templates_for",
    "templates_index",
    "templates_url",
    "topic_page",
    "topics_index",
    "tree_page_url",
    "trees_index",
    "us_date",
    "waiting_period_label",
]

# Page addresses come from `macros.urls`, so data never holds URLs of our own pages.
topic_page = urls.topic
code_page_url = urls.code
rules_page_url = urls.rules
page_url = urls.page
one_pager_url = urls.one_pager
templates_url = urls.templates


def _render(template: str, macro: str, *args: Any) -> str:
    return str(getattr(components(template), macro)(*args))


# --- comparisons, citations and codes ---------------------------------------------


def comparison_table(dataset: Dataset, topic_id: str) -> str:
    """The comparison table for one topic: one row per provision, every cell cited."""
    topic = lookups.topic(dataset, topic_id, "comparison_table")
    table = views.table_view(f"compare-{topic.id}", topic, dataset.provisions_on(topic.id))
    return _render("compare.html", "comparison_table", table)


def codes_in_short(dataset: Dataset, topic_id: str, link: Link, link_full_table: bool = True) -> str:
    """A topic's codes in short, for a chapter: one line per rule (code, section linked to the
    official text, status, the rule), the national clinicians' codes first, the rest in a
    disclosure, and a link to the full table on the topic's compare page."""
    topic = lookups.topic(dataset, topic_id, "codes_in_short")
    return _render("compare.html", "short_form", views.short_form(dataset, topic, link), link_full_table)


def citation(dataset: Dataset, code_id: str, section: str, link: Link) -> str:
    """An inline citation: links to the provision's row in its topic table, and carries the
    rule in our words as a tooltip (hover and keyboard focus)."""
    code = lookups.code(dataset, code_id, "cite")
    provision = lookups.provision(code, section, "cite")
    return _render("citations.html", "citation", views.citation_view(code, provision, link))


def topics_index(dataset: Dataset, link: Link) -> str:
    """A table of every topic: what it covers and which codes address it."""
    return _render("indexes.html", "topics_index", views.topics_index(dataset, link))


def codes_index(dataset: Dataset, link: Link) -> str:
    """A table of every code and law: version, where it applies, when it was last checked."""
    return _render("indexes.html", "codes_index", views.codes_index(dataset, link))


def code_page(dataset: Dataset, code_id: str, link: Link) -> str:
    """A code's own page (Markdown): its facts, what is unconfirmed, and its rules by topic."""
    code = lookups.code(dataset, code_id, "code_page")
    return _render("pages.md", "code_page", views.code_page(dataset, code, link))


# --- rules that apply to me -------------------------------------------------------


def applicable_provisions(dataset: Dataset, profession_id: str, jurisdiction: str) -> list[tuple[Code, Provision]]:
    """Every provision that binds or guides a profession in a jurisdiction."""
    profession = lookups.profession_in(dataset, profession_id, jurisdiction, "rules_for")
    return dataset.applicable_provisions(profession, jurisdiction)


def rules_for(dataset: Dataset, profession_id: str, jurisdiction: str, link: Link) -> str:
    """The "rules that apply to me" page body (Markdown): which codes and why, then each
    topic's rules from those codes only, in the same table form as the comparisons."""
    profession = lookups.profession_in(dataset, profession_id, jurisdiction, "rules_for")
    applicable = dataset.applicable_provisions(profession, jurisdiction)
    page = views.rules_page(dataset, profession, jurisdiction, applicable, link)
    box = licences.in_short(dataset, profession, jurisdiction, link)
    codes = {r.code for r in profession.applies[jurisdiction]}
    checked = us_date(min(dataset.codes[c].verified_on for c in codes))
    legend = (licences.STATUS_LEGEND, checked, Url(link("about/sources/")))
    return _render("pages.md", "rules_for", page, box, legend)


def licences_chooser(dataset: Dataset, link: Link) -> str:
    """The "My profession and licences" form (licences.js runs it), the rules any choice
    brings (hidden until chosen), and the static pages for readers without JavaScript."""
    return _render("licences.html", "chooser", licences.chooser(dataset, link))


def combination_page(dataset: Dataset, combination_id: str, link: Link) -> str:
    """A common combination's page (Markdown): what it holds, then each topic's binding rules."""
    combination = lookups.lookup(
        dataset.combinations, combination_id, "combination_page", "combination", "data/combinations.yaml"
    )
    return _render("licences.md", "combination_page", licences.combination_page(dataset, combination, link))


def profession_chooser(dataset: Dataset, link: Link) -> str:
    """Links to every profession x jurisdiction page, as a plain table (no JavaScript)."""
    return _render("indexes.html", "profession_chooser", views.profession_chooser(dataset, link))


# --- decision trees and client resources ------------------------------------------


def decision_tree(dataset: Dataset, tree_id: str, link: Link, title_of: PageTitle | None = None) -> str:
    """One tree, three views from one markup: every node as a linked section (works without
    JavaScript and prints as an outline); trees.js turns it into a step-by-step stepper.
    `title_of` names the pages an outcome's see_also links to."""
    tree = lookups.tree(dataset, tree_id, "decision_tree")
    language = strings.current()
    if language != "en":
        translation = dataset.tree_translations.get((language, tree_id))
        if translation is None:
            raise ValueError(
                f"decision_tree: tree {tree_id!r} has no text in this page's language "
                f"(add data/trees/{tree_id}.{language}.yaml)"
            )
        tree = localized_tree(tree, translation)
    # A tree is shown on its own page and in a chapter, and its markup is the largest a macro
    # makes (a third of the macros' build time): it is rendered once per tree, language and
    # reader, with a token in place of each of its own site addresses, and each page then
    # fills in its own relative links. `title_of` reads page titles in the page's language,
    # which the key holds.
    key = (tree_id, language, views.PLAIN_LANGUAGE.get(), title_of)
    if _TREES.get("dataset") is not dataset:  # new data (mkdocs serve reloads it): start over
        _TREES.clear()
        _TREES["dataset"] = dataset
    if key not in _TREES:
        targets: dict[str, str] = {}

        def token(target: str) -> str:
            return targets.setdefault(target, f"{_TOKEN}{len(targets)}x")

        html = _render("trees.html", "decision_tree", views.tree_view(dataset, tree, token, title_of))
        _TREES[key] = (html, {value: target for target, value in targets.items()})
    html, targets = _TREES[key]
    return _TOKENS.sub(lambda m: str(Url(link(targets[m[0]]))).translate(ADDRESS), html)  # as Url prints


# The tokens are letters and digits, which the template prints unchanged in any context;
# the random part keeps a tree's own text from ever matching.
_TOKEN = f"ott{secrets.token_hex(6)}n"
_TOKENS = re.compile(_TOKEN + r"\d+x")
_TREES: dict[object, Any] = {}


def trees_index(dataset: Dataset, link: Link, readers: str = "clinicians") -> str:
    """A list of every decision tree for these readers, with its intro."""
    return _render("indexes.html", "trees_index", views.trees_index(dataset, link, readers))


def situations_list(dataset: Dataset, link: Link) -> str:
    """The home page's list of situations: each clinicians' tree by its short title, in order."""
    return _render("indexes.html", "situations_list", views.trees_index(dataset, link, "clinicians"))


def situations_overview(dataset: Dataset, chapters: list[views.Chapter], link: Link) -> str:
    """Every situation with its tree, chapters, pages for clients and one-page summaries."""
    return _render("indexes.html", "situations_overview", *views.situations_overview(dataset, chapters, link))


def resource_link(dataset: Dataset, resource_id: str) -> str:
    """An inline link to a client resource, by id from data/resources.yaml."""
    resource = lookups.resource(dataset, resource_id, "resource")
    return _render("citations.html", "resource", views.resource_view(resource, dataset))


# --- agencies ---------------------------------------------------------------------


def onboarding_path(dataset: Dataset, link: Link, title_of: PageTitle) -> str:
    """The reading path (Markdown): a summary line, then each step with its questions."""
    if dataset.onboarding is None:
        raise ValueError("onboarding_path: data/onboarding.yaml is missing")
    return _render("pages.md", "onboarding_path", views.onboarding_path(dataset.onboarding, link, title_of))


def one_pager(dataset: Dataset, summary_id: str, link: Link) -> str:
    """One situation on one printed page (HTML)."""
    summary = lookups.one_pager(dataset, summary_id, "one_pager")
    return _render("agencies.html", "one_pager", views.one_pager(dataset, summary, link))


def one_pagers_index(dataset: Dataset, link: Link) -> str:
    """The list of one-page summaries, each with its gist."""
    return _render("indexes.html", "one_pagers_index", views.one_pagers_index(dataset, link))


def _reaching(dataset: Dataset, profession_id: str) -> set[tuple[str, str]]:
    """(code, section) of every provision that binds or guides a profession anywhere."""
    profession = dataset.professions[profession_id]
    return {
        (code.id, provision.section)
        for jurisdiction in profession.applies
        for code, provision in dataset.applicable_provisions(profession, jurisdiction)
    }


def template_text(dataset: Dataset, template_id: str, profession_id: str, link: Link) -> str:
    """One template as one profession prints it (HTML): its clauses, then what each rests on,
    citing only the codes and laws that bind or guide that profession (references and
    resources are kept for everyone)."""
    template = lookups.template(dataset, template_id, "template")
    profession = lookups.profession(dataset, profession_id, "template")
    view = views.template_view(dataset, template, profession, _reaching(dataset, profession.id), link)
    return _render("agencies.html", "template_clauses", view)


def templates_for(dataset: Dataset, profession_id: str, link: Link) -> str:
    """A profession's page: every template, each as a Markdown section (so it is in the contents)."""
    profession = lookups.profession(dataset, profession_id, "templates_for")
    page = views.templates_page(dataset, profession, _reaching(dataset, profession.id), link)
    return _render("pages.md", "templates_for", page)


def templates_index(dataset: Dataset, link: Link) -> str:
    """What each template is for, and links to each profession's templates."""
    return _render("indexes.html", "templates_index", views.templates_index(dataset, link))


def cite_handbook(cff: dict[str, Any]) -> str:
    """ "Cite this handbook" from CITATION.cff: a reference in APA style and a BibTeX entry."""
    return _render("agencies.html", "cite_handbook", views.handbook_reference(cff))
