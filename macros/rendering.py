"""Pure renderers: validated models in, HTML out. No MkDocs imports.

Every piece of data passes through `text()`, which escapes HTML and also the
braces of template syntax, so data is always shown as written and never run.
"""

from __future__ import annotations

import difflib
import html
import re
from datetime import date
from typing import Callable
from urllib.parse import urlsplit

from . import urls
from .dataset import Dataset
from .errors import UnknownReference
from .models import NEVER, NOT_SPECIFIED, Code, Provision, Status, Topic

STATUS_LABELS = {
    Status.confirmed: "Confirmed",
    Status.secondary: "Secondary source only",
    Status.unconfirmed: "Unconfirmed",
}

COLUMNS = (
    "Code and version",
    "Section and official text",
    "The rule, in our words",
    "Waiting period",
    "What still applies",
    "Status",
)


def text(value: object) -> str:
    """Escape any data value for HTML, including the braces of template syntax."""
    escaped = html.escape(str(value), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def anchor_id(code_id: str, section: str) -> str:
    """A stable anchor for one code's provision, like 'aca-a-5-c' or 'apa-10-08'."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{code_id} {section}".lower()).strip("-")
    return slug


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


def _host(url: object) -> str:
    host = urlsplit(str(url)).hostname or str(url)
    return host.removeprefix("www.")


def _after_cell(provision: Provision) -> str:
    if provision.after_waiting_period:
        return text(provision.after_waiting_period)
    if provision.waiting_period == NEVER:
        return "Does not apply: the rule has no end"
    return "Not stated"


def _rule_cell(code: Code, provision: Provision) -> str:
    parts = []
    if provision.status is Status.unconfirmed:
        parts.append(
            '<strong class="ott-unconfirmed">Not confirmed, not a statement of the rule:</strong> '
        )
    elif provision.status is Status.secondary:
        parts.append('<strong class="ott-unconfirmed">Seen only in a secondary source:</strong> ')
    parts.append(f"<p>{text(provision.rule)}</p>")
    if provision.quote:
        parts.append(
            f'<p class="ott-quote">{text(code.short_name)} {text(provision.section)} says: '
            f"<q>{text(provision.quote)}</q></p>"
        )
    return "".join(parts)


def _status_cell(provision: Provision) -> str:
    label = STATUS_LABELS[provision.status]
    parts = [f'<span class="ott-status ott-status--{provision.status.value}">{text(label)}</span>']
    if provision.status_note:
        parts.append(f"<p>{text(provision.status_note)}</p>")
    if provision.checked_against:
        links = ", ".join(
            f'<a href="{text(url)}">{text(_host(url))}</a>' for url in provision.checked_against
        )
        parts.append(f'<p class="ott-checked">Checked against: {links}</p>')
    return "".join(parts)


def _code_cell(code: Code) -> str:
    parts = [
        f'<abbr title="{text(code.name)}">{text(code.short_name)}</abbr>',
        f'<br><span class="ott-small">{text(code.name)}</span>',
        f'<p class="ott-version">Version: {text(code.version)}</p>',
        f'<p class="ott-small">In force since {text(us_date(code.effective_date))}; '
        f"checked {text(us_date(code.verified_on))}</p>",
    ]
    if code.revision_note:
        parts.append(f'<p class="ott-small ott-revision">{text(code.revision_note)}</p>')
    return "".join(parts)


def _section_cell(code: Code, provision: Provision) -> str:
    parts = [f'<span class="ott-section">{text(provision.section)}</span>']
    if provision.heading:
        parts.append(f'<br><span class="ott-small">{text(provision.heading)}</span>')
    parts.append(
        f'<p><a class="ott-source" href="{text(provision.source_url)}">Official text'
        f'<span class="ott-visually-hidden"> of {text(code.short_name)} '
        f"{text(provision.section)}</span></a></p>"
    )
    return "".join(parts)


WAITING_COLUMNS = ("Waiting period", "What still applies")


def columns_for(topic: Topic) -> tuple[str, ...]:
    """The table's columns: the waiting-period pair only where the topic compares them."""
    if topic.compares_waiting_period:
        return COLUMNS
    return tuple(column for column in COLUMNS if column not in WAITING_COLUMNS)


def _row(code: Code, provision: Provision, columns: tuple[str, ...]) -> str:
    row_id = anchor_id(code.id, provision.section)
    cells_by_column = {
        "Section and official text": lambda: _section_cell(code, provision),
        "The rule, in our words": lambda: _rule_cell(code, provision),
        "Waiting period": lambda: text(waiting_period_label(provision.waiting_period)),
        "What still applies": lambda: _after_cell(provision),
        "Status": lambda: _status_cell(provision),
    }
    # data-label lets narrow screens show each cell as a labelled line (see handbook.css).
    cells = [f'<th scope="row">{_code_cell(code)}</th>'] + [
        f'<td data-label="{text(column)}">{cells_by_column[column]()}</td>' for column in columns[1:]
    ]
    status = provision.status.value
    return (f'<tr id="{text(row_id)}" data-code="{text(code.id)}" data-status="{status}">'
            + "".join(cells) + "</tr>")


def _lookup(items: dict, key: str, macro: str, noun: str, where: str):  # noqa: ANN202
    """items[key], or an UnknownReference naming the macro, the place and the nearest id."""
    if key not in items:
        raise UnknownReference(
            f"{macro}: there is no {noun} {key!r} in {where}{_did_you_mean(str(key), items)}"
        )
    return items[key]


def _topic(dataset: Dataset, topic_id: str, macro: str) -> Topic:
    return _lookup(dataset.topics, topic_id, macro, "topic", "data/topics.yaml")


def _code(dataset: Dataset, code_id: str, macro: str) -> Code:
    return _lookup(dataset.codes, code_id, macro, "code", "data/codes/")


def _did_you_mean(value: str, choices: object) -> str:
    close = difflib.get_close_matches(value, [str(c) for c in choices], n=1)  # type: ignore[union-attr]
    return f" (did you mean {close[0]!r}?)" if close else ""


def _table(caption_id: str, caption: str, columns: tuple[str, ...], rows: list[str]) -> str:
    header = "".join(f'<th scope="col">{text(name)}</th>' for name in columns)
    return (
        f'<div class="ott-compare" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table class="ott-compare__table">'
        f'<caption id="{caption_id}">{text(caption)}</caption>'
        f"<thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody>"
        "</table></div>"
    )


def comparison_table(dataset: Dataset, topic_id: str) -> str:
    """The comparison table for one topic: one row per provision, every cell cited."""
    topic = _topic(dataset, topic_id, "comparison_table")
    columns = columns_for(topic)
    rows = [_row(code, provision, columns) for code, provision in dataset.provisions_on(topic.id)]
    return _table(f"compare-{topic.id}", f"{topic.title}: how the codes compare", columns, rows)


# --- links between pages ---------------------------------------------------
# Page addresses come from `macros.urls`, so data never holds URLs of our own pages.
topic_page = urls.topic
code_page_url = urls.code
rules_page_url = urls.rules


Link = Callable[[str], str]  # site-relative address -> href usable from the current page


def citation(dataset: Dataset, code_id: str, section: str, link: Link) -> str:
    """An inline citation: links to the provision's row in its topic table, and carries the
    rule in our words as a tooltip (hover and keyboard focus)."""
    code = _code(dataset, code_id, "cite")
    provision = next((p for p in code.provisions if p.section == section), None)
    if provision is None:
        raise UnknownReference(
            f"cite: {code.short_name} has no section {section!r} in data/codes/{code.id}.yaml"
            f"{_did_you_mean(str(section), [p.section for p in code.provisions])}"
        )
    href = link(topic_page(provision.topic)) + "#" + anchor_id(code.id, provision.section)
    prefix = {
        Status.confirmed: "",
        Status.secondary: "Seen only in a secondary source: ",
        Status.unconfirmed: "Not confirmed: ",
    }[provision.status]
    tip = f"{code.short_name} {provision.section} ({code.version}). {prefix}{provision.rule}"
    return (
        f'<a class="ott-cite" data-code="{text(code.id)}" data-status="{provision.status.value}" href="{text(href)}" '
        f'title="{text(tip)}">{text(code.short_name)} {text(provision.section)}</a>'
    )


# --- index and code pages ----------------------------------------------------

def topics_index(dataset: Dataset, link: Link) -> str:
    """A table of every topic: what it covers and which codes address it."""
    rows = []
    for topic in dataset.topics.values():
        names = []
        code_ids = dict.fromkeys(code.id for code, _ in dataset.provisions_on(topic.id))
        for code in (dataset.codes[code_id] for code_id in code_ids):
            names.append(f'<abbr title="{text(code.name)}">{text(code.short_name)}</abbr>')
        rows.append(
            f'<tr><th scope="row"><a href="{text(link(topic_page(topic.id)))}">{text(topic.title)}</a></th>'
            f"<td>{text(topic.summary)}</td><td>{', '.join(names) or 'None yet'}</td></tr>"
        )
    return (
        '<div class="ott-compare" role="region" aria-labelledby="topics-index" tabindex="0">'
        '<table class="ott-compare__table ott-index">'
        '<caption id="topics-index">Topics compared across the codes</caption>'
        '<thead><tr><th scope="col">Topic</th><th scope="col">What it covers</th>'
        '<th scope="col">Codes with a rule on it</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


KIND_LABELS = {"ethics-code": "Code of ethics", "statute": "Law (statute)", "regulation": "Regulation"}


def codes_index(dataset: Dataset, link: Link) -> str:
    """A table of every code and law: version, where it applies, when it was last checked."""
    rows = []
    for code in sorted(dataset.codes.values(), key=lambda c: (c.kind.value != "ethics-code", c.short_name.lower())):
        open_items = sum(p.status is not Status.confirmed for p in code.provisions)
        rows.append(
            f'<tr><th scope="row"><a href="{text(link(code_page_url(code.id)))}">'
            f"{text(code.short_name)}</a><br><span class=\"ott-small\">{text(code.name)}</span></th>"
            f"<td>{text(KIND_LABELS[code.kind.value])}, {text(dataset.jurisdictions[code.jurisdiction].name)}</td>"
            f"<td>{text(code.version)}</td>"
            f"<td>{len(code.provisions)}, of which {open_items} not fully confirmed</td>"
            f"<td>{text(us_date(code.verified_on))}</td></tr>"
        )
    return (
        '<div class="ott-compare" role="region" aria-labelledby="codes-index" tabindex="0">'
        '<table class="ott-compare__table ott-index">'
        '<caption id="codes-index">Codes of ethics and laws in this handbook</caption>'
        '<thead><tr><th scope="col">Code or law</th><th scope="col">Kind</th>'
        '<th scope="col">Version</th><th scope="col">Rules recorded</th>'
        '<th scope="col">Last checked</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _md_heading_text(value: str) -> str:
    """Escape text for a Markdown heading: HTML-escaped, Markdown punctuation neutralised."""
    escaped = text(value)
    return re.sub(r"([\\`*_\[\]#+!|~])", r"\\\1", escaped)


def code_page(dataset: Dataset, code_id: str, link: Link) -> str:
    """A code's own page (Markdown): its facts, what is unconfirmed, and its rules by topic."""
    code = _code(dataset, code_id, "code_page")
    facts = [
        ("Publisher", text(code.publisher)),
        ("Kind", f"{text(KIND_LABELS[code.kind.value])}, {text(dataset.jurisdictions[code.jurisdiction].name)}"),
        ("Version", text(code.version)),
        ("In force since", text(us_date(code.effective_date))),
        ("Whom it binds", text(code.binds)),
        ("Official text", f'<a href="{text(code.official_url)}">{text(code.official_url)}</a>'),
        ("Last checked by us", text(us_date(code.verified_on))),
    ]
    if code.revision_note:
        facts.append(("Revision", text(code.revision_note)))
    out = ['<dl class="ott-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>", ""]

    open_items = [p for p in code.provisions if p.status is not Status.confirmed]
    out.append("## What we have not confirmed { #not-confirmed }")
    out.append("")
    if open_items:
        items = "".join(
            f"<li><strong>{text(p.section)}</strong> ({text(STATUS_LABELS[p.status])}): "
            f"{text(p.status_note or '')}</li>"
            for p in open_items
        )
        out.append(f'<ul class="ott-open-items">{items}</ul>')
    else:
        out.append("<p>Every rule recorded for this code is confirmed against its wording.</p>")
    out.append("")

    for topic in dataset.topics.values():
        provisions = [p for p in code.provisions if p.topic == topic.id]
        if not provisions:
            continue
        out.append(f"## {_md_heading_text(topic.title)} {{ #{topic.id} }}")
        out.append("")
        compare = text(link(topic_page(topic.id)))
        for provision in provisions:
            anchor = anchor_id(code.id, provision.section)
            heading = f" {text(provision.heading)}" if provision.heading else ""
            waiting = ""
            if provision.waiting_period is not None:
                waiting = (
                    f"<p><strong>Waiting period:</strong> {text(waiting_period_label(provision.waiting_period))}. "
                    f"<strong>What still applies:</strong> {_after_cell(provision)}</p>"
                )
            out.append(
                f'<div class="ott-provision" id="{anchor}" data-status="{provision.status.value}">'
                f'<p class="ott-provision__title"><strong>{text(provision.section)}</strong>{heading}</p>'
                f"{_rule_cell(code, provision)}{waiting}{_status_cell(provision)}"
                f'<p><a href="{text(provision.source_url)}">Official text</a> · '
                f'<a href="{compare}#{anchor}">Compare with other codes</a></p></div>'
            )
            out.append("")
    return "\n".join(out)


# --- rules that apply to me ------------------------------------------------

BASIS_LABELS = {
    "licence": "Your licence",
    "membership": "Membership",
    "certification": "Certification",
    "law": "The law",
    "guidance": "Guidance",
}


def _profession(dataset: Dataset, profession_id: str, jurisdiction: str, macro: str):  # noqa: ANN202
    profession = _lookup(dataset.professions, profession_id, macro, "profession", "data/professions.yaml")
    if jurisdiction not in profession.applies:
        raise UnknownReference(
            f"{macro}: data/professions.yaml lists no jurisdiction {jurisdiction!r} for {profession_id}; "
            f"it has {', '.join(profession.applies)}{_did_you_mean(jurisdiction, profession.applies)}"
        )
    return profession


def applicable_provisions(dataset: Dataset, profession_id: str, jurisdiction: str) -> list[tuple[Code, Provision]]:
    """Every provision that binds or guides a profession in a jurisdiction."""
    return dataset.applicable_provisions(_profession(dataset, profession_id, jurisdiction, "rules_for"), jurisdiction)


def rules_for(dataset: Dataset, profession_id: str, jurisdiction: str, link: Link) -> str:
    """The "rules that apply to me" page body (Markdown): which codes and why, then each
    topic's rules from those codes only, in the same table form as the comparisons."""
    profession = _profession(dataset, profession_id, jurisdiction, "rules_for")
    where = dataset.jurisdictions[jurisdiction].where
    items = []
    for rule in profession.applies[jurisdiction]:
        code = dataset.codes[rule.code]
        scope = f" (sections {', '.join(rule.sections)})" if rule.sections else ""
        items.append(
            f'<li><a href="{text(link(code_page_url(code.id)))}"><strong>{text(code.short_name)}</strong>'
            f"{text(scope)}</a>: {text(code.name)}, {text(code.version)}. "
            f"<em>{text(BASIS_LABELS[rule.basis.value])}.</em> {text(rule.why)}</li>"
        )
    out = [
        f"<p>For {text(profession.plural)} {text(where)}, these codes and laws bind or guide you, "
        "and this is why:</p>",
        f'<ul class="ott-applies">{"".join(items)}</ul>',
        "",
        "<p>Your licensing board's own rules and your employer's policies may add to these. "
        "A topic not listed below has no rule from these codes in our data yet; that does not "
        "mean there is none.</p>",
        "",
    ]
    applicable = applicable_provisions(dataset, profession_id, jurisdiction)
    for topic in dataset.topics.values():
        rows_for_topic = [(c, p) for c, p in applicable if p.topic == topic.id]
        if not rows_for_topic:
            continue
        columns = columns_for(topic)
        out.append(f"## {_md_heading_text(topic.title)} {{ #{topic.id} }}")
        out.append("")
        out.append(
            _table(
                f"rules-{topic.id}",
                f"{topic.title}: the rules for {profession.plural} {where}",
                columns,
                [_row(code, provision, columns) for code, provision in rows_for_topic],
            )
        )
        out.append("")
        out.append(
            f'<p class="ott-small"><a href="{text(link(topic_page(topic.id)))}">Compare every code on '
            f"{text(topic.title.lower())}</a></p>"
        )
        out.append("")
    return "\n".join(out)


def profession_chooser(dataset: Dataset, link: Link) -> str:
    """Links to every profession x jurisdiction page, as a plain table (no JavaScript)."""
    columns = dataset.rules_jurisdictions()
    rows = []
    for profession in dataset.professions.values():
        cells = "".join(
            f'<td><a href="{text(link(rules_page_url(profession.id, j.id)))}">'
            f"{text(profession.title)}, {text(j.name)}</a></td>"
            if j.id in profession.applies else "<td>Not covered yet</td>"
            for j in columns
        )
        rows.append(f'<tr><th scope="row">{text(profession.title)}</th>{cells}</tr>')
    headers = "".join(f'<th scope="col">{text(j.where[0].upper() + j.where[1:])}</th>' for j in columns)
    return (
        '<div class="ott-compare" role="region" aria-labelledby="chooser" tabindex="0">'
        '<table class="ott-compare__table ott-index">'
        '<caption id="chooser">Choose your profession and where you practice</caption>'
        f'<thead><tr><th scope="col">Profession</th>{headers}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# --- decision trees ----------------------------------------------------------

def tree_page_url(tree) -> str:  # noqa: ANN001
    return urls.tree(tree.id, tree.readers.value)


def node_anchor(tree_id: str, node_id: str) -> str:
    return f"{tree_id}--{node_id}"


def _node_title(node) -> str:  # noqa: ANN001
    return node.question if node.is_question else node.outcome


def resource_text(resource) -> str:  # noqa: ANN001
    """A client resource as HTML: linked name, publisher, and a flag when not confirmed."""
    flag = "" if resource.status is Status.confirmed else f" ({text(STATUS_LABELS[resource.status]).lower()})"
    return (f'<a href="{text(resource.url)}">{text(resource.name)}</a>, '
            f"{text(resource.publisher)}{flag}")


def cite_item(dataset: Dataset, cite, link: Link) -> str:  # noqa: ANN001
    """One checked citation (a provision, a reference or a resource) as inline HTML."""
    if cite.reference:
        return reference_text(dataset.references[cite.reference])
    if cite.resource:
        return resource_text(dataset.resources[cite.resource])
    return citation(dataset, cite.code, cite.section, link)


def reference_text(reference) -> str:  # noqa: ANN001
    """A reference as HTML: authors (year). Title. Where published. Link."""
    year = f" ({reference.year})" if reference.year else ""
    where = f" {text(reference.published_in)}." if reference.published_in else ""
    title = text(reference.title)
    if reference.url:
        title = f'<a href="{text(reference.url)}">{title}</a>'
    return f"{text(reference.authors.rstrip('.'))}{year}. {title}.{where}"


def _tree(dataset: Dataset, tree_id: str, macro: str):  # noqa: ANN202
    return _lookup(dataset.trees, tree_id, macro, "tree", "data/trees/")


def _list(title: str, items: list[str], css: str) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{text(item)}</li>" for item in items)
    return f'<h3 class="ott-outcome__label">{text(title)}</h3><ul class="{css}">{lis}</ul>'


def _outcome_body(dataset: Dataset, tree, node, link: Link) -> str:  # noqa: ANN001
    parts = []
    if node.summary:
        parts.append(f"<p>{text(node.summary)}</p>")
    parts.append(_list("What to do", node.do, "ott-do"))
    parts.append(_list("What to avoid", node.avoid, "ott-avoid"))
    if node.say:
        parts.append(f'<h3 class="ott-outcome__label">What you might say</h3>'
                     f'<blockquote class="ott-say"><p>{text(node.say)}</p></blockquote>')
    for_clients = tree.readers.value == "clients"
    parts.append(_list("What to write down" if for_clients else "What to document", node.document, "ott-document"))
    if node.consult:
        label = "Who can help" if for_clients else "When to consult"
        parts.append(f'<h3 class="ott-outcome__label">{label}</h3><p>{text(node.consult)}</p>')
    if node.compare_topic:
        topic = dataset.topics[node.compare_topic]
        items = []
        for code, provision in dataset.provisions_on(topic.id):
            waiting = ""
            if provision.waiting_period is not None:
                waiting = f" Waiting period: {text(waiting_period_label(provision.waiting_period))}."
            status = "" if provision.status is Status.confirmed else f" ({text(STATUS_LABELS[provision.status])})"
            items.append(
                f"<li>{citation(dataset, code.id, provision.section, link)}{status}:{waiting} "
                f"{text(provision.rule)}</li>"
            )
        parts.append(
            f'<h3 class="ott-outcome__label">What each code says</h3><ul class="ott-by-code">{"".join(items)}</ul>'
            f'<p><a href="{text(link(topic_page(topic.id)))}">Compare the codes on {text(topic.title.lower())}</a></p>'
        )
    sources = [f"<li>{cite_item(dataset, cite, link)}</li>" for cite in node.cites]
    parts.append(f'<h3 class="ott-outcome__label">Sources</h3><ul class="ott-sources">{"".join(sources)}</ul>')
    parts.append(f'<p class="ott-restart"><a href="#{text(node_anchor(tree.id, tree.start))}">Start again</a></p>')
    return "".join(parts)


def decision_tree(dataset: Dataset, tree_id: str, link: Link) -> str:
    """One tree, three views from one markup: every node as a linked section (works without
    JavaScript and prints as an outline); trees.js turns it into a step-by-step stepper."""
    tree = _tree(dataset, tree_id, "decision_tree")
    sections = []
    for node_id, node in tree.nodes.items():
        anchor = node_anchor(tree.id, node_id)
        kind = "question" if node.is_question else "outcome"
        heading = text(_node_title(node))
        if node.is_question:
            answers = "".join(
                f'<li><a href="#{text(node_anchor(tree.id, a.next))}" data-next="{text(a.next)}">{text(a.label)}</a>'
                f'<span class="ott-goto"> → {text(_node_title(tree.nodes[a.next]))}</span></li>'
                for a in node.answers
            )
            help_text = f'<p class="ott-help">{text(node.help)}</p>' if node.help else ""
            body = f'{help_text}<ul class="ott-answers">{answers}</ul>'
        else:
            body = _outcome_body(dataset, tree, node, link)
        label = "Question" if node.is_question else "Outcome"
        sections.append(
            f'<section class="ott-node ott-node--{kind}{" ott-node--start" if node_id == tree.start else ""}" '
            f'id="{text(anchor)}" data-node="{text(node_id)}" '
            f'aria-labelledby="{text(anchor)}-h">'
            f'<h2 id="{text(anchor)}-h" tabindex="-1"><span class="ott-node__kind">{label}: </span>{heading}</h2>'
            f"{body}</section>"
        )
    return (
        f'<div class="ott-tree" data-tree="{text(tree.id)}" data-start="{text(tree.start)}">'
        f'<p class="ott-tree__intro">{text(tree.intro)}</p>'
        f'<p class="ott-small">For: {text(tree.audience)}. Nothing you choose here leaves your browser.</p>'
        f'<div class="ott-tree__nodes">{"".join(sections)}</div>'
        "</div>"
    )


def trees_index(dataset: Dataset, link: Link, readers: str = "clinicians") -> str:
    """A list of every decision tree for these readers, with its intro."""
    items = "".join(
        f'<li><a href="{text(link(tree_page_url(t)))}"><strong>{text(t.title)}</strong></a>. '
        f"{text(t.intro)}</li>"
        for t in dataset.trees.values()
        if t.readers.value == readers
    )
    return f'<ul class="ott-trees">{items}</ul>'


def resource_link(dataset: Dataset, resource_id: str) -> str:
    """An inline link to a client resource, by id from data/resources.yaml."""
    resource = _lookup(dataset.resources, resource_id, "resource", "resource", "data/resources.yaml")
    return resource_text(resource)
