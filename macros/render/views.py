"""What each template shows, computed from the checked dataset: labels, dates, lists,
which columns, where links lead. No markup here (that is in `templates/`), and every
value stays plain text: the environment makes it inert when a template prints it.
Views are NamedTuples: cheap to make by the thousand, and read-only.
Addresses are `Url`s, made from typed URL fields or `macros.urls` only.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .. import urls
from ..dataset import Dataset, clauses_for
from ..models import NEVER, NOT_SPECIFIED, Citation, Code, CodeKind, Provision, SourceKind, Status, Topic
from . import strings
from .environment import Url

Link = Callable[[str], str]  # site-relative address -> href usable from the current page
PageTitle = Callable[[str], str]  # docs-relative path like situations/x.md -> the page's title

# The short badge for each status; about/sources.md explains them to readers.
STATUS_LABELS = {
    Status.confirmed: "Wording checked",
    Status.summary: "Publisher's summary",
    Status.secondary: "Paraphrase only",
    Status.unconfirmed: "Not yet checked",
}
# What a source of each kind is, in a reader's words (study aids are never shown).
SOURCE_KIND_LABELS = {
    SourceKind.publisher: "the publisher's own text",
    SourceKind.government: "a government text",
    SourceKind.professional: "a professional publication",
}
# Before a rule we have not read word for word (a table's rule cell, a citation's tooltip).
RULE_CAVEATS = {
    Status.summary: "Our summary of the publisher's summary; the wording is not yet checked.",
    Status.secondary: "Our summary of a paraphrase; the wording is not yet checked.",
    Status.unconfirmed: "Not yet checked: read the code itself before relying on this.",
}

COLUMNS = (
    "Code and version",
    "Section and official text",
    "The rule, in our words",
    "Waiting period",
    "What still applies",
    "Status",
)
WAITING_COLUMNS = ("Waiting period", "What still applies")
# Which cell a column shows (the first column is always the code's own cell).
_CELLS = {
    "Section and official text": "section",
    "The rule, in our words": "rule",
    "Waiting period": "waiting",
    "What still applies": "after",
    "Status": "status",
}

KIND_LABELS = {"ethics-code": "Code of ethics", "statute": "Law (statute)", "regulation": "Regulation"}

BASIS_LABELS = {
    "licence": "Your licence",
    "membership": "Membership",
    "certification": "Certification",
    "law": "The law",
    "guidance": "Guidance",
}


# --- small helpers --------------------------------------------------------------


def anchor_id(code_id: str, section: str) -> str:
    """A stable anchor for one code's provision, like 'aca-a-5-c' or 'apa-10-08'."""
    return re.sub(r"[^a-z0-9]+", "-", f"{code_id} {section}".lower()).strip("-")


def node_anchor(tree_id: str, node_id: str) -> str:
    return f"{tree_id}--{node_id}"


@lru_cache(maxsize=1024)  # a few dozen dates, formatted thousands of times a build (strftime is slow)
def us_date(value: date | int) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:%B} {value.day}, {value.year}"


def waiting_period_label(value: int | str | None) -> str:
    if value is None:
        return "Not compared"
    if value == NEVER:
        return "Never: no waiting period ends it"
    if value == NOT_SPECIFIED:
        return "No period stated"
    return f"{value} year" if value == 1 else f"{value} years"


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    hour_text = "1 hour" if hours == 1 else f"{hours} hours"
    return hour_text if not rest else f"{hour_text} {rest} minutes"


def columns_for(topic: Topic) -> tuple[str, ...]:
    """The table's columns: the waiting-period pair only where the topic compares them."""
    if topic.compares_waiting_period:
        return COLUMNS
    return tuple(column for column in COLUMNS if column not in WAITING_COLUMNS)


def tree_page_url(tree) -> str:  # noqa: ANN001
    return urls.tree(tree.id, tree.readers.value)


def _host(url: object) -> str:
    host = urlsplit(str(url)).hostname or str(url)
    return host.removeprefix("www.")


def _after(provision: Provision) -> str:
    if provision.after_waiting_period:
        return provision.after_waiting_period
    if provision.waiting_period == NEVER:
        return "Does not apply: the rule has no end"
    return "Not stated"


def _upper_first(value: str) -> str:
    return value[:1].upper() + value[1:]


# --- codes and provisions -------------------------------------------------------


