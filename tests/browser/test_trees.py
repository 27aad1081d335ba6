"""The decision-tree stepper, used by keyboard as a person would; and the page without JavaScript."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from macros.validate import load_dataset
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

    # The browser's back button goes one step back.
    page.go_back()
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
