"""Four clicks from the home page to any outcome of any tree.

For every outcome of every tree: open the built home page, click the home page's link to the
tree (one click), then click the answers along the shortest path to that outcome (computed from
the tree's data by breadth-first search), and check that the outcome's heading is on screen.
With JavaScript the answers drive the stepper; without it they are anchor links to the linked
sections. Every outcome must take at most four clicks in all.

The click counts per tree are printed (run with -s) and written to
test-results/clicks/<tree>-<js|no-js>.txt.
"""

from __future__ import annotations

import re
from collections import deque

import pytest
from playwright.sync_api import Browser, Page, expect

from macros import urls
from macros.render.views import node_anchor
from macros.validate import load_dataset
from tests.conftest import ROOT

MAX_CLICKS = 4
DATA = load_dataset(ROOT / "data")
TREES = sorted(DATA.trees.values(), key=lambda t: (t.readers.value != "clinicians", t.order))


def shortest_paths(tree) -> dict[str, list[tuple[str, str]]]:  # noqa: ANN001
    """Each outcome's id -> the shortest list of (question id, answer label) that reaches it."""
    paths: dict[str, list[tuple[str, str]]] = {tree.start: []}
    queue = deque([tree.start])
    while queue:
        node_id = queue.popleft()
        for answer in tree.nodes[node_id].answers:
            if answer.next not in paths:
                paths[answer.next] = [*paths[node_id], (node_id, answer.label)]
                queue.append(answer.next)
    return {node_id: path for node_id, path in paths.items() if not tree.nodes[node_id].is_question}


def home_link_to(page: Page, site_url: str, tree) -> str:  # noqa: ANN001
    """The selector of the first link in the home page's content that opens the tree's page."""
    address = urls.tree(tree.id, tree.readers.value)
    # The links' resolved addresses (Material's scripts may rewrite an href to an absolute one).
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href.split('#')[0])")
    for index, href in enumerate(hrefs):
        if href == site_url + address:
            return f"article a[href] >> nth={index}"
    raise AssertionError(f"the home page has no link to the tree {tree.id} ({address})")


def walk(page: Page, site_url: str, tree, outcome_id: str, path, javascript: bool) -> int:  # noqa: ANN001
    """Walk from the home page to one outcome; return the number of clicks it took."""
    page.goto(site_url)
    page.locator(home_link_to(page, site_url, tree)).click()
    clicks = 1
    if javascript:  # trees.js has taken over the tree (before that, an answer is a plain link)
        expect(page.locator(f'.ott-tree[data-tree="{tree.id}"].ott-tree--js')).to_have_count(1)
    expect(page).to_have_url(re.compile(re.escape(site_url + urls.tree(tree.id, tree.readers.value)) + r"(#.*)?$"))
    for node_id, label in path:
        question = page.locator(f"section#{node_anchor(tree.id, node_id)}")
        if javascript:  # the stepper shows this question (and no other node) before the click
            expect(question).to_be_visible()
            expect(page.locator(".ott-node:visible")).to_have_count(1)
        answer = question.locator(".ott-answers a").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
        expect(answer).to_have_count(1)
        answer.click()
        clicks += 1
    outcome = tree.nodes[outcome_id]
    heading = page.locator(f"section#{node_anchor(tree.id, outcome_id)} h2")
    expect(heading).to_contain_text(outcome.outcome)
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    if javascript:  # the stepper shows that outcome alone
        expect(page.locator(".ott-node:visible h2")).to_have_count(1)
    return clicks


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
@pytest.mark.parametrize("tree", TREES, ids=[t.id for t in TREES])
def test_every_outcome_is_at_most_four_clicks_from_the_home_page(
    browser: Browser,
    site_url: str,
    tree,  # noqa: ANN001
    javascript: bool,
) -> None:
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    counts: dict[str, int] = {}
    try:
        for outcome_id, path in shortest_paths(tree).items():
            counts[outcome_id] = walk(page, site_url, tree, outcome_id, path, javascript)
            assert counts[outcome_id] == 1 + len(path)
    finally:
        context.close()
    mode = "with JavaScript" if javascript else "without JavaScript"
    tally = ", ".join(f"{n} clicks: {list(counts.values()).count(n)}" for n in sorted(set(counts.values())))
    line = f"{tree.id} ({mode}): {len(counts)} outcomes, at most {max(counts.values())} clicks ({tally})"
    print("\n" + line)
    results = ROOT / "test-results" / "clicks"
    results.mkdir(parents=True, exist_ok=True)
    (results / f"{tree.id}-{'js' if javascript else 'no-js'}.txt").write_text(line + "\n", encoding="utf-8")
    assert len(counts) == sum(not node.is_question for node in tree.nodes.values()), "an outcome no answer reaches"
    too_far = [f"{tree.id} -> {outcome}: {n} clicks" for outcome, n in counts.items() if n > MAX_CLICKS]
    assert too_far == [], "outcomes more than four clicks from the home page:\n" + "\n".join(too_far)