class CodeView(NamedTuple):
    id: str
    short_name: str
    name: str
    version: str
    in_force: str
    checked: str
    revision_note: str | None


def code_view(code: Code) -> CodeView:
    return CodeView(
        code.id,
        code.short_name,
        code.name,
        code.version,
        us_date(code.effective_date),
        us_date(code.verified_on),
        code.revision_note,
    )


class CheckedLink(NamedTuple):
    url: Url
    host: str
    kind: str  # in a reader's words, like "a government text"
    note: str | None


def status_line(code: Code, provision: Provision) -> str:
    """One plain sentence: how far this rule was checked, where, and when."""
    when = us_date(code.verified_on)
    if provision.status is Status.confirmed:
        # Where the wording was read is in the sources' notes ("Where we checked"); the line
        # claims the official text only for a law read in the government's own text.
        if code.kind is not CodeKind.ethics_code and any(
            s.kind is SourceKind.government for s in provision.checked_against
        ):
            return f"Read in the official text, {when}."
        return f"Checked {when}."
    if provision.status is Status.summary:
        return f"Our summary, checked against {code.publisher}'s own summary, {when}; the wording is not yet checked."
    if provision.status is Status.secondary:
        return f"Our summary of a professional source's paraphrase, {when}; the wording is not yet checked."
    return "Our summary; not yet found in a text we rely on. Read the code itself before relying on it."


class ProvisionView(NamedTuple):
    """One provision as a table row, a code page's block or a citation shows it."""

    anchor: str
    code: CodeView
    section: str
    heading: str | None
    status: str  # confirmed, summary, secondary or unconfirmed
    status_label: str
    status_line: str
    caveat: str | None
    status_note: str | None
    checked_against: tuple[CheckedLink, ...]
    rule: str
    quote: str | None
    source_url: Url
    has_waiting_period: bool
    waiting_period: str
    after: str


def provision_view(code: Code, provision: Provision, shown: CodeView | None = None) -> ProvisionView:
    shown = shown or code_view(code)
    return ProvisionView(
        anchor=anchor_id(shown.id, provision.section),
        code=shown,
        section=provision.section,
        heading=provision.heading,
        status=provision.status.value,
        status_label=STATUS_LABELS[provision.status],
        status_line=status_line(code, provision),
        caveat=RULE_CAVEATS.get(provision.status),
        status_note=provision.status_note,
        checked_against=tuple(
            CheckedLink(Url(s.url), _host(s.url), SOURCE_KIND_LABELS[s.kind], s.note)
            for s in provision.checked_against
            if s.counts
        ),
        rule=provision.rule,
        quote=provision.quote,
        source_url=Url(provision.source_url),
        has_waiting_period=provision.waiting_period is not None,
        waiting_period=waiting_period_label(provision.waiting_period),
        after=_after(provision),
    )


class Cell(NamedTuple):
    label: str  # the column's name, shown on narrow screens
    kind: str  # section, rule, waiting, after or status


class TableView(NamedTuple):
    """A comparison table: one row per provision, the columns its topic compares."""

    id: str
    topic_title: str
    headers: tuple[str, ...]
    cells: tuple[Cell, ...]
    rows: tuple[ProvisionView, ...]


def table_view(table_id: str, topic: Topic, rows: list[tuple[Code, Provision]]) -> TableView:
    columns = columns_for(topic)
    codes = {code.id: code_view(code) for code, _ in rows}  # once per code, not per row
    return TableView(
        id=table_id,
        topic_title=topic.title,
        headers=columns,
        cells=tuple(Cell(column, _CELLS[column]) for column in columns[1:]),
        rows=tuple(provision_view(code, p, codes[code.id]) for code, p in rows),
    )


class ShortItem(NamedTuple):
    """One provision as a line of a topic's short form: code, section, status, the rule."""

    provision: ProvisionView
    row_href: Url  # its row in the topic's full table


class ShortForm(NamedTuple):
    """A topic's codes in short, as chapters embed it: the national clinicians' codes whose
    rule we have at least a summary of first; the rest (state laws and associations,
    coaching, rules not yet checked) behind a disclosure; a link to the full table."""

    topic_id: str
    topic_title: str
    compare_href: Url
    waiting: bool  # the topic compares waiting periods: each line says its period
    main: tuple[ShortItem, ...]
    more: tuple[ShortItem, ...]
    more_kinds: str  # what the disclosure holds, like "California law, the ICF code and rules not yet checked"


