"""The renderers make data inert, whatever got past validation.

A renderer's output is pasted into a page's Markdown before Python-Markdown runs, so text
that is only HTML-escaped can still become markup: `![ onmouseover=alert(1) x](i.png)` in a
rule became an <img> whose quote closed the citation's title attribute. Here every text
field of every kind of data is swapped for a hostile string (on models from the real data,
with `model_copy`, so the loader's refusals are bypassed on purpose), each renderer runs,
and its output goes through Python-Markdown with mkdocs.yml's extensions, as on a page.
Then: the page has exactly the elements and attributes it has for plain text (nothing came
from data), no handler, script, image or `javascript:` link, and the hostile text is shown
as written.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from datetime import date
from functools import cache
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url
from mkdocs.utils.yaml import yaml_load
from pydantic import BaseModel

from macros import render
from macros.dataset import Dataset
from macros.models import (
    AppliesRule,
    Citation,
    Clause,
    Code,
    Combination,
    Jurisdiction,
    OnboardingFile,
    OnePager,
    Profession,
    Provision,
    Reference,
    Resource,
    Source,
    Step,
    Template,
    Topic,
    Tree,
)
from macros.render.environment import ENVIRONMENT, TEMPLATES
from macros.validate import load_dataset

ROOT = Path(__file__).resolve().parents[1]
DATASET = load_dataset(ROOT / "data")

HOSTILE = {
    "html tags": "<script>alert(1)</script><b>bold</b>",
    "event handler": '<img src=x onerror="alert(1)">',
    "attribute breakout": '" onmouseover="alert(1)" data-x="',
    "single-quote breakout": "' onfocus='alert(1)' autofocus='",
    "markdown image with a handler": "![ onmouseover=alert(document.domain) x](i.png)",
    "markdown image from another host": "![pixel](https://evil.example/pixel.png)",
    "markdown link to javascript": "[click me](javascript:alert(document.cookie))",
    "markdown link to data": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "autolinks": "<https://evil.example/> <javascript:alert(1)> <mail@evil.example>",
    "reference link": "[x][evil]\n\n[evil]: javascript:alert(1)",
    "footnote": "text[^1]\n\n[^1]: ![x](https://evil.example/f.png)",
    "abbreviation definition": "word\n\n*[word]: ![x](https://evil.example/a.png)",
    "attr_list": "Title { onclick=alert(1) #evil .evil } {: onclick=alert(1) }",
    "jinja": "{{ 7 * 7 }} {{ config.site_name }} {% for x in range(3) %}{{ x }}{% endfor %} {# hidden #}",
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;lt;",
    "unicode look-alikes": "＜script＞alert(1)＜/script＞ ‹img› ʺ onmouseover＝alert(1) ｊａｖａｓｃｒｉｐｔ：",
    "code spans and escapes": "`<b>` \\<b\\> \\[x\\](javascript:alert(1)) ``x``",
    "emphasis, tables, fences": "**bold** __b__ | col | ~~strike~~ ~~~ ``` ### # !!! note",
    "html comment and svg": "<!-- x --><svg onload=alert(1)>",
    "md_in_html": '<div markdown="1">![x](https://evil.example/m.png)</div>',
    "line-level markup": 'x\n\n# Heading\n\n- item\n\n    code\n\n--8<-- "mkdocs.yml"\n\n??? note\n\nTerm\n: def',
    "markdown placeholders": "\x02wzxhzdk:0\x03 \x02klzzwxh:0\x03 \x02hzzhzkh:0\x03",
}
PLAIN = "Plain words"

# --- which fields are text -------------------------------------------------------------
# Every str field of every model the renderers see is in exactly one of these, so a new
# field is a decision: text (swapped for hostile strings here) or an id, path or address.
TEXT = {
    Code: {"short_name", "name", "publisher", "version", "binds", "revision_note"},
    Provision: {"heading", "rule", "after_waiting_period", "quote", "status_note"},
    Topic: {"title", "summary"},
    Jurisdiction: {"name", "short_name", "where"},
    Profession: {"title", "plural"},
    AppliesRule: {"why"},
    Reference: {"authors", "title", "published_in", "note"},
    Resource: {"name", "publisher", "area", "about", "status_note"},
    Source: {"note"},
    Tree: {"title", "short_title", "intro", "audience"},
    OnboardingFile: {"intro"},
    Step: {"why", "questions"},
    OnePager: {"title", "gist", "key_points", "say", "document", "consult"},
    Template: {"title", "purpose"},
    Clause: {"heading", "text"},
    Combination: {"title", "note"},
}
NODE_TEXT = {"question", "help", "outcome", "summary", "do", "avoid", "say", "document", "consult"}
ANSWER_TEXT = {"label"}
# Sections are text too, but ids as well: a provision's section and every citation of it
# are swapped for the same string, so citations still find their provision.
SECTIONS = {(Provision, "section"), (Citation, "section"), (AppliesRule, "sections")}
NOT_TEXT = {  # ids, ids of other items, paths and addresses
    "id",
    "topic",
    "code",
    "jurisdiction",
    "codes",
    "applies",
    "reference",
    "resource",
    "start",
    "nodes",
    "next",
    "compare_topic",
    "tree",
    "professions",
    "page",
    "see_also",  # paths of the handbook's own pages, checked against the pages that exist
    "credentials",  # a combination's credential ids, derived from professions.yaml
    "waiting_period",  # a number of years or one of two words, printed as a label
}
# Printed by no renderer today (the checks and other pages use them). They are swapped all
# the same, so a renderer that starts printing one is covered at once.
NOT_PRINTED = {"Jurisdiction.short_name", "Reference.note", "Resource.area", "Resource.about", "Resource.status_note"}


def mentions_str(annotation: object) -> bool:
    return annotation is str or any(mentions_str(arg) for arg in typing.get_args(annotation))


def models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in models_in(arg)]


def all_models() -> set[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [
        Code,
        Topic,
        Jurisdiction,
        Profession,
        Reference,
        Resource,
        Tree,
        OnboardingFile,
        OnePager,
        Template,
        Combination,
    ]
    while stack:
        model = stack.pop()
        if model not in seen:
            seen.add(model)
            stack += [m for field in model.model_fields.values() for m in models_in(field.annotation)]
    return seen


def text_fields(model: type[BaseModel]) -> set[str]:
    if model.__name__ in ("Question", "Outcome"):
        return NODE_TEXT & set(model.model_fields)
    if model.__name__ == "Answer":
        return ANSWER_TEXT
    return TEXT.get(model, set())


def test_every_text_field_of_every_model_is_covered() -> None:
    """A field added to a model must be listed above: as text (then it is swapped for every
    hostile string below) or as an id, path or address."""
    unsorted = []
    for model in all_models():
        for name, field in model.model_fields.items():
            if not mentions_str(field.annotation):
                continue
            if name not in text_fields(model) and (model, name) not in SECTIONS and name not in NOT_TEXT:
                unsorted.append(f"{model.__name__}.{name}")
    assert unsorted == [], f"say whether these fields are text (TEXT) or ids (NOT_TEXT): {sorted(unsorted)}"


# --- a dataset whose every text is hostile -------------------------------------------------


@dataclasses.dataclass
class Poisoned:
    dataset: Dataset
    values: dict[str, str]  # marker -> the string that replaced the field
    cff: dict
    title_of: typing.Callable[[str], str]


def poisoned(hostile: str) -> Poisoned:
    """The real dataset with every text field replaced by `hostile` plus a marker naming the
    field (optional fields are filled too), so a test can say which field it sees."""
    values: dict[str, str] = {}

    def text(marker: str) -> str:
        values[marker] = f"{hostile} ⟪{marker}⟫"
        return values[marker]

    def swap(item: object, where: str) -> object:
        if isinstance(item, BaseModel):
            kind = type(item)
            update = {}
            for name in kind.model_fields:
                value = getattr(item, name)
                key = f"{kind.__name__}.{name}"
                if (kind, name) in SECTIONS:
                    if isinstance(value, list):
                        update[name] = [text(f"section {s}") for s in value]
                    elif value is not None:
                        update[name] = text(f"section {value}")
                elif name in text_fields(kind):
                    if isinstance(value, list):
                        update[name] = [text(f"{key}[{i}] {where}") for i in range(len(value))]
                    else:
                        update[name] = text(f"{key} {where}")
                elif isinstance(value, (BaseModel, list, dict)):
                    update[name] = swap(value, f"{where}/{name}")
            return item.model_copy(update=update)
        if isinstance(item, list):
            return [swap(value, f"{where}[{i}]") for i, value in enumerate(item)]
        if isinstance(item, dict):
            return {key: swap(value, f"{where}/{key}") for key, value in item.items()}
        return item

    def each(items: dict) -> dict:
        return {key: swap(item, key) for key, item in items.items()}

    dataset = dataclasses.replace(
        DATASET,
        codes=each(DATASET.codes),
        topics=each(DATASET.topics),
        jurisdictions=each(DATASET.jurisdictions),
        professions=each(DATASET.professions),
        references=each(DATASET.references),
        resources=each(DATASET.resources),
        trees=each(DATASET.trees),
        one_pagers=each(DATASET.one_pagers),
        templates=each(DATASET.templates),
        combinations=each(DATASET.combinations),
        onboarding=swap(DATASET.onboarding, "onboarding"),
    )
    cff = {
        "cff-version": "1.2.0",
        "title": text("cff.title"),
        "authors": [{"name": text("cff.author")}],
        "version": text("cff.version"),
        "license": [text("cff.license")],
        "date-released": date(2026, 1, 1),
        "url": "https://example.org/handbook/",
    }
    return Poisoned(dataset, values, cff, lambda path: text(f"page title {path}"))


@cache
def poisoned_by(name: str) -> Poisoned:
    return poisoned(PLAIN if name == "plain" else HOSTILE[name])


# --- the renderers, as pages call them ----------------------------------------------------


def _first(items: typing.Iterable[str], why: str) -> str:
    found = next(iter(items), None)
    assert found, f"test fixture out of date: the real data has no {why}; pick another"
    return found


WAITING_TOPIC = _first(
    (t.id for t in DATASET.topics.values() if t.compares_waiting_period), "topic that compares waiting periods"
)
CITED = _first((c.id for c in DATASET.codes.values() if c.provisions), "code with a provision")
PROFESSION, PLACE = next((p.id, j) for p in DATASET.professions.values() for j in p.applies)


def _trees_covering() -> list[str]:
    """Trees that between them have an outcome comparing codes, and cite a reference and a resource."""

    def cites(tree: Tree, kind: str) -> bool:
        return any(getattr(c, kind) for n in tree.nodes.values() if not n.is_question for c in n.cites)

    wanted = [
        lambda t: any(getattr(n, "compare_topic", None) for n in t.nodes.values()),
        lambda t: cites(t, "reference"),
        lambda t: cites(t, "resource"),
        lambda t: t.readers.value == "clients",
    ]
    return sorted(
        {_first((t.id for t in DATASET.trees.values() if test(t)), "tree for the safety test") for test in wanted}
    )


def link(page: str) -> typing.Callable[[str], str]:
    return lambda target: get_relative_url(target, page)


def _section(p: Poisoned) -> str:
    return p.dataset.codes[CITED].provisions[0].section


# name -> (how a page holds the output: "inline" in a sentence or a "block" of its own, renderer)
RENDERERS: dict[str, tuple[str, typing.Callable[[Poisoned], str]]] = {
    "comparison_table": ("block", lambda p: render.comparison_table(p.dataset, WAITING_TOPIC)),
    "citation": ("inline", lambda p: render.citation(p.dataset, CITED, _section(p), link("about/sources/"))),
    "code_page": ("block", lambda p: render.code_page(p.dataset, CITED, link(f"codes/{CITED}/"))),
    "topics_index": ("block", lambda p: render.topics_index(p.dataset, link("compare/"))),
    "codes_index": ("block", lambda p: render.codes_index(p.dataset, link("codes/"))),
    "rules_for": ("block", lambda p: render.rules_for(p.dataset, PROFESSION, PLACE, link("apply/x/"))),
    "profession_chooser": ("block", lambda p: render.profession_chooser(p.dataset, link("apply/"))),
    **{
        f"decision_tree {tree}": (
            "block",
            lambda p, tree=tree: render.decision_tree(p.dataset, tree, link("decide/x/")),
        )
        for tree in _trees_covering()
    },
    "trees_index": (
        "block",
        lambda p: (
            render.trees_index(p.dataset, link("decide/"))
            + "\n\n"
            + render.trees_index(p.dataset, link("clients/"), "clients")
        ),
    ),
    "resource_link": ("inline", lambda p: render.resource_link(p.dataset, next(iter(p.dataset.resources)))),
    "onboarding_path": ("block", lambda p: render.onboarding_path(p.dataset, link("agencies/onboarding/"), p.title_of)),
    "one_pager": (
        "block",
        lambda p: render.one_pager(
            p.dataset, next(s.id for s in p.dataset.one_pagers.values() if s.tree), link("agencies/one-pagers/x/")
        ),
    ),
    "one_pagers_index": ("block", lambda p: render.one_pagers_index(p.dataset, link("agencies/one-pagers/"))),
    "templates_for": ("block", lambda p: render.templates_for(p.dataset, PROFESSION, link("agencies/templates/x/"))),
    "templates_index": ("block", lambda p: render.templates_index(p.dataset, link("agencies/templates/"))),
    "cite_handbook": ("block", lambda p: render.cite_handbook(p.cff)),
    "licences_chooser": ("block", lambda p: render.licences_chooser(p.dataset, link("apply/my-licences/"))),
    "combination_page": (
        "block",
        lambda p: render.combination_page(p.dataset, next(iter(p.dataset.combinations)), link("apply/combinations/x/")),
    ),
}


def markdown_like_mkdocs() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings mkdocs.yml lists."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = dict(options or {})
    if "pymdownx.snippets" in settings:  # mkdocs runs from the project folder
        settings["pymdownx.snippets"]["base_path"] = [str(ROOT)]
    return markdown.Markdown(extensions=names, extension_configs=settings)


MARKDOWN = markdown_like_mkdocs()


@cache
def page(hostile: str, renderer: str) -> tuple[str, BeautifulSoup]:
    """The renderer's output, and the page Python-Markdown makes of it."""
    placement, function = RENDERERS[renderer]
    out = function(poisoned_by(hostile))
    source = f"A sentence with {out} in it.\n" if placement == "inline" else f"A paragraph.\n\n{out}\n\nAnother.\n"
    MARKDOWN.reset()
    return out, BeautifulSoup(MARKDOWN.convert(source), "html.parser")


