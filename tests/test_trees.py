"""Decision trees: every edge of the built page checked against the data, and every shape
check proved on a bad tree."""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros import render
from macros.errors import DataErrors
from macros.models import MAX_DEPTH, Tree, paths, walk_edges
from macros.validate import load_dataset

from .conftest import ROOT
from .site_pages import SitePages

DATASET = load_dataset(ROOT / "data")
TREES = DATASET.trees


def flat(text: str) -> str:
    return " ".join(text.split())


def heading(section: Tag) -> str:
    """A node section's heading as a reader sees it, without its "Question:" or "Outcome:"."""
    h2 = section.find("h2")
    kind = h2.select_one(".ott-node__kind")
    return flat(h2.get_text()).removeprefix(flat(kind.get_text()) if kind else "").strip()


def follow(soup: BeautifulSoup, tree_id: str, node_id: str, label: str) -> Tag:
    """On the built tree page, from `node_id`'s section, take the answer link labelled
    `label`; return the section it leads to. Refused with a sentence when the node has no
    such answer, or the link leads to no node, or the stepper (data-next) would go elsewhere."""
    section = soup.find("section", id=render.node_anchor(tree_id, node_id))
    if section is None:
        raise AssertionError(f"{tree_id}: the built page has no section for {node_id!r}")
    links = section.select(".ott-answers a")
    options = [flat(a.get_text()) for a in links]
    chosen = [a for a in links if flat(a.get_text()) == flat(label)]
    if len(chosen) != 1:
        raise AssertionError(
            f"{tree_id}: {node_id!r} has {len(chosen) or 'no'} answer {label!r}; its answers are {options}"
        )
    href = chosen[0].get("href", "")
    landed = soup.find(id=href[1:]) if href.startswith("#") else None
    if landed is None or landed.name != "section" or "ott-node" not in landed.get("class", []):
        raise AssertionError(f"{tree_id}: {node_id!r}, answer {label!r} links to {href!r}, which is no node")
    stepper = soup.find("section", attrs={"data-node": chosen[0].get("data-next")})
    if stepper is not landed:
        raise AssertionError(
            f"{tree_id}: {node_id!r}, answer {label!r}: the link goes to {landed.get('id')!r} "
            f"but the stepper to data-next={chosen[0].get('data-next')!r}"
        )
    return landed


def check_edge(soup: BeautifulSoup, tree: Tree, node_id: str, position: int, target: str) -> None:
    """The rendered answer goes where the data says: to the section whose anchor and heading
    are the target node's, and the "→" note beside it names that node."""
    answer = tree.nodes[node_id].answers[position]
    landed = follow(soup, tree.id, node_id, answer.label)
    node = tree.nodes[target]
    expected = flat(node.question if node.is_question else node.outcome)
    assert (landed.get("id"), heading(landed)) == (render.node_anchor(tree.id, target), expected), (
        f"{tree.id}: {node_id!r}, answer {answer.label!r} leads to the wrong node"
    )
    link = next(
        a
        for a in soup.find("section", id=render.node_anchor(tree.id, node_id)).select(".ott-answers a")
        if flat(a.get_text()) == flat(answer.label)
    )
    note = link.find_next_sibling(class_="ott-goto")
    assert note is not None and flat(note.get_text()) == f"→ {expected}", (
        f"{tree.id}: {node_id!r}, answer {answer.label!r} says it leads elsewhere: {note}"
    )


EDGES = [
    (tree_id, node_id, position, target)
    for tree_id, tree in TREES.items()
    for node_id, position, target in walk_edges(tree)
]


def test_there_are_trees() -> None:
    assert "unexpected-encounter" in TREES


@pytest.mark.parametrize(
    ("tree_id", "node_id", "position", "target"), EDGES, ids=[f"{t}:{n}:{i}" for t, n, i, _ in EDGES]
)
def test_every_edge(site_pages: SitePages, tree_id: str, node_id: str, position: int, target: str) -> None:
    """On the built page, from this node's section, the link with this answer's label leads
    to the section of the node the data names (the edges come from data, the links from the
    page, so an answer rendered towards the wrong node fails here)."""
    tree = TREES[tree_id]
    check_edge(site_pages[render.tree_page_url(tree)], tree, node_id, position, target)


