"""Pure renderers for the agency section: the onboarding path, one-page
summaries, templates by profession, and "Cite this handbook". No MkDocs imports.
"""

from __future__ import annotations

from typing import Any, Callable

from . import urls
from .dataset import Dataset, clauses_for
from .rendering import (
    Link,
    _lookup,
    _md_heading_text,
    applicable_provisions,
    cite_item,
    text,
    tree_page_url,
)

PageTitle = Callable[[str], str]  # docs-relative path like situations/x.md -> the page's title


page_url = urls.page
one_pager_url = urls.one_pager
templates_url = urls.templates


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    hour_text = "1 hour" if hours == 1 else f"{hours} hours"
    return hour_text if not rest else f"{hour_text} {rest} minutes"


def onboarding_path(dataset: Dataset, link: Link, title_of: PageTitle) -> str:
    """The reading path (Markdown): a summary line, then each step with its questions."""
    onboarding = dataset.onboarding
    if onboarding is None:
        raise ValueError("onboarding_path: data/onboarding.yaml is missing")
    total = sum(step.minutes for step in onboarding.steps)
    parts = [
        f'<p class="ott-lead">{text(onboarding.intro)}</p>',
        f'<p class="ott-path-total"><strong>{len(onboarding.steps)} steps, about {text(duration(total))} '
        "in all</strong>, reading and discussion included. One or two steps fit a team meeting.</p>",
    ]
    for number, step in enumerate(onboarding.steps, start=1):
        title = title_of(step.page)
        questions = "".join(f"<li>{text(q)}</li>" for q in step.questions)
        parts.append(
            f"\n## {number}. {_md_heading_text(title)}\n\n"
            f'<p class="ott-step-meta"><a href="{text(link(page_url(step.page)))}">Read: {text(title)}</a> · '
            f"about {text(duration(step.minutes))}</p>"
            f"<p>{text(step.why)}</p>"
            f'<p class="ott-step-label">Questions for discussion</p><ol class="ott-questions">{questions}</ol>\n'
        )
    return "\n".join(parts)


def _summary(dataset: Dataset, summary_id: str, macro: str):  # noqa: ANN202
    return _lookup(dataset.one_pagers, summary_id, macro, "one-pager", "data/one-pagers.yaml")


def one_pager(dataset: Dataset, summary_id: str, link: Link) -> str:
    """One situation on one printed page (HTML)."""
    summary = _summary(dataset, summary_id, "one_pager")

    def items(values: list[str]) -> str:
        return "".join(f"<li>{text(v)}</li>" for v in values)

    tree = ""
    if summary.tree:
        found = dataset.trees[summary.tree]
        tree = (f'<p><strong>Decide step by step:</strong> <a href="{text(link(tree_page_url(found)))}">'
                f"{text(found.title)}</a></p>")
    sources = "".join(f"<li>{cite_item(dataset, cite, link)}</li>" for cite in summary.cites)
    chapter = link(urls.chapter(summary.id))
    return (
        f'<div class="ott-one-pager">'
        f'<p class="ott-lead">{text(summary.gist)}</p>'
        f'<h2 id="remember">Remember</h2><ul>{items(summary.key_points)}</ul>'
        f'<h2 id="say">What you might say</h2><blockquote class="ott-say"><p>{text(summary.say)}</p></blockquote>'
        f'<div class="ott-one-pager__cols">'
        f'<div><h2 id="document">Document</h2><ul>{items(summary.document)}</ul></div>'
        f'<div><h2 id="consult">Consult</h2><p>{text(summary.consult)}</p>{tree}</div>'
        f"</div>"
        f'<h2 id="sources">Sources</h2><ul class="ott-sources">{sources}</ul>'
        f'<p class="ott-one-pager__more">The full chapter, with cases and the comparison tables: '
        f'<a href="{text(chapter)}">{text(summary.title)}</a>.</p>'
        "</div>"
    )


def one_pagers_index(dataset: Dataset, link: Link) -> str:
    rows = "".join(
        f'<li><a href="{text(link(one_pager_url(s.id)))}">{text(s.title)}</a>. {text(s.gist)}</li>'
        for s in dataset.one_pagers.values()
    )
    return f'<ul class="ott-one-pagers">{rows}</ul>'


def _template(dataset: Dataset, template_id: str, macro: str):  # noqa: ANN202
    return _lookup(dataset.templates, template_id, macro, "template", "data/templates.yaml")