def _more_kinds(dataset: Dataset, rows: list[tuple[Code, Provision]]) -> str:
    """What a short form's disclosure holds, in words: "California law, the ICF code and
    rules not yet checked" (laws, then other codes, then whether any rule is unchecked)."""
    laws, codes = [], []
    for code, _ in rows:
        if code.kind is not CodeKind.ethics_code:
            laws.append(f"{dataset.jurisdictions[code.jurisdiction].name} law")
        elif code.jurisdiction != next(iter(dataset.jurisdictions)):
            codes.append(f"the {code.short_name} code")
    kinds = list(dict.fromkeys(laws + codes))
    if any(p.status is Status.unconfirmed for _, p in rows):
        kinds.append("rules not yet checked")
    if len(kinds) < 2:
        return "".join(kinds)
    return ", ".join(kinds[:-1]) + " and " + kinds[-1]


def short_form(dataset: Dataset, topic: Topic, link: Link) -> ShortForm:
    rows = dataset.provisions_on(topic.id)
    compare_href = Url(link(urls.topic(topic.id)))
    widest = next(iter(dataset.jurisdictions))  # the country: data/jurisdictions.yaml lists it first

    def is_main(code: Code, provision: Provision) -> bool:
        return (
            code.kind is CodeKind.ethics_code
            and code.jurisdiction == widest
            and provision.status is not Status.unconfirmed
        )

    codes = {code.id: code_view(code) for code, _ in rows}

    def item(code: Code, provision: Provision) -> ShortItem:
        shown = provision_view(code, provision, codes[code.id])
        return ShortItem(shown, Url(f"{compare_href}#{shown.anchor}"))

    main = [(c, p) for c, p in rows if is_main(c, p)]
    more = [(c, p) for c, p in rows if not is_main(c, p)]
    if not main:  # nothing to lead with: show every rule, each with its status
        main, more = more, []
    return ShortForm(
        topic.id,
        topic.title,
        compare_href,
        topic.compares_waiting_period,
        tuple(item(c, p) for c, p in main),
        tuple(item(c, p) for c, p in more),
        _more_kinds(dataset, more),
    )


class CitationView(NamedTuple):
    """An inline citation of a provision: what its link and tooltip show."""

    href: Url
    code_id: str
    short_name: str
    version: str
    section: str
    status: str
    caveat: str | None
    rule: str
    # Shown after the link in running text when the wording is not checked, so a reader sees
    # the status without hovering (None when confirmed, and on pages for clients).
    flag: str | None = None
    # On a page in another language: the language of the page the link opens ("en").
    lang: str | None = None


# Pages for clients state rules plainly: their citations carry no checking caveats (the
# table a citation links to still shows them). Set per macro call by the adapter.
PLAIN_LANGUAGE: ContextVar[bool] = ContextVar("plain_language", default=False)


def citation_view(code: Code, provision: Provision, link: Link) -> CitationView:
    href = Url(link(urls.topic(provision.topic)) + "#" + anchor_id(code.id, provision.section))
    caveat = None if PLAIN_LANGUAGE.get() else RULE_CAVEATS.get(provision.status)
    flag = None if caveat is None else STATUS_LABELS[provision.status].lower()
    return CitationView(
        href,
        code.id,
        code.short_name,
        code.version,
        provision.section,
        provision.status.value,
        caveat,
        provision.rule,
        flag,
        None if strings.current() == "en" else "en",
    )


class ResourceView(NamedTuple):
    url: Url
    name: str
    publisher: str
    flag: str | None  # "link not yet checked"; None when we opened the publisher's page
    lang: str | None = None  # on a page in another language: the language of the resource's title
    in_english: bool = False  # on a page in another language: the linked page is only in English


def resource_view(resource, dataset: Dataset | None = None) -> ResourceView:  # noqa: ANN001
    plain = PLAIN_LANGUAGE.get()  # a client page links the board or crisis line without a caveat
    flag = None if resource.status is Status.confirmed or plain else "link not yet checked"
    language = strings.current()
    if language == "en" or dataset is None:
        return ResourceView(Url(resource.url), resource.name, resource.publisher, flag)
    # The checks made sure every resource a translated page links has its text.
    text = dataset.resource_translations[language].resources[resource.id]
    in_english = text.in_english
    name_lang = "en" if text.name.es == resource.name else None
    return ResourceView(Url(resource.url), text.name.es, resource.publisher, flag, name_lang, in_english)