def test_a_misdirected_answer_fails_the_edge_check(site_pages: SitePages) -> None:
    """The check above can fail: point one rendered answer at another node, on a copy of the page."""
    tree_id, node_id, position, target = EDGES[0]
    tree = TREES[tree_id]
    soup = copy.copy(site_pages[render.tree_page_url(tree)])
    wrong = next(n for n in tree.nodes if n not in (node_id, target))
    section = soup.find("section", id=render.node_anchor(tree_id, node_id))
    link = section.select(".ott-answers a")[position]
    link["href"], link["data-next"] = f"#{render.node_anchor(tree_id, wrong)}", wrong
    with pytest.raises(AssertionError, match="leads to the wrong node"):
        check_edge(soup, tree, node_id, position, target)
    link["data-next"] = target  # the stepper and the link disagree
    with pytest.raises(AssertionError, match="but the stepper to data-next="):
        check_edge(soup, tree, node_id, position, target)


def test_follow_rejects_a_wrong_answer_with_a_sentence(site_pages: SitePages) -> None:
    tree = TREES["unexpected-encounter"]
    with pytest.raises(AssertionError) as caught:
        follow(site_pages[render.tree_page_url(tree)], tree.id, tree.start, "Maybe")
    assert "'kind-of-contact' has no answer 'Maybe'; its answers are ['A one-off chance meeting'" in str(caught.value)


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_path_ends_at_an_outcome_within_the_depth_limit(tree_id: str) -> None:
    tree = TREES[tree_id]
    all_paths = paths(tree)
    assert all_paths
    for path in all_paths:
        assert not tree.nodes[path[-1]].is_question
        assert len(path) - 1 <= MAX_DEPTH
    reached = {node for path in all_paths for node in path}
    assert reached == set(tree.nodes)


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_built_page_holds_every_node_with_its_anchor(site_pages: SitePages, tree_id: str) -> None:
    tree = TREES[tree_id]
    soup = site_pages[render.tree_page_url(tree)]
    sections = {s["id"]: s for s in soup.select("section.ott-node")}
    assert set(sections) == {render.node_anchor(tree_id, n) for n in tree.nodes}
    for node_id, node in tree.nodes.items():
        section = sections[render.node_anchor(tree_id, node_id)]
        links = [a["href"] for a in section.select(".ott-answers a")]
        assert links == [f"#{render.node_anchor(tree_id, a.next)}" for a in node.answers]
        if not node.is_question:
            assert len(section.select(".ott-sources li")) == len(node.cites)


# --- bad trees: each check fails with the file, the node and a sentence -----

GOOD = {
    "id": "test-tree",
    "title": "A test tree",
    "short_title": "A test tree",
    "order": 99,
    "intro": "Checks the checks.",
    "audience": "Tests",
    "reviewed": "2026-11-28",
    "start": "first",
    "nodes": {
        "first": {
            "question": "Which way?",
            "answers": [{"label": "Left", "next": "left-end"}, {"label": "Right", "next": "second"}],
        },
        "second": {
            "question": "And now?",
            "answers": [{"label": "Stop", "next": "left-end"}, {"label": "Go", "next": "right-end"}],
        },
        "left-end": {
            "outcome": "Left it is",
            "do": ["Go left."],
            "avoid": ["Going right."],
            "say": "Left, please.",
            "document": ["That you went left."],
            "consult": "Consult if left is blocked.",
            "cites": [
                {"code": "apa", "section": "3.05(a)"},
                {"code": "aamft", "section": "1.3"},
                {"code": "nasw", "section": "1.06(c)"},
                {"code": "nbcc", "section": "Counseling Relationships 6"},
                {"code": "naadac", "section": "Principle I, multiple relationships"},
            ],
            "see_also": ["situations/community-encounters.md", "clients/raising-a-concern.md#words-you-can-use"],
        },
        "right-end": {
            "outcome": "Right it is",
            "do": ["Go right."],
            "avoid": ["Going left."],
            "say": "Right, please.",
            "document": ["That you went right."],
            "consult": "Consult if right is blocked.",
            # Every clinician's code through the topic's table.
            "compare_topic": "multiple-relationships",
            "cites": [{"reference": "kitchener-1988"}],
        },
    },
}

# Three more questions in a row before an outcome: four answers from the start.
FOUR_DEEP = {
    "first": {"question": "One?", "answers": [{"label": "On", "next": "q2"}, {"label": "Off", "next": "left-end"}]},
    "q2": {"question": "Two?", "answers": [{"label": "On", "next": "q3"}, {"label": "Off", "next": "left-end"}]},
    "q3": {"question": "Three?", "answers": [{"label": "On", "next": "second"}, {"label": "Off", "next": "left-end"}]},
}