def template_text(dataset: Dataset, template_id: str, profession_id: str, link: Link) -> str:
    """One template as one profession prints it (HTML): its clauses, then what each rests on,
    citing only the codes and laws that bind or guide that profession (references and
    resources are kept for everyone)."""
    template = _template(dataset, template_id, "template")
    profession = _lookup(dataset.professions, profession_id, "template", "profession", "data/professions.yaml")
    applies = {(code.id, provision.section)
               for jurisdiction in profession.applies
               for code, provision in applicable_provisions(dataset, profession_id, jurisdiction)}
    clauses = []
    basis = []
    for clause in clauses_for(template, profession_id):
        clauses.append(f'<h3 id="{text(template.id)}-{text(clause.id)}">{text(clause.heading)}</h3>'
                       f"<p>{text(clause.text)}</p>")
        if not clause.cites:
            continue
        kept = [cite for cite in clause.cites if not cite.code or (cite.code, cite.section) in applies]
        if kept:
            cites = ", ".join(cite_item(dataset, cite, link) for cite in kept)
        else:
            cites = (f"no code that binds {text(profession.plural)} speaks to this; the wording follows "
                     "the codes of other professions and this handbook's advice")
        basis.append(f"<li>{text(clause.heading)}: {cites}</li>")
    basis_html = (
        f'<div class="ott-basis"><p class="ott-step-label">What this wording rests on</p><ul>{"".join(basis)}</ul></div>'
        if basis else ""
    )
    return (
        f'<div class="ott-template" data-template="{text(template.id)}" data-profession="{text(profession_id)}">'
        f'<p class="ott-template__purpose">{text(template.purpose)}</p>'
        f'<div class="ott-template__text">{"".join(clauses)}</div>'
        f"{basis_html}</div>"
    )


def templates_for(dataset: Dataset, profession_id: str, link: Link) -> str:
    """A profession's page: every template, each as a Markdown section (so it is in the contents)."""
    profession = _lookup(dataset.professions, profession_id, "templates_for", "profession", "data/professions.yaml")
    # The widest jurisdiction the profession lists (the first in data/jurisdictions.yaml).
    widest = next(j for j in dataset.jurisdictions.values() if j.id in profession.applies)
    codes = ", ".join(
        f'<a href="{text(link(urls.code(rule.code)))}">{text(dataset.codes[rule.code].short_name)}</a>'
        for rule in profession.applies[widest.id]
    )
    parts = [
        f'<p class="ott-lead">Wording for {text(profession.plural)} to adapt. Replace the parts in '
        "[square brackets], check it against your own code, your state's rules and your "
        "agency's policies, and have it reviewed before you use it. It is education, not legal advice.</p>",
        f'<p class="ott-small">Codes that bind or guide {text(profession.plural)} {text(widest.where)}: '
        f"{codes}.</p>",
    ]
    for template in dataset.templates.values():
        parts.append(f"\n## {_md_heading_text(template.title)}\n\n"
                     + template_text(dataset, template.id, profession.id, link) + "\n")
    return "\n".join(parts)


def templates_index(dataset: Dataset, link: Link) -> str:
    items = "".join(
        f'<li><a href="{text(link(templates_url(p.id)))}">Templates for {text(p.plural)}</a></li>'
        for p in dataset.professions.values()
    )
    names = "".join(f"<li>{text(t.title)}: {text(t.purpose)}</li>" for t in dataset.templates.values())
    return f'<p>Each page holds these templates:</p><ul>{names}</ul><ul class="ott-professions">{items}</ul>'


# --- citing the handbook ----------------------------------------------------

def _authors(cff: dict[str, Any]) -> list[str]:
    names = []
    for author in cff.get("authors", []):
        if "name" in author:
            names.append(str(author["name"]))
        else:
            names.append(" ".join(str(author[k]) for k in ("given-names", "family-names") if k in author))
    return names


def cite_handbook(cff: dict[str, Any]) -> str:
    """"Cite this handbook" from CITATION.cff: a reference in APA style and a BibTeX entry."""
    authors = _authors(cff)
    released = cff.get("date-released")
    year = str(released)[:4] if released else "n.d."
    title = str(cff["title"])
    version = cff.get("version")
    url = str(cff.get("url", ""))
    version_text = f" (Version {version})" if version else ""
    licence = cff.get("license", "")
    licence = " and ".join(map(str, licence)) if isinstance(licence, list) else str(licence)
    lead = f"{' & '.join(authors)}. ({year}). "
    key = "outside-the-office-" + year
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  author = {{{' and '.join('{' + a + '}' for a in authors)}}},",
        f"  title = {{{title}}},",
        f"  year = {{{year}}},",
        *( [f"  version = {{{version}}},"] if version else [] ),
        f"  url = {{{url}}},",
        f"  note = {{License: {licence}}}",
        "}",
    ])
    return (
        f'<p class="ott-reference">{text(lead)}<em>{text(title)}</em>{text(version_text)}. '
        f'<a href="{text(url)}">{text(url)}</a></p>'
        f'<p>BibTeX:</p><pre class="ott-bibtex"><code>{text(bibtex)}</code></pre>'
    )