class ReferenceView(NamedTuple):
    authors: str
    year: int | None
    title: str
    url: Url | None
    published_in: str | None


def reference_view(reference) -> ReferenceView:  # noqa: ANN001
    return ReferenceView(
        reference.authors.rstrip("."),
        reference.year,
        reference.title,
        Url(reference.url) if reference.url else None,
        reference.published_in,
    )


class SourceView(NamedTuple):
    """One checked citation of a tree, one-pager or template: exactly one of the three."""

    citation: CitationView | None = None
    reference: ReferenceView | None = None
    resource: ResourceView | None = None


def source_view(dataset: Dataset, cite: Citation, link: Link) -> SourceView:
    if cite.reference:
        return SourceView(reference=reference_view(dataset.references[cite.reference]))
    if cite.resource:
        return SourceView(resource=resource_view(dataset.resources[cite.resource], dataset))
    code = dataset.codes[cite.code]
    provision = next(p for p in code.provisions if p.section == cite.section)
    return SourceView(citation=citation_view(code, provision, link))


# --- index tables ---------------------------------------------------------------


class TopicRow(NamedTuple):
    href: Url
    title: str
    summary: str
    codes: tuple[CodeView, ...]


def topics_index(dataset: Dataset, link: Link) -> list[TopicRow]:
    rows = []
    for topic in dataset.topics.values():
        code_ids = dict.fromkeys(code.id for code, _ in dataset.provisions_on(topic.id))
        rows.append(
            TopicRow(
                Url(link(urls.topic(topic.id))),
                topic.title,
                topic.summary,
                tuple(code_view(dataset.codes[code_id]) for code_id in code_ids),
            )
        )
    return rows


class CodeRow(NamedTuple):
    href: Url
    code: CodeView
    kind: str
    jurisdiction: str
    provisions: int
    open_items: int


def codes_index(dataset: Dataset, link: Link) -> list[CodeRow]:
    codes = sorted(dataset.codes.values(), key=lambda c: (c.kind.value != "ethics-code", c.short_name.lower()))
    return [
        CodeRow(
            Url(link(urls.code(code.id))),
            code_view(code),
            KIND_LABELS[code.kind.value],
            dataset.jurisdictions[code.jurisdiction].name,
            len(code.provisions),
            sum(p.status is not Status.confirmed for p in code.provisions),
        )
        for code in codes
    ]


class ChooserCell(NamedTuple):
    href: Url | None  # None: this profession has no page for this jurisdiction yet
    jurisdiction: str


class ChooserRow(NamedTuple):
    profession: str
    cells: tuple[ChooserCell, ...]