def tree_errors(data_copy: Path, tree: dict, text: str | None = None) -> list[str]:
    path = data_copy / "trees" / "test-tree.yaml"
    path.write_text(text if text is not None else yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
    try:
        load_dataset(data_copy)
    except DataErrors as caught:
        return [str(e) for e in caught.errors if e.file == "data/trees/test-tree.yaml"]
    return []


def bad(change) -> dict:  # noqa: ANN001
    tree = yaml.safe_load(yaml.safe_dump(GOOD))
    change(tree)
    return tree


def test_the_good_test_tree_passes(data_copy: Path) -> None:
    assert tree_errors(data_copy, GOOD) == []


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "missing target",
            lambda t: t["nodes"]["first"]["answers"][1].update(next="secnd"),
            "nodes.first.answers[1].next is 'secnd', which is not a node in this tree (did you mean 'second'?)",
        ),
        (
            "unknown start",
            lambda t: t.update(start="frist"),
            "start is 'frist', which is not a node in this tree (did you mean 'first'?)",
        ),
        (
            "start is an outcome",
            lambda t: t.update(start="left-end"),
            "start is 'left-end', an outcome: the tree must start with a question",
        ),
        (
            "unreachable",
            lambda t: t["nodes"].update(orphan={**copy.deepcopy(t["nodes"]["right-end"]), "outcome": "Lost"}),
            "nodes.orphan cannot be reached from the start",
        ),
        (
            "cycle",
            lambda t: t["nodes"]["second"]["answers"][0].update(next="first"),
            "is part of a loop (first -> second -> first)",
        ),
        (
            "one answer",
            lambda t: t["nodes"]["second"].update(answers=[{"label": "Go", "next": "right-end"}]),
            "nodes.second.answers needs at least two answers",
        ),
        (
            "same answers",
            lambda t: t["nodes"]["second"]["answers"][1].update(label="stop"),
            "nodes.second.answers[1].label is 'stop', the same as answers[0]: the answers of one question must differ",
        ),
        (
            "no citation",
            lambda t: t["nodes"]["left-end"].update(cites=[]),
            "nodes.left-end.cites is missing: every outcome cites at least one provision or reference",
        ),
        (
            "unknown section",
            lambda t: t["nodes"]["left-end"].update(cites=[{"code": "apa", "section": "3.5"}]),
            "nodes.left-end.cites[0].section is '3.5', which data/codes/apa.yaml does not have",
        ),
        (
            "unknown code",
            lambda t: t["nodes"]["left-end"].update(cites=[{"code": "apaa", "section": "3.05(a)"}]),
            "nodes.left-end.cites[0].code is 'apaa', which is not a code we have (did you mean 'apa'?)",
        ),
        (
            "unknown reference",
            lambda t: t["nodes"]["right-end"].update(cites=[{"reference": "kitchener-1989"}]),
            "nodes.right-end.cites[0].reference is 'kitchener-1989', which is not in data/references.yaml (did you mean 'kitchener-1988'?)",
        ),
        (
            "both kinds",
            lambda t: t["nodes"]["left-end"].update(question="Why?"),
            "nodes.left-end has both question and outcome",
        ),
        (
            "neither kind",
            lambda t: t["nodes"]["left-end"].pop("outcome"),
            "nodes.left-end has neither question nor outcome",
        ),
        (
            "outcome without advice",
            lambda t: t["nodes"]["left-end"].update(do=[]),
            "nodes.left-end.do is missing: every outcome needs at least one thing to do",
        ),
        (
            "unknown compare topic",
            lambda t: t["nodes"]["left-end"].update(compare_topic="former-clients"),
            "nodes.left-end.compare_topic is 'former-clients', which is not a topic in data/topics.yaml",
        ),
        ("id mismatch", lambda t: t.update(id="other-tree"), "id is 'other-tree' but the file is named test-tree.yaml"),
        *[
            (
                f"clinicians' outcome without {field}",
                lambda t, field=field: t["nodes"]["left-end"].pop(field),
                f"nodes.left-end.{field} is missing: the outcome 'Left it is' must say {what}, "
                "like every outcome for clinicians",
            )
            for field, what in (
                ("avoid", "what not to do, now or next time"),
                ("say", "what you might say, as a short script"),
                ("document", "what to write in the record"),
                ("consult", "when and whom to consult"),
            )
        ],
        (
            "a profession's own code left out",
            lambda t: t["nodes"]["left-end"].update(
                cites=[c for c in t["nodes"]["left-end"]["cites"] if c["code"] != "naadac"]
            ),
            "nodes.left-end.cites leaves out the reader's own code: the outcome 'Left it is' cites nothing for "
            "addiction counselors (NAADAC)",
        ),
        (
            "a coaching code does not stand in for clinicians'",
            lambda t: t["nodes"]["left-end"].update(
                cites=[{"code": "icf", "section": "2.1"}, {"code": "apa", "section": "3.05(a)"}]
            ),
            "cites nothing for marriage and family therapists (AAMFT), clinical social workers (NASW), "
            "professional counselors (ACA or NBCC) and addiction counselors (NAADAC)",
        ),
        (
            "a compare topic whose table lacks a code",
            lambda t: t["nodes"]["right-end"].update(compare_topic="termination-referral"),
            "nodes.right-end.cites leaves out the reader's own code: the outcome 'Right it is' cites nothing for "
            "marriage and family therapists (AAMFT), clinical social workers (NASW)",
        ),
        (
            "an outcome four answers away",
            lambda t: t.update(nodes={**FOUR_DEEP, **{k: v for k, v in t["nodes"].items() if k != "first"}}),
            "nodes.right-end is 4 answers from the start at the fewest: every outcome must be reachable within 3",
        ),
        (
            "see_also to a page that does not exist",
            lambda t: t["nodes"]["left-end"]["see_also"].append("situations/comunity-encounters.md"),
            "nodes.left-end.see_also[2] is 'situations/comunity-encounters.md', which is not a page of the handbook "
            "(did you mean 'situations/community-encounters.md'?)",
        ),
        (
            "see_also to a heading that does not exist",
            lambda t: t["nodes"]["left-end"]["see_also"].append("clients/raising-a-concern.md#when-not-to-raise-it"),
            "nodes.left-end.see_also[2] is 'clients/raising-a-concern.md#when-not-to-raise-it', but "
            "docs/clients/raising-a-concern.md has no heading with the id 'when-not-to-raise-it' "
            "(did you mean 'when-not-to-raise-it-with-them'?)",
        ),
        (
            "a clients' outcome with nowhere to turn",
            lambda t: t.update(readers="clients"),
            "nodes.left-end.cites names no place to turn to: the outcome 'Left it is' needs at least one resource",
        ),
    ],
)
def test_bad_tree_is_refused(data_copy: Path, name: str, change, expected: str) -> None:  # noqa: ANN001
    errors = tree_errors(data_copy, bad(change))
    assert any(expected in e for e in errors), f"{name}: {errors}"
    assert all(e.startswith("data/trees/test-tree.yaml:") for e in errors)