def skeleton(soup: BeautifulSoup) -> list[tuple[str, tuple[str, ...]]]:
    return [(tag.name, tuple(sorted(tag.attrs))) for tag in soup.find_all(True)]


def shown(value: str) -> str:
    """How a page shows a value: control characters as U+FFFD, CR as a line break."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "\ufffd", value.replace("\r", "\n"))


def visible(soup: BeautifulSoup) -> str:
    """The page's text and every attribute value: where a reader or a tooltip shows data."""
    attributes = [str(v) for tag in soup.find_all(True) for v in tag.attrs.values()]
    return "\n".join([soup.get_text(), *attributes]).lower()


MARKER = re.compile("⟪([^⟫]*)⟫")


@cache
def printed_fields(renderer: str) -> frozenset[str]:
    """The markers of the fields a renderer prints (some lower-cased, as a heading or a link is)."""
    text = visible(page("plain", renderer)[1])  # first: rendering records the page titles it asks for
    by_lower = {marker.lower(): marker for marker in poisoned_by("plain").values}
    return frozenset(by_lower[found] for found in MARKER.findall(text) if found in by_lower)


BAD_ELEMENTS = {
    "script",
    "img",
    "svg",
    "iframe",
    "object",
    "embed",
    "style",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "video",
    "audio",
    "source",
    "picture",
    "math",
    "template",
}


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_stays_text(hostile: str, renderer: str) -> None:
    out, soup = page(hostile, renderer)
    _, plain = page("plain", renderer)
    assert "{{" not in out and "{%" not in out and "{#" not in out, "template syntax reached the page"
    assert skeleton(soup) == skeleton(plain), "an element or attribute came from data"
    for tag in soup.find_all(True):
        assert tag.name not in BAD_ELEMENTS, f"<{tag.name}> on the page"
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"<{tag.name} {name}=...> on the page"
            if name in ("href", "src", "action", "formaction", "srcset", "xlink:href"):
                address = re.sub(r"[\x00-\x20]", "", str(value)).lower()
                assert not address.startswith(("javascript:", "data:", "vbscript:")), f"{name}={value!r}"
                assert "evil.example" not in address, f"{name}={value!r} leads to a host named in data"
    # Shown as written, wherever the plain run shows the same field.
    text, values = visible(soup), poisoned_by(hostile).values
    shown_fields = printed_fields(renderer)
    assert shown_fields, f"{renderer} printed none of the fields"
    missing = [marker for marker in shown_fields if shown(values[marker]).lower() not in text]
    assert missing == [], f"not shown as written: {sorted(missing)[:5]}"


