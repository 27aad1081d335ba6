"""The renderers on their own: models in, HTML out, no MkDocs involved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from macros import render
from macros.dataset import Dataset
from macros.errors import UnknownReference
from macros.models import Code, Provision, Status, Topic
from macros.validate import load_dataset

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert('x')</script> {{ 7 * 7 }} {% if true %}yes{% endif %}"


def hostile_dataset() -> Dataset:
    """Data that skipped validation (model_construct), as if a check were missed."""
    provision = Provision.model_construct(
        section="1.1",
        heading=HOSTILE,
        topic="t",
        rule=HOSTILE,
        waiting_period=3,
        after_waiting_period=HOSTILE,
        quote=HOSTILE,
        source_url="https://example.org/code",
        status=Status.unconfirmed,
        checked_against=[],
        status_note=HOSTILE,
    )
    code = Code.model_construct(
        id="x",
        short_name=HOSTILE,
        name=HOSTILE,
        publisher=HOSTILE,
        version=HOSTILE,
        effective_date=date(2020, 1, 1),
        official_url="https://example.org",
        binds=HOSTILE,
        verified_on=date(2026, 1, 1),
        revision_note=HOSTILE,
        provisions=[provision],
    )
    topic = Topic.model_construct(id="t", title=HOSTILE, summary=HOSTILE, codes=["x"], compares_waiting_period=True)
    return Dataset(codes={"x": code}, topics={"t": topic}, sources={})


def test_data_is_escaped_and_never_evaluated() -> None:
    html = render.comparison_table(hostile_dataset(), "t")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "{{" not in html and "{%" not in html
    assert "&#123;&#123; 7 &#42; 7 &#125;&#125;" in html  # * is Markdown emphasis: encoded too
    # Shown to the reader exactly as written:
    assert "{{ 7 * 7 }}" in soup.get_text()


def test_macro_output_is_not_evaluated_by_jinja() -> None:
    """mkdocs-macros renders the page as a Jinja template; our output must stay inert."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals["comparison_table"] = lambda topic: render.comparison_table(hostile_dataset(), topic)
    page = env.from_string('Before {{ comparison_table("t") }} after').render()
    assert "49" not in page
    assert "yes" not in BeautifulSoup(page, "html.parser").get_text().replace(HOSTILE, "")


def test_real_table_has_a_row_per_code_with_citations() -> None:
    dataset = load_dataset(ROOT / "data")
    soup = BeautifulSoup(render.comparison_table(dataset, "sexual-relationships-former-clients"), "html.parser")
    rows = {row["id"]: row for row in soup.select("tbody tr")}
    listed = dataset.topics["sexual-relationships-former-clients"].codes
    order = list(dict.fromkeys(row["data-code"] for row in soup.select("tbody tr")))
    assert order[: len(listed)] == listed
    headers = [th.get_text() for th in soup.select("thead th")]
    assert headers == list(render.COLUMNS)
    apa, aca = rows["apa-10-08"], rows["aca-a-5-c"]
    assert "2 years" in apa.get_text() and "5 years" in aca.get_text()
    assert apa.select_one('a[href="https://www.apa.org/ethics/code"]') is not None
    assert aca.select_one('a[href="https://www.counseling.org/resources/aca-code-of-ethics.pdf"]')
    assert "2002, amended effective June 1, 2010 and January 1, 2017" in apa.get_text()
    assert "Wording checked" in apa.select_one(".ott-status").get_text()
    assert soup.select_one("caption").get_text().startswith("Sexual or romantic relationships")


def test_unconfirmed_rule_is_not_shown_as_fact() -> None:
    soup = BeautifulSoup(render.comparison_table(hostile_dataset(), "t"), "html.parser")
    row = soup.select_one("tbody tr")
    assert row["data-status"] == "unconfirmed"
    assert row.select("td")[1].get_text().startswith("Not yet checked: read the code itself before relying on this.")
    assert row.select_one("td .ott-status").get_text() == "Not yet checked"
    # How a rule was checked stays out of the search index (Material's data-search-exclude).
    assert row.select_one("td strong.ott-unconfirmed").has_attr("data-search-exclude")
    assert row.select_one("td .ott-status-block").has_attr("data-search-exclude")


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1, "1 year"),
        (2, "2 years"),
        ("never", "Never: no waiting period ends it"),
        ("not specified", "No period stated"),
    ],
)
def test_waiting_period_labels(value: object, label: str) -> None:
    assert render.waiting_period_label(value) == label


def test_anchor_ids_are_stable() -> None:
    assert render.anchor_id("aca", "A.5.c") == "aca-a-5-c"
    assert render.anchor_id("apa", "10.08") == "apa-10-08"
    assert render.anchor_id("ca-bpc", "§ 4982(k)") == "ca-bpc-4982-k"