def test_duplicate_node_id_is_refused(data_copy: Path) -> None:
    text = yaml.safe_dump(GOOD, sort_keys=False)
    text = text.replace("  left-end:\n", "  second:\n    outcome: Again\n  left-end:\n", 1)
    errors = tree_errors(data_copy, GOOD, text)
    assert any("nodes.second appears twice" in e for e in errors), errors


def test_depth_limit(data_copy: Path) -> None:
    tree = yaml.safe_load(yaml.safe_dump(GOOD))
    chain = {}
    for i in range(MAX_DEPTH + 1):
        chain[f"q{i}"] = {
            "question": f"Step {i}?",
            "answers": [
                {"label": "On", "next": f"q{i + 1}" if i < MAX_DEPTH else "right-end"},
                {"label": "Off", "next": "left-end"},
            ],
        }
    tree["nodes"] = {**chain, "left-end": GOOD["nodes"]["left-end"], "right-end": GOOD["nodes"]["right-end"]}
    tree["start"] = "q0"
    errors = tree_errors(data_copy, tree)
    assert any(f"leads to a path of {MAX_DEPTH + 1} questions" in e for e in errors), errors


def test_html_and_template_syntax_in_a_tree_are_refused(data_copy: Path) -> None:
    tree = bad(lambda t: t["nodes"]["first"].update(question="Which {{ way }}?"))
    errors = tree_errors(data_copy, tree)
    assert any("nodes.first.question contains template syntax" in e for e in errors), errors


# --- every outcome holds its whole answer, on the built page -------------------------

OUTCOMES = [
    (tree_id, node_id)
    for tree_id, tree in TREES.items()
    for node_id, node in tree.nodes.items()
    if not node.is_question
]


