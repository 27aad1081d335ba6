"""Pure renderers: validated models in, HTML out. No MkDocs imports.

Every piece of data passes through `text()`, which escapes HTML and also the
braces of template syntax, so data is always shown as written and never run.
"""

from __future__ import annotations

import difflib
import html
import re
from datetime import date
from urllib.parse import urlsplit

from .errors import UnknownReference
from .loading import Dataset
from .models import NEVER, NOT_SPECIFIED, Code, Provision, Status

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


def _row(code: Code, provision: Provision) -> str:
    row_id = anchor_id(code.id, provision.section)
    contents = [
        _code_cell(code),
        _section_cell(code, provision),
        _rule_cell(code, provision),
        text(waiting_period_label(provision.waiting_period)),
        _after_cell(provision),
        _status_cell(provision),
    ]
    # data-label lets narrow screens show each cell as a labelled line (see handbook.css).
    cells = [f'<th scope="row">{contents[0]}</th>'] + [
        f'<td data-label="{text(label)}">{content}</td>'
        for label, content in zip(COLUMNS[1:], contents[1:])
    ]
    status = provision.status.value
    return f'<tr id="{text(row_id)}" data-status="{status}">' + "".join(cells) + "</tr>"


def comparison_table(dataset: Dataset, topic_id: str) -> str:
    """The comparison table for one topic: one row per code, every cell cited."""
    topic = dataset.topics.get(topic_id)
    if topic is None:
        close = difflib.get_close_matches(str(topic_id), list(dataset.topics), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UnknownReference(
            f"comparison_table: there is no topic {topic_id!r} in data/topics.yaml{hint}"
        )
    caption_id = f"compare-{topic.id}"
    header = "".join(f'<th scope="col">{text(name)}</th>' for name in COLUMNS)
    rows = []
    for code_id in topic.codes:
        code = dataset.codes[code_id]
        for provision in code.provisions:
            if provision.topic == topic.id:
                rows.append(_row(code, provision))
    return (
        f'<div class="ott-compare" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table class="ott-compare__table">'
        f'<caption id="{caption_id}">{text(topic.title)}: how the codes compare</caption>'
        f"<thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody>"
        "</table></div>"
    )