def test_each_status_is_labelled_and_its_sources_collapsed() -> None:
    """Only rules whose wording we read are stated without a caveat; every status's caveat,
    badge and line come from the data, and sources sit in a collapsed list with their kinds."""
    dataset = load_dataset(ROOT / "data")
    seen = set()
    for topic in dataset.topics:
        soup = BeautifulSoup(render.comparison_table(dataset, topic), "html.parser")
        for row in soup.select("tbody tr"):
            status = row["data-status"]
            seen.add(status)
            rule = row.select("td")[1].get_text()
            badge = row.select_one(".ott-status").get_text()
            if status == "confirmed":
                assert not row.select("strong.ott-unconfirmed") and badge == "Wording checked"
                assert (
                    row.select_one(".ott-status-line").get_text().startswith(("Checked ", "Read in the official text"))
                )
            else:
                caveat = render.views.RULE_CAVEATS[render.views.Status(status)]
                assert rule.startswith(caveat), (row["id"], rule[:80])
                assert badge == render.STATUS_LABELS[render.views.Status(status)]
            details = row.select_one("details.ott-checked")
            if details is not None:
                assert details.summary.get_text() == "Where we checked"
                for item in details.select("li"):
                    assert any(kind in item.get_text() for kind in render.views.SOURCE_KIND_LABELS.values())
    assert seen == {"confirmed", "summary", "secondary", "unconfirmed"}


def test_unknown_topic_suggests_the_nearest() -> None:
    dataset = load_dataset(ROOT / "data")
    with pytest.raises(UnknownReference) as caught:
        render.comparison_table(dataset, "former-clients")
    assert "there is no topic 'former-clients' in data/topics.yaml" in str(caught.value)


def test_citation_shows_when_its_wording_is_not_checked() -> None:
    """Inline, an unconfirmed rule says so after the link, not only in the tooltip; a confirmed
    one carries no flag, and on pages for clients (plain language) no citation is flagged."""
    dataset = load_dataset(ROOT / "data")
    by_status = {
        status: next((c, p) for c in dataset.codes.values() for p in c.provisions if p.status == status)
        for status in (Status.confirmed, Status.unconfirmed)
    }
    code, provision = by_status[Status.unconfirmed]
    soup = BeautifulSoup(render.citation(dataset, code.id, provision.section, str), "html.parser")
    flag = soup.select_one("a.ott-cite + span.ott-cite-flag")
    assert flag is not None and flag.get_text() == " (not yet checked)"
    assert flag.has_attr("data-search-exclude")
    code, provision = by_status[Status.confirmed]
    soup = BeautifulSoup(render.citation(dataset, code.id, provision.section, str), "html.parser")
    assert soup.select("span.ott-cite-flag") == []
    code, provision = by_status[Status.unconfirmed]
    token = render.views.PLAIN_LANGUAGE.set(True)
    try:
        soup = BeautifulSoup(render.citation(dataset, code.id, provision.section, str), "html.parser")
    finally:
        render.views.PLAIN_LANGUAGE.reset(token)
    assert soup.select("span.ott-cite-flag") == []


def test_a_tree_rendered_once_links_right_from_every_page() -> None:
    """render.decision_tree renders each tree once per language and reader, with tokens for
    its own site addresses, and fills in each page's relative links: for every tree, from a
    chapter (a different folder) and its own page, the result equals a fresh render, and
    new data starts a fresh render."""
    from mkdocs.utils import get_relative_url

    dataset = load_dataset(ROOT / "data")

    def linker(page_url: str):  # noqa: ANN202
        return lambda target: get_relative_url(target, page_url)

    pages = ("situations/online/", "", "clients/a/b/", "es/clients/x/")
    for tree_id in dataset.trees:
        languages = ["en"] + [lang for lang, tree in dataset.tree_translations if tree == tree_id]
        for language in languages:
            for plain in (False, True):
                with render.language(language), render.plain_language(plain):
                    cached = [render.decision_tree(dataset, tree_id, linker(page)) for page in pages]
                    fresh = []
                    for page in pages:
                        render._TREES.clear()
                        fresh.append(render.decision_tree(dataset, tree_id, linker(page)))
                assert cached == fresh, (tree_id, language, plain)
                assert render._TOKEN not in "".join(cached)
                # the links differ by page, so the test would see a page given another's
                own_links = "OTT-SITE-LINK" in render.decision_tree(dataset, tree_id, lambda t: "OTT-SITE-LINK")
                assert len(set(cached[:3])) == (3 if own_links else 1), tree_id
    first = render.decision_tree(dataset, "unexpected-encounter", linker("decide/x/"))
    other = load_dataset(ROOT / "data")
    tree = other.trees["unexpected-encounter"]
    other.trees["unexpected-encounter"] = tree.model_copy(update={"intro": "A changed intro."})
    changed = render.decision_tree(other, "unexpected-encounter", linker("decide/x/"))
    assert "A changed intro." in changed and "A changed intro." not in first