def national_rank() -> dict[str, tuple[int, int]]:
    """Each code's place by profession, read from data/professions.yaml here in the test:
    the country-wide codes in the order the professions come, then the states' codes."""
    rank: dict[str, tuple[int, int]] = {}
    for index, profession in enumerate(DATASET.professions.values()):
        for rules in profession.applies.values():
            for rule in rules:
                national = DATASET.codes[rule.code].jurisdiction == "national"
                rank[rule.code] = min(rank.get(rule.code, (9, 9)), (0 if national else 1, index))
    return rank


def missing_essentials(section: Tag, tree: Tree, node_id: str) -> list[str]:
    """What the data says this outcome holds that its rendered section does not show."""
    node = tree.nodes[node_id]
    text = flat(section.get_text(" "))
    missing = [
        f"{field}: {item!r}"
        for field in ("do", "avoid", "document")
        for item in getattr(node, field)
        if flat(item) not in text
    ]
    missing += [
        f"{field}: {getattr(node, field)!r}"
        for field in ("summary", "say", "consult")
        if getattr(node, field) and flat(getattr(node, field)) not in text
    ]
    sources = section.select(".ott-sources li")
    for cite in node.cites:
        if cite.code:
            code = DATASET.codes[cite.code]
            label = f"{code.short_name} {cite.section}"
            if not any(li.get("data-code") == code.id and label in flat(li.get_text(" ")) for li in sources):
                missing.append(f"citation {label} (with data-code={code.id!r})")
        elif cite.reference:
            if not any(flat(DATASET.references[cite.reference].title) in flat(li.get_text(" ")) for li in sources):
                missing.append(f"reference {cite.reference}")
        elif not any(flat(DATASET.resources[cite.resource].name) in flat(li.get_text(" ")) for li in sources):
            missing.append(f"resource {cite.resource}")
    page_url = render.tree_page_url(tree)
    hrefs = {urljoin("/" + page_url, a["href"]) for a in section.select(".ott-see-also a")}
    for target in node.see_also:
        page, _, anchor = target.partition("#")
        if "/" + render.page_url(page) + (f"#{anchor}" if anchor else "") not in hrefs:
            missing.append(f"see_also {target}")
    return missing


@pytest.mark.parametrize(("tree_id", "node_id"), OUTCOMES, ids=[f"{t}:{n}" for t, n in OUTCOMES])
def test_every_outcome_shows_its_whole_answer(site_pages: SitePages, tree_id: str, node_id: str) -> None:
    """Each do, avoid and document item, the script, whom to consult, every citation (as a
    source whose item names its code) and every "Read more" page are on the built outcome;
    the sources come by profession, so each reader finds their own code quickly."""
    tree = TREES[tree_id]
    soup = site_pages[render.tree_page_url(tree)]
    section = soup.find("section", id=render.node_anchor(tree_id, node_id))
    assert section is not None, f"{tree_id}: no section for {node_id}"
    assert missing_essentials(section, tree, node_id) == []
    rank = national_rank()
    for listing in section.select("ul.ott-sources[data-ott-reorder], ul.ott-by-code"):
        assert listing.has_attr("data-ott-reorder")
        order = [
            rank.get(li["data-code"], (2, 0)) for li in listing.find_all("li", recursive=False) if li.get("data-code")
        ]
        assert order == sorted(order), f"{tree_id}:{node_id}: sources are not in profession order: {order}"


def test_a_missing_essential_is_found(site_pages: SitePages) -> None:
    """The check above can fail: take an avoid item, a citation and a "Read more" link off a copy."""
    tree_id, node_id = next((t, n) for t, n in OUTCOMES if TREES[t].nodes[n].see_also and TREES[t].nodes[n].avoid)
    tree = TREES[tree_id]
    section = copy.copy(site_pages[render.tree_page_url(tree)].find("section", id=render.node_anchor(tree_id, node_id)))
    section.select_one(".ott-avoid li").decompose()
    section.select_one(".ott-sources li[data-code]").decompose()
    section.select_one(".ott-see-also a")["href"] = "../elsewhere/"
    missing = missing_essentials(section, tree, node_id)
    assert any(m.startswith("avoid:") for m in missing), missing
    assert any(m.startswith("citation ") for m in missing), missing
    assert any(m.startswith("see_also ") for m in missing), missing


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_outcome_within_three_answers(tree_id: str) -> None:
    """Counted here from the data, independently of the check: the fewest answers to each outcome."""
    tree = TREES[tree_id]
    for node_id, node in tree.nodes.items():
        if node.is_question:
            continue
        fewest = min(len(path) - 1 for path in paths(tree) if path[-1] == node_id)
        assert fewest <= 3, f"{tree_id}: {node_id} needs {fewest} answers"