class ChooserView(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[ChooserRow, ...]


def profession_chooser(dataset: Dataset, link: Link) -> ChooserView:
    columns = dataset.rules_jurisdictions()
    rows = tuple(
        ChooserRow(
            profession.title,
            tuple(
                ChooserCell(Url(link(urls.rules(profession.id, j.id))) if j.id in profession.applies else None, j.name)
                for j in columns
            ),
        )
        for profession in dataset.professions.values()
    )
    return ChooserView(tuple(_upper_first(j.where) for j in columns), rows)


class ListItem(NamedTuple):
    """A linked title and a sentence, as the lists of trees and of one-pagers show them."""

    href: Url
    title: str
    about: str


def trees_index(dataset: Dataset, link: Link, readers: str) -> list[ListItem]:
    return [
        ListItem(Url(link(tree_page_url(t))), t.short_title, t.intro)
        for t in sorted(dataset.trees.values(), key=lambda t: t.order)
        if t.readers.value == readers
    ]


class Chapter(NamedTuple):
    """A situation chapter (a hand-written page in docs/situations/), as the adapter reads it."""

    id: str  # its file name, which is also its one-pager's id
    title: str
    trees: tuple[str, ...]  # the trees it embeds with decision_tree(...)
    client_pages: tuple[tuple[str, str], ...]  # (docs path, title) of each page for clients on it


class PageLink(NamedTuple):
    href: Url
    title: str


class Situation(NamedTuple):
    """One situation on the overview: its tree (when it has one), and every page on it."""

    id: str
    title: str
    about: str
    tree: Url | None
    chapters: tuple[PageLink, ...]
    client_pages: tuple[PageLink, ...]
    one_pagers: tuple[PageLink, ...]


def _unique(items: list[PageLink]) -> tuple[PageLink, ...]:
    return tuple(dict.fromkeys(items))


def situations_overview(
    dataset: Dataset, chapters: list[Chapter], link: Link
) -> tuple[list[Situation], list[Situation]]:
    """Every clinicians' tree in its order, with the chapters that embed it (or whose one-page
    summary names it), their pages for clients and their one-page summaries; then each chapter
    that has no tree of its own."""

    def pages(of: list[Chapter]) -> tuple[tuple[PageLink, ...], tuple[PageLink, ...], tuple[PageLink, ...]]:
        return (
            _unique([PageLink(Url(link(urls.chapter(c.id))), c.title) for c in of]),
            _unique([PageLink(Url(link(urls.page(path))), title) for c in of for path, title in c.client_pages]),
            _unique(
                [
                    PageLink(Url(link(urls.one_pager(c.id))), dataset.one_pagers[c.id].title)
                    for c in of
                    if c.id in dataset.one_pagers
                ]
            ),
        )

    def trees_of(chapter: Chapter) -> set[str]:
        summary = dataset.one_pagers.get(chapter.id)
        return set(chapter.trees) | ({summary.tree} if summary and summary.tree else set())

    for chapter in chapters:
        unknown = sorted(t for t in trees_of(chapter) if t not in dataset.trees)
        if unknown:
            raise ValueError(f"situations_overview: the chapter {chapter.id} names trees that do not exist: {unknown}")
    with_tree = []
    for tree in sorted(dataset.trees.values(), key=lambda t: t.order):
        if tree.readers.value != "clinicians":
            continue
        on_it = [c for c in chapters if tree.id in trees_of(c)]
        with_tree.append(
            Situation(tree.id, tree.short_title, tree.intro, Url(link(tree_page_url(tree))), *pages(on_it))
        )
    without = [
        Situation(c.id, c.title, dataset.one_pagers[c.id].gist if c.id in dataset.one_pagers else "", None, *pages([c]))
        for c in chapters
        if not trees_of(c)
    ]
    return with_tree, without


def one_pagers_index(dataset: Dataset, link: Link) -> list[ListItem]:
    return [ListItem(Url(link(urls.one_pager(s.id))), s.title, s.gist) for s in dataset.one_pagers.values()]


class TemplatesIndex(NamedTuple):
    templates: tuple[tuple[str, str], ...]  # (title, purpose)
    professions: tuple[tuple[Url, str], ...]  # (href, plural)


def templates_index(dataset: Dataset, link: Link) -> TemplatesIndex:
    return TemplatesIndex(
        tuple((t.title, t.purpose) for t in dataset.templates.values()),
        tuple((Url(link(urls.templates(p.id))), p.plural) for p in dataset.professions.values()),
    )


# --- a code's own page ----------------------------------------------------------


class TopicSection(NamedTuple):
    """A Markdown section of a page: one topic's heading (with its id) and what it holds."""

    id: str
    title: str
    compare_href: Url
    provisions: tuple[ProvisionView, ...] = ()
    table: TableView | None = None


class CodePage(NamedTuple):
    code: CodeView
    publisher: str
    kind: str
    jurisdiction: str
    binds: str
    official_url: Url
    open_items: tuple[ProvisionView, ...]
    topics: tuple[TopicSection, ...]


def code_page(dataset: Dataset, code: Code, link: Link) -> CodePage:
    shown = code_view(code)
    views = [provision_view(code, p, shown) for p in code.provisions]
    topics = tuple(
        TopicSection(
            topic.id,
            topic.title,
            Url(link(urls.topic(topic.id))),
            provisions=tuple(v for p, v in zip(code.provisions, views, strict=True) if p.topic == topic.id),
        )
        for topic in dataset.topics.values()
        if any(p.topic == topic.id for p in code.provisions)
    )
    return CodePage(
        code=shown,
        publisher=code.publisher,
        kind=KIND_LABELS[code.kind.value],
        jurisdiction=dataset.jurisdictions[code.jurisdiction].name,
        binds=code.binds,
        official_url=Url(code.official_url),
        open_items=tuple(v for v in views if v.status != Status.confirmed.value),
        topics=topics,
    )


# --- rules that apply to me -----------------------------------------------------


class AppliesItem(NamedTuple):
    href: Url
    code: CodeView
    sections: str | None  # "A.5.c, A.5.d" when only these sections apply
    basis: str
    why: str


class RulesPage(NamedTuple):
    plural: str
    where: str
    applies: tuple[AppliesItem, ...]
    topics: tuple[TopicSection, ...]


def rules_page(
    dataset: Dataset,
    profession,
    jurisdiction: str,  # noqa: ANN001
    applicable: list[tuple[Code, Provision]],
    link: Link,
) -> RulesPage:
    where = dataset.jurisdictions[jurisdiction].where
    applies = tuple(
        AppliesItem(
            Url(link(urls.code(rule.code))),
            code_view(dataset.codes[rule.code]),
            ", ".join(rule.sections) if rule.sections else None,
            BASIS_LABELS[rule.basis.value],
            rule.why,
        )
        for rule in profession.applies[jurisdiction]
    )
    topics = []
    for topic in dataset.topics.values():
        rows = [(c, p) for c, p in applicable if p.topic == topic.id]
        if rows:
            topics.append(
                TopicSection(
                    topic.id,
                    topic.title,
                    Url(link(urls.topic(topic.id))),
                    table=table_view(f"rules-{topic.id}", topic, rows),
                )
            )
    return RulesPage(profession.plural, where, applies, tuple(topics))


# --- decision trees -------------------------------------------------------------


class AnswerView(NamedTuple):
    href: Url
    next: str
    label: str
    leads_to: str  # the title of the node it leads to


class ByCode(NamedTuple):
    """One code's rule on an outcome's topic."""

    citation: CitationView
    status_label: str | None  # None when confirmed
    waiting_period: str | None  # None when the provision states none
    rule: str


class SeeAlso(NamedTuple):
    """A page of the handbook to read next, from an outcome's see_also."""

    href: Url
    title: str


def code_order(dataset: Dataset) -> dict[str, tuple[int, int, int]]:
    """Code id -> its place when citations are listed by profession: the country-wide codes
    first, in the order data/professions.yaml lists the professions (so each reader finds
    their own code quickly), then each state's codes in the same order."""
    order: dict[str, tuple[int, int, int]] = {}
    for p_index, profession in enumerate(dataset.professions.values()):
        for rules in profession.applies.values():
            for r_index, rule in enumerate(rules):
                code = dataset.codes.get(rule.code)
                if code is None:
                    continue
                rank = (0 if code.jurisdiction == "national" else 1, p_index, r_index)
                order[rule.code] = min(order.get(rule.code, rank), rank)
    return order


def _by_profession(
    items: list, code_of: Callable[[Any], str | None], dataset: Dataset, order: dict | None = None
) -> list:
    """Citations of codes in the order above (a code's own citations in data order), then the
    codes no profession lists, then works and resources in data order (the sort is stable).
    `order` is `code_order(dataset)` when the caller has it already (a tree sorts every outcome)."""
    order = code_order(dataset) if order is None else order
    last = (2, 0, 0)
    return sorted(items, key=lambda item: order.get(code_of(item), last) if code_of(item) else (3, 0, 0))


# Titles already read, for each title function the adapter made (one per build): every tree
# names the pages its outcomes link to, and reading a page's file and front matter each time
# was a sixth of the time a tree took to render. A page's title does not change during a build.
_TITLES: weakref.WeakKeyDictionary[PageTitle, dict[str, str]] = weakref.WeakKeyDictionary()


def _remembered(title_of: PageTitle | None) -> PageTitle | None:
    """`title_of`, reading each page's title once (a page that has no file is asked again)."""
    if title_of is None:
        return None
    try:
        titles = _TITLES.setdefault(title_of, {})
    except TypeError:  # a callable that takes no weak reference: ask it every time
        return title_of

    def remembered(path: str) -> str:
        if path not in titles:
            titles[path] = title_of(path)
        return titles[path]

    return remembered


def _see_also(dataset: Dataset, target: str, link: Link, title_of: PageTitle | None) -> SeeAlso:
    page, _, anchor = target.partition("#")
    stem = page.removesuffix(".md")
    if stem.startswith("compare/") and stem.removeprefix("compare/") in dataset.topics:
        title = "Compare the codes: " + dataset.topics[stem.removeprefix("compare/")].title
    elif tree := next((t for t in dataset.trees.values() if tree_page_url(t) == urls.page(page)), None):
        title = tree.short_title
    else:
        try:
            title = title_of(page) if title_of is not None else ""
        except OSError:  # another page made from data: no file to read its title from
            title = ""
        title = title or stem.rsplit("/", 1)[-1].replace("-", " ").capitalize()
    if anchor and strings.current() == "en":  # the heading's own words, from its id
        title = f"{title}: {anchor.replace('-', ' ').capitalize()}"
    return SeeAlso(Url(link(urls.page(page)) + (f"#{anchor}" if anchor else "")), title)


class NodeView(NamedTuple):
    id: str
    anchor: str
    is_question: bool
    is_start: bool
    title: str
    # a question's
    help: str | None = None
    answers: tuple[AnswerView, ...] = ()
    # an outcome's
    for_clients: bool = False
    summary: str | None = None
    do: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    say: str | None = None
    document: tuple[str, ...] = ()
    consult: str | None = None
    by_code: tuple[ByCode, ...] = ()
    compare_href: Url | None = None
    compare_title: str | None = None
    sources: tuple[SourceView, ...] = ()
    see_also: tuple[SeeAlso, ...] = ()
    restart_href: Url | None = None


class TreeView(NamedTuple):
    id: str
    start: str
    intro: str
    audience: str
    nodes: tuple[NodeView, ...]


def _node_title(node) -> str:  # noqa: ANN001
    return node.question if node.is_question else node.outcome


def tree_view(dataset: Dataset, tree, link: Link, title_of: PageTitle | None = None) -> TreeView:  # noqa: ANN001
    nodes = []
    order = code_order(dataset)
    title_of = _remembered(title_of)
    for node_id, node in tree.nodes.items():
        common: dict[str, Any] = {
            "id": node_id,
            "anchor": node_anchor(tree.id, node_id),
            "is_question": node.is_question,
            "is_start": node_id == tree.start,
            "title": _node_title(node),
        }
        if node.is_question:
            answers = tuple(
                AnswerView(Url("#" + node_anchor(tree.id, a.next)), a.next, a.label, _node_title(tree.nodes[a.next]))
                for a in node.answers
            )
            nodes.append(NodeView(**common, help=node.help, answers=answers))
            continue
        outcome: dict[str, Any] = {}
        if node.compare_topic:
            topic = dataset.topics[node.compare_topic]
            outcome["by_code"] = tuple(
                ByCode(
                    citation_view(code, provision, link),
                    None
                    if provision.status is Status.confirmed or PLAIN_LANGUAGE.get()
                    else STATUS_LABELS[provision.status],
                    None if provision.waiting_period is None else waiting_period_label(provision.waiting_period),
                    provision.rule,
                )
                for code, provision in _by_profession(
                    dataset.provisions_on(topic.id), lambda pair: pair[0].id, dataset, order
                )
            )
            outcome["compare_href"] = Url(link(urls.topic(topic.id)))
            outcome["compare_title"] = topic.title.lower()
        nodes.append(
            NodeView(
                **common,
                **outcome,
                for_clients=tree.readers.value == "clients",
                summary=node.summary,
                do=tuple(node.do),
                avoid=tuple(node.avoid),
                say=node.say,
                document=tuple(node.document),
                consult=node.consult,
                sources=tuple(
                    source_view(dataset, cite, link)
                    for cite in _by_profession(list(node.cites), lambda cite: cite.code, dataset, order)
                ),
                see_also=tuple(_see_also(dataset, target, link, title_of) for target in node.see_also),
                restart_href=Url("#" + node_anchor(tree.id, tree.start)),
            )
        )
    return TreeView(tree.id, tree.start, tree.intro, tree.audience, tuple(nodes))


# --- agencies -------------------------------------------------------------------


class Step(NamedTuple):
    number: int
    title: str
    href: Url
    duration: str
    why: str
    questions: tuple[str, ...]


class OnboardingPath(NamedTuple):
    intro: str
    steps: tuple[Step, ...]
    total: str


def onboarding_path(onboarding, link: Link, title_of: PageTitle) -> OnboardingPath:  # noqa: ANN001
    steps = tuple(
        Step(
            number,
            title_of(step.page),
            Url(link(urls.page(step.page))),
            duration(step.minutes),
            step.why,
            tuple(step.questions),
        )
        for number, step in enumerate(onboarding.steps, start=1)
    )
    return OnboardingPath(onboarding.intro, steps, duration(sum(step.minutes for step in onboarding.steps)))


class OnePagerView(NamedTuple):
    id: str
    title: str
    gist: str
    key_points: tuple[str, ...]
    say: str
    document: tuple[str, ...]
    consult: str
    tree_href: Url | None
    tree_title: str | None
    sources: tuple[SourceView, ...]
    chapter_href: Url


def one_pager(dataset: Dataset, summary, link: Link) -> OnePagerView:  # noqa: ANN001
    tree = dataset.trees[summary.tree] if summary.tree else None
    return OnePagerView(
        id=summary.id,
        title=summary.title,
        gist=summary.gist,
        key_points=tuple(summary.key_points),
        say=summary.say,
        document=tuple(summary.document),
        consult=summary.consult,
        tree_href=Url(link(tree_page_url(tree))) if tree else None,
        tree_title=tree.title if tree else None,
        sources=tuple(source_view(dataset, cite, link) for cite in summary.cites),
        chapter_href=Url(link(urls.chapter(summary.id))),
    )


class ClauseView(NamedTuple):
    id: str
    heading: str
    text: str


class Basis(NamedTuple):
    """What one clause rests on, for one profession: the citations kept, or none binding."""

    heading: str
    sources: tuple[SourceView, ...]  # empty: no code that binds the profession speaks to this


class TemplateView(NamedTuple):
    id: str
    title: str
    profession: str
    plural: str
    purpose: str
    clauses: tuple[ClauseView, ...]
    basis: tuple[Basis, ...]


def template_view(
    dataset: Dataset,
    template,
    profession,  # noqa: ANN001
    applies: set[tuple[str, str]],
    link: Link,
) -> TemplateView:
    """A template as one profession prints it: its clauses, and what each rests on, citing
    only the provisions in `applies` (references and resources are kept for everyone)."""
    clauses = clauses_for(template, profession.id)
    basis = tuple(
        Basis(
            clause.heading,
            tuple(
                source_view(dataset, cite, link)
                for cite in clause.cites
                if not cite.code or (cite.code, cite.section) in applies
            ),
        )
        for clause in clauses
        if clause.cites
    )
    return TemplateView(
        template.id,
        template.title,
        profession.id,
        profession.plural,
        template.purpose,
        tuple(ClauseView(c.id, c.heading, c.text) for c in clauses),
        basis,
    )


class TemplatesPage(NamedTuple):
    plural: str
    where: str
    codes: tuple[tuple[Url, str], ...]  # (href, short name)
    templates: tuple[TemplateView, ...]


def templates_page(dataset: Dataset, profession, applies: set[tuple[str, str]], link: Link) -> TemplatesPage:  # noqa: ANN001
    # The widest jurisdiction the profession lists (the first in data/jurisdictions.yaml).
    widest = next(j for j in dataset.jurisdictions.values() if j.id in profession.applies)
    codes = tuple(
        (Url(link(urls.code(rule.code))), dataset.codes[rule.code].short_name) for rule in profession.applies[widest.id]
    )
    templates = tuple(template_view(dataset, t, profession, applies, link) for t in dataset.templates.values())
    return TemplatesPage(profession.plural, widest.where, codes, templates)


# --- citing the handbook --------------------------------------------------------


class HandbookReference(NamedTuple):
    authors: str
    year: str
    title: str
    version: str | None
    url: Url
    bibtex: str


def _authors(cff: dict[str, Any]) -> list[str]:
    names = []
    for author in cff.get("authors", []):
        if "name" in author:
            names.append(str(author["name"]))
        else:
            names.append(" ".join(str(author[k]) for k in ("given-names", "family-names") if k in author))
    return names


def handbook_reference(cff: dict[str, Any]) -> HandbookReference:
    """The reference in APA style, and a BibTeX entry (a data format, so it is made here)."""
    authors = _authors(cff)
    released = cff.get("date-released")
    year = str(released)[:4] if released else "n.d."
    title = str(cff["title"])
    version = cff.get("version")
    url = str(cff.get("url", ""))
    licence = cff.get("license", "")
    licence = " and ".join(map(str, licence)) if isinstance(licence, list) else str(licence)
    key = "outside-the-office-" + year
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  author = {{{' and '.join('{' + a + '}' for a in authors)}}},",
            f"  title = {{{title}}},",
            f"  year = {{{year}}},",
            *([f"  version = {{{version}}},"] if version else []),
            f"  url = {{{url}}},",
            f"  note = {{License: {licence}}}",
            "}",
        ]
    )
    return HandbookReference(" & ".join(authors), year, title, str(version) if version else None, Url(url), bibtex)
