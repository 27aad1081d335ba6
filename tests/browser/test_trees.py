"""The decision-tree stepper, used by keyboard as a person would; and the page without JavaScript."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from macros.validate import load_dataset
from tests.browser.conftest import draw_everything
from tests.conftest import ROOT

TREE = "unexpected-encounter"
TREE_DATA = load_dataset(ROOT / "data").trees[TREE]

AXE = Axe()


def visible_heading(page: Page):  # noqa: ANN201
    return page.locator(".ott-node:visible h2")


def press_answer(page: Page, label: str) -> None:
    """Reach the answer with Tab and press Enter, as a keyboard user would."""
    target = page.locator(".ott-node:visible .ott-answers a", has_text=label)
    for _ in range(250):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"could not reach the answer {label!r} with the Tab key")


def test_walk_by_keyboard_back_start_over_and_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + f"decide/{TREE}/")
    start = TREE_DATA.nodes[TREE_DATA.start]
    expect(visible_heading(page)).to_have_count(1)
    expect(visible_heading(page)).to_contain_text(start.question)

    first = start.answers[0]
    press_answer(page, first.label)
    second = TREE_DATA.nodes[first.next]
    expect(visible_heading(page)).to_contain_text(second.question)
    expect(page).to_have_url(re.compile(rf"#{TREE}/0$"))
    # Focus moved to the new question, and the change was announced.
    assert page.evaluate("document.activeElement.tagName") == "H2"
    expect(page.locator(".ott-live")).to_have_text(f"Question 2: {second.question}")

    answer = second.answers[1]
    press_answer(page, answer.label)
    outcome = TREE_DATA.nodes[answer.next]
    expect(visible_heading(page)).to_contain_text(outcome.outcome)
    expect(page.locator(".ott-path li")).to_have_count(2)
    expect(page.locator(".ott-live")).to_have_text(f"Outcome: {outcome.outcome}")

    # Reload on the fragment: the same step.
    page.reload()
    expect(visible_heading(page)).to_contain_text(outcome.outcome)

    # The browser's back button goes one step back, with focus on the question shown.
    page.go_back()
    expect(visible_heading(page)).to_contain_text(second.question)
    expect(visible_heading(page)).to_be_focused()
    # ... and Forward comes back to the outcome, focused too.
    page.go_forward()
    expect(visible_heading(page)).to_contain_text(outcome.outcome)
    expect(visible_heading(page)).to_be_focused()

    # Space picks an answer, as on a button.
    page.goto(site_url + f"decide/{TREE}/")
    page.locator(".ott-node:visible .ott-answers a").first.focus()
    page.keyboard.press("Space")
    expect(visible_heading(page)).to_contain_text(second.question)

    # Change an earlier answer from the path.
    page.goto(site_url + f"decide/{TREE}/#{TREE}/0/1")
    page.locator(".ott-change").first.click()
    expect(visible_heading(page)).to_contain_text(start.question)

    # Start over.
    page.goto(site_url + f"decide/{TREE}/#{TREE}/0/1")
    page.get_by_role("button", name="Start over").click()
    expect(visible_heading(page)).to_contain_text(start.question)
    expect(page).to_have_url(re.compile(rf"#{TREE}$"))
    # The `page` fixture fails the test if any request left 127.0.0.1 meanwhile.


def test_a_shared_link_opens_the_same_step(page: Page, site_url: str) -> None:
    first = TREE_DATA.nodes[TREE_DATA.start].answers[1]
    page.goto(site_url + f"decide/{TREE}/#{TREE}/1")
    expect(visible_heading(page)).to_contain_text(TREE_DATA.nodes[first.next].question)
    # A broken fragment falls back to the start instead of failing.
    page.goto(site_url + f"decide/{TREE}/#{TREE}/7/9")
    expect(visible_heading(page)).to_contain_text(TREE_DATA.nodes[TREE_DATA.start].question)


def test_without_javascript_every_node_is_visible_and_linked(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + f"decide/{TREE}/")
        sections = page.locator("section.ott-node")
        expect(sections).to_have_count(len(TREE_DATA.nodes))
        for i in range(sections.count()):
            expect(sections.nth(i)).to_be_visible()
        first = TREE_DATA.nodes[TREE_DATA.start].answers[0]
        page.get_by_role("link", name=first.label).click()
        expect(page).to_have_url(re.compile(rf"#{TREE}--{first.next}$"))
    finally:
        context.close()


def test_the_no_javascript_view_has_no_axe_violations(browser: Browser, site_url: str) -> None:
    """axe needs JavaScript itself, so the no-JS view is produced by blocking the stepper only."""
    context = browser.new_context()
    context.route("**/trees.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(site_url + f"decide/{TREE}/")
        page.wait_for_load_state("networkidle")
        expect(page.locator("section.ott-node:visible")).to_have_count(len(TREE_DATA.nodes))
        draw_everything(page)
        violations = AXE.run(page).response["violations"]
        assert violations == [], violations
    finally:
        context.close()


def test_stepper_has_no_axe_violations_at_a_question_and_an_outcome(browser: Browser, site_url: str) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        try:
            for fragment in (f"#{TREE}", f"#{TREE}/0/0"):
                page.goto(site_url + f"decide/{TREE}/{fragment}")
                page.wait_for_load_state("networkidle")
                draw_everything(page)
                violations = AXE.run(page).response["violations"]
                assert violations == [], (scheme, fragment, violations)
        finally:
            context.close()


def test_print_shows_every_node(page: Page, site_url: str) -> None:
    page.goto(site_url + f"decide/{TREE}/#{TREE}/0")
    page.emulate_media(media="print")
    sections = page.locator("section.ott-node")
    for i in range(sections.count()):
        expect(sections.nth(i)).to_be_visible()
    expect(page.locator(".ott-stepper")).to_be_hidden()
    expect(page.locator(".ott-goto").first).to_be_visible()


def test_stepper_starts_after_instant_navigation(page: Page, local_site_url: str) -> None:
    """Material swaps pages without a reload; the stepper must start on the new page too."""
    page.goto(local_site_url + "decide/")
    page.evaluate("window.__same_document = true")
    page.locator(".ott-trees a").first.click()
    expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
    expect(page.locator(".ott-node:visible")).to_have_count(1)
    # Instant navigation kept the same document (no full reload happened).
    assert page.evaluate("window.__same_document === true")


# --- on a phone: after each answer, the new question is on screen below the sticky header ---

ALL_TREES = load_dataset(ROOT / "data").trees
PHONE = {"width": 390, "height": 844}

# One round trip: where the sticky header and Material's Back to top end, where the shown node's heading and its Back
# and Start over buttons are, the viewport's height and what has focus.
WHERE = """() => {
  const node = [...document.querySelectorAll('.ott-node')].filter(n => !n.hidden);
  const heading = node.length === 1 ? node[0].querySelector('h2') : null;
  const box = el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom, r.width > 0 && r.height > 0]; };
  const buttons = Object.fromEntries(['back', 'restart'].map(act => {
    const b = heading && heading.closest('.ott-node').querySelector(`[data-act="${act}"]`);
    return [act, b ? box(b) : null];
  }));
  const up = document.querySelector('.md-top');
  return {header: document.querySelector('.md-header').getBoundingClientRect().bottom, shown: node.length,
          up: up && getComputedStyle(up).display !== 'none' ? up.getBoundingClientRect().bottom : null,
          heading: heading ? box(heading) : null, buttons, height: innerHeight,
          focused: document.activeElement === heading};
}"""


def shortest_paths(tree) -> dict[str, list[int]]:  # noqa: ANN001
    """Each node -> the answer positions of a shortest path to it from the start."""
    found: dict[str, list[int]] = {tree.start: []}
    queue = [tree.start]
    while queue:
        node_id = queue.pop(0)
        for position, answer in enumerate(tree.nodes[node_id].answers):
            if answer.next not in found:
                found[answer.next] = found[node_id] + [position]
                queue.append(answer.next)
    return found


def on_screen_problems(where: dict, step: str) -> list[str]:
    problems = []
    if where["shown"] != 1 or where["heading"] is None:
        return [f"{step}: {where['shown']} nodes shown"]
    top, bottom, _ = where["heading"]
    # Below the header and below Material's Back to top, which floats there after any scroll up
    floor = max(where["header"], where["up"] or 0)
    if not floor <= top < where["height"]:
        problems.append(f"{step}: the heading's top is at {top:.0f}px, outside {floor:.0f}-{where['height']}px")
    for act, box in where["buttons"].items():
        if box is None or not box[2]:
            problems.append(f"{step}: no visible {act} button under the heading")
        elif not (where["header"] <= box[0] and box[1] <= where["height"]):
            problems.append(f"{step}: the {act} button is at {box[0]:.0f}-{box[1]:.0f}px, off screen")
    if not where["focused"]:
        problems.append(f"{step}: focus is not on the new heading")
    return problems


@pytest.mark.parametrize("tree_id", sorted(ALL_TREES))
def test_on_a_phone_each_answer_brings_the_next_step_into_view(page: Page, site_url: str, tree_id: str) -> None:
    """At 390x844, for the shortest path to every outcome: after each answer the new heading
    starts below Material's sticky header and within the screen, Back and Start over are on
    screen with it, and focus is on it. Back, too, brings its question into view."""
    tree = ALL_TREES[tree_id]
    page.set_viewport_size(PHONE)
    url = site_url + ("clients/" if tree.readers.value == "clients" else "decide/") + f"{tree_id}/"
    problems: list[str] = []
    routes = shortest_paths(tree)
    for node_id, node in tree.nodes.items():
        if node.is_question:
            continue
        page.goto(url)
        expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
        at = tree.start
        for position in routes[node_id]:
            page.locator(".ott-node:visible .ott-answers a").nth(position).click()
            at = tree.nodes[at].answers[position].next
            expect(page.locator(f'.ott-node[data-node="{at}"]')).to_be_visible()
            problems += on_screen_problems(page.evaluate(WHERE), f"{node_id}: at {at}")
        page.locator(".ott-node:visible [data-act=back]").click()
        problems += on_screen_problems(page.evaluate(WHERE), f"{node_id}: after Back")
    assert problems == []


def test_the_phone_check_can_fail(page: Page, site_url: str) -> None:
    """With the step pushed below the screen and focus elsewhere, the check above says so."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + f"decide/{TREE}/#{TREE}/0")
    expect(page.locator(".ott-tree.ott-tree--js")).to_have_count(1)
    page.evaluate(
        """() => {
          const spacer = document.createElement('div');
          spacer.style.height = '3000px';
          document.querySelector('.ott-tree__nodes').before(spacer);
          document.activeElement.blur();
          scrollTo(0, 0);
        }"""
    )
    problems = on_screen_problems(page.evaluate(WHERE), "pushed down")
    assert any("the heading's top is at" in p for p in problems), problems
    assert any("button is at" in p for p in problems), problems
    assert any("focus is not on the new heading" in p for p in problems), problems