# --- the paths a supervisor asked for (issue 13), walked on the built page ---------------


def walk(soup: BeautifulSoup, tree: Tree, labels: list[str]) -> Tag:
    """From the start of the built tree page, take the answers labelled `labels` in turn;
    return the section landed on. Each step is checked by `follow` (link and stepper agree)."""
    at, section = tree.start, None
    for label in labels:
        section = follow(soup, tree.id, at, label)
        at = section["data-node"]
    assert section is not None, f"{tree.id}: no answers given"
    return section


def lands_on(site_pages: SitePages, tree_id: str, labels: list[str], node_id: str) -> Tag:
    """Walking `labels` from the start ends on the outcome `node_id`, within three answers,
    and the built section is headed with that outcome's words."""
    tree = TREES[tree_id]
    assert len(labels) <= 3, f"{tree_id}: {labels} is more than three answers"
    section = walk(site_pages[render.tree_page_url(tree)], tree, labels)
    node = tree.nodes[node_id]
    assert not node.is_question, f"{tree_id}: {node_id!r} is a question, not an outcome"
    assert (section.get("id"), heading(section)) == (render.node_anchor(tree_id, node_id), flat(node.outcome)), (
        f"{tree_id}: {labels} leads to {section.get('id')!r}, not {node_id!r}"
    )
    return section


def answer_to(tree_id: str, node_id: str, target: str) -> str:
    """The label of the first answer of `node_id` that leads to `target` (refused with a
    sentence when none does)."""
    labels = [a.label for a in TREES[tree_id].nodes[node_id].answers if a.next == target]
    assert labels, f"{tree_id}: no answer of {node_id!r} leads to {target!r}"
    return labels[0]


def route(tree_id: str, *hops: str) -> list[str]:
    """The labels along start -> hops[0] -> hops[1] ..., read from the data by node id."""
    at, labels = TREES[tree_id].start, []
    for hop in hops:
        labels.append(answer_to(tree_id, at, hop))
        at = hop
    return labels


def outcome_text(section: Tag) -> str:
    return flat(section.get_text(" "))


def test_before_crossing_repair_path(site_pages: SitePages) -> None:
    """A step that already happened has its own answer, one click from the start, and the
    outcome is about repair with the client and consultation."""
    section = lands_on(site_pages, "before-crossing", route("before-crossing", "repair-it"), "repair-it")
    text = outcome_text(section)
    assert "It already happened" in heading(section)
    for words in ("consult", "Raise it with the client", "Hiding it"):
        assert words in text, words


def test_before_crossing_keep_it_quiet_stops_and_consults(site_pages: SitePages) -> None:
    """ "I would rather keep it quiet" is a warning sign: the path ends at stop-and-consult."""
    labels = route("before-crossing", "whose-needs", "open-book-test", "keep-it-quiet-stop")
    assert labels[-1] == "I would rather keep it quiet"
    section = lands_on(site_pages, "before-crossing", labels, "keep-it-quiet-stop")
    assert heading(section).startswith("Stop and consult")
    assert "warning sign" in heading(section)


def test_before_crossing_power_gap_means_safeguards_not_an_automatic_no(site_pages: SitePages) -> None:
    labels = route("before-crossing", "how-far-apart", "power-gap-safeguards")
    section = lands_on(site_pages, "before-crossing", labels, "power-gap-safeguards")
    assert "not an automatic no" in heading(section)
    assert "safeguards" in heading(section)
    # No answer anywhere in the tree leads from a power gap to a flat refusal node any more.
    assert "do-not-cross" not in TREES["before-crossing"].nodes


def test_before_crossing_in_the_moment_path(site_pages: SitePages) -> None:
    section = lands_on(site_pages, "before-crossing", route("before-crossing", "in-the-moment"), "in-the-moment")
    text = outcome_text(section)
    assert "Hug:" in text and "A personal question:" in text


def test_before_crossing_defines_violation_by_harm_not_risk() -> None:
    intro = flat(TREES["before-crossing"].intro)
    assert "violation when it harms or exploits the client" in intro
    assert "Risk is not the same as harm" in intro
    assert TREES["before-crossing"].order == 20
    assert max(t.order for t in TREES.values() if t.readers.value == "clinicians") == 20