def test_every_text_field_is_printed_somewhere() -> None:
    """The safety test above only proves what a renderer prints: every text field but those
    in NOT_PRINTED must reach at least one renderer's output."""
    printed = {marker.split(" ")[0].split("[")[0] for renderer in RENDERERS for marker in printed_fields(renderer)}
    fields = {f"{model.__name__}.{name}" for model in all_models() for name in text_fields(model)}
    assert sorted(fields - printed - NOT_PRINTED) == []
    assert sorted(NOT_PRINTED & printed) == [], "now printed: remove from NOT_PRINTED"


def test_hostile_citation_runs_nothing_on_hover() -> None:
    """The case that ran in Chromium: Markdown image syntax in a rule, cited inline."""
    out, soup = page("markdown image with a handler", "citation")
    cite = soup.select_one("a.ott-cite")
    # The link, and after it only the status flag (fixed words, no data) when not confirmed.
    tags = [a.name for a in soup.find_all(True)]
    assert tags in (["p", "a"], ["p", "a", "span"]), tags
    if tags[-1] == "span":
        flag = soup.select_one("span.ott-cite-flag")
        assert flag is not None and not flag.find(True)
        assert flag.get_text().strip() in {"(not yet checked)", "(publisher's summary)", "(paraphrase only)"}
    assert set(cite.attrs) == {"class", "data-code", "data-status", "href", "title"}
    assert "![ onmouseover=alert(document.domain) x](i.png)" in cite["title"]