def test_former_client_no_not_now_after_long_or_intense_therapy(site_pages: SitePages) -> None:
    """After long or intense therapy the outcome is a lasting no, with no "not now" that
    implies later; and no outcome of the tree promises a later date."""
    tree_id = "former-client-relationship"
    labels = route(tree_id, "time-since-therapy", "not-after-deep-therapy")
    assert "long or intense" in labels[-1]
    section = lands_on(site_pages, tree_id, labels, "not-after-deep-therapy")
    assert "lasting no" in heading(section)
    assert not any("not now" in flat(n.outcome).lower() for n in TREES[tree_id].nodes.values() if not n.is_question)


def test_former_client_job_and_loan_have_their_own_answers(site_pages: SitePages) -> None:
    tree_id = "former-client-relationship"
    job = lands_on(site_pages, tree_id, route(tree_id, "job-or-loan", "job-with-care"), "job-with-care")
    assert "new power gap" in heading(job)
    lands_on(
        site_pages, tree_id, route(tree_id, "job-or-loan", "no-job-after-deep-therapy"), "no-job-after-deep-therapy"
    )
    loan = lands_on(site_pages, tree_id, route(tree_id, "job-or-loan", "no-loans"), "no-loans")
    assert heading(loan).startswith("Never borrow from a client")


def test_former_client_abrupt_ending_has_an_answer(site_pages: SitePages) -> None:
    tree_id = "former-client-relationship"
    labels = route(tree_id, "time-since-therapy", "after-a-hard-ending")
    assert "abruptly" in labels[-1]
    section = lands_on(site_pages, tree_id, labels, "after-a-hard-ending")
    assert "After an abrupt ending:" in outcome_text(section)


def test_former_client_romance_branch_shows_each_professions_rule(site_pages: SitePages) -> None:
    """The romance branch asks how long ago therapy ended, never what the reader's code says;
    each outcome after therapy ended lists every code's rule on former clients, from the data."""
    tree_id = "former-client-relationship"
    tree = TREES[tree_id]
    question = tree.nodes["romance-how-long-ago"]
    assert "code" not in flat(question.question).lower()
    provisions = DATASET.provisions_on("sexual-relationships-former-clients")
    for target in ("romance-wait-not-over", "romance-two-to-five-years", "romance-stop-and-consult"):
        assert tree.nodes[target].compare_topic == "sexual-relationships-former-clients"
        section = lands_on(
            site_pages, tree_id, route(tree_id, "romance-is-therapy-over", "romance-how-long-ago", target), target
        )
        rows = section.select("ul.ott-by-code > li")
        assert len(rows) == len(provisions), f"{target}: {len(rows)} rules shown, {len(provisions)} in the data"


def test_shared_group_stepping_aside_names_a_conflict_not_what_it_is(site_pages: SitePages) -> None:
    tree_id = "shared-group"
    labels = route(tree_id, "power-in-the-role", "can-step-back", "step-back-from-role")
    text = outcome_text(lands_on(site_pages, tree_id, labels, "step-back-from-role"))
    assert "Say that a conflict of interest exists, and not what it is" in text
    assert "without explaining why" not in text


def test_teaching_a_client_who_walks_in(site_pages: SitePages) -> None:
    tree_id = "teaching-a-client"
    labels = route(tree_id, "walked-in-unannounced")
    assert "walked in" in labels[0]
    section = lands_on(site_pages, tree_id, labels, "walked-in-unannounced")
    assert "Afterwards:" in outcome_text(section)


def test_unexpected_encounter_therapy_talk_and_introductions(site_pages: SitePages) -> None:
    tree_id = "unexpected-encounter"
    crisis = lands_on(site_pages, tree_id, route(tree_id, "therapy-talk-in-public"), "therapy-talk-in-public")
    assert "988" in outcome_text(crisis)
    lands_on(site_pages, tree_id, route(tree_id, "introduced-as-therapist"), "introduced-as-therapist")


def test_online_hiring_posted_price_versus_commission(site_pages: SitePages) -> None:
    """One line on current-client business: buying at the posted price is fine after a talk;
    commissioned work is not done with a current client. The consent template says the same."""
    tree_id = "online-group-or-hiring"
    hops = ("current-or-former-for-hiring", "how-the-work-is-paid")
    buy = lands_on(site_pages, tree_id, route(tree_id, *hops, "buy-at-the-posted-price"), "buy-at-the-posted-price")
    assert "usually fine" in heading(buy)
    hire = lands_on(
        site_pages, tree_id, route(tree_id, *hops, "do-not-hire-a-current-client"), "do-not-hire-a-current-client"
    )
    assert heading(hire).startswith("Do not commission work from, or hire, a current client")
    assert "truly cannot be avoided" not in outcome_text(hire)
    template = DATASET.templates["meeting-outside-the-office"]
    business = flat(next(c for c in template.clauses if c.id == "business-dealings").text)
    assert "at the posted price" in business and "I will not hire you, ask you to make or do work for me" in business


def test_online_hiring_office_hired_a_client(site_pages: SitePages) -> None:
    tree_id = "online-group-or-hiring"
    section = lands_on(site_pages, tree_id, route(tree_id, "office-hired-a-client"), "office-hired-a-client")
    assert "decide together" in heading(section)


def test_recovery_community_staff_and_court_mandated_care(site_pages: SitePages) -> None:
    tree_id = "recovery-community"
    lands_on(site_pages, tree_id, route(tree_id, "former-client-on-staff"), "former-client-on-staff")
    court = lands_on(site_pages, tree_id, route(tree_id, "court-mandated-reporting"), "court-mandated-reporting")
    assert "what you will report and to whom" in heading(court)
    say = flat(TREES[tree_id].nodes["restate-the-roles"].say)
    assert "I feel like one of your people" not in say


def test_something_felt_wrong_touch_and_goodbye_hugs(site_pages: SitePages) -> None:
    """Touch means touch that felt sexual or unwanted; a hug has its own, calm answer."""
    tree_id = "something-felt-wrong"
    tree = TREES[tree_id]
    question = flat(tree.nodes["sexual-contact"].question)
    assert "touch that felt sexual or that you did not want" in question
    soup = site_pages[render.tree_page_url(tree)]
    hug = walk(soup, tree, route(tree_id, "sexual-contact", "a-hug-is-not-an-emergency"))
    assert heading(hug).startswith("A hug is not an emergency")
    assert "988" not in heading(hug)


def test_the_template_promise_on_former_clients_is_not_an_absolute() -> None:
    template = DATASET.templates["meeting-outside-the-office"]
    after = flat(next(c for c in template.clauses if c.id == "after-we-finish").text)
    assert "I also do not become friends with, or go into business with" not in after
    assert "we will talk it through honestly" in after


def test_court_mandated_care_names_mandated_reporting_and_a_release_that_may_not_be_revocable(
    site_pages: SitePages,
) -> None:
    """The court-mandated script names what the law makes the clinician report, and the steps
    say that a court-referral release may not be revocable until the case ends."""
    tree_id = "recovery-community"
    court = lands_on(site_pages, tree_id, route(tree_id, "court-mandated-reporting"), "court-mandated-reporting")
    node = TREES[tree_id].nodes["court-mandated-reporting"]
    say = flat(node.say)
    assert "unless it's about safety" not in say
    assert "what the law makes me report" in say and "child" in say
    assert "may not be revocable until the case ends" in outcome_text(court)
    assert "we have not" not in flat(node.summary).lower()


def test_something_felt_wrong_after_therapy_matches_the_friendship_page() -> None:
    """No absolute "true after therapy ends too": the client tree says the rules stay strict
    for years, that some codes never allow it, and links the friendship page's dating part."""
    node = TREES["something-felt-wrong"].nodes["never-your-fault"]
    summary = flat(node.summary)
    assert "This is true after therapy ends too" not in summary
    assert "some codes never allow it" in summary
    assert "clients/friendship-after-therapy-ends.md#what-about-dating-or-sex" in node.see_also


def test_former_client_shared_community_is_not_a_friendship(site_pages: SitePages) -> None:
    """After long or intense therapy a personal friendship stays a lasting no, but friendly
    contact in a shared community is ordinary life, and nothing suggests romance later."""
    tree_id = "former-client-relationship"
    section = lands_on(
        site_pages, tree_id, route(tree_id, "time-since-therapy", "not-after-deep-therapy"), "not-after-deep-therapy"
    )
    assert "friendly contact in a shared community is fine" in heading(section)
    assert "not on the table either, now or later" in outcome_text(section)


def test_keep_it_quiet_names_no_unsourced_author() -> None:
    summary = flat(TREES["before-crossing"].nodes["keep-it-quiet-stop"].summary)
    assert "Gutheil and Gabbard's point" not in summary