# --- the templates themselves -------------------------------------------------------------


def test_templates_cannot_print_data_unescaped() -> None:
    """The filters that would skip `finalize` are gone, and `~` and autoescape blocks are refused."""
    import jinja2

    assert not {"safe", "urlize", "xmlattr", "tojson"} & set(ENVIRONMENT.filters)
    for source in ("{{ a ~ b }}", "{% autoescape false %}{{ a }}{% endautoescape %}", "{{ a|safe }}"):
        with pytest.raises(jinja2.TemplateSyntaxError):
            ENVIRONMENT.from_string(source)
    assert (
        ENVIRONMENT.from_string("{{ items|join(', ') }}|{{ x|e }}").render(items=["[a](b)", "*"], x="{x}")
        == "&#91;a&#93;&#40;b&#41;, &#42;|&#123;x&#125;"
    )


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_html_templates_have_no_trailing_spaces(path: Path) -> None:
    """In .html templates a line break prints nothing, so a space at a line's end would be
    the only space between two words, and editors remove those: write {{ " " }} instead."""
    lines = [
        number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line != line.rstrip()
    ]
    assert lines == [], f"{path.name}: trailing spaces on lines {lines}"


def test_only_checked_addresses_reach_href() -> None:
    from macros.render.environment import Url

    for address in ("https://example.org/a_b(c)", "../compare/x/#row", "#tree--node", ""):
        assert Url(address) == address
    for address in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "\x01vbscript:x",
    ):
        with pytest.raises(ValueError, match="not an address the handbook links to"):
            Url(address)
