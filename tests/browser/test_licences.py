""" "My profession and licences" in Chromium: ticking credentials keeps the choice in this
browser only, shows the rules that bind, names the strictest as the static pages do, marks
the reader's codes across the site, forgets on request, and passes axe; without JavaScript
the combination pages are the way in."""

from __future__ import annotations

import json
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from macros.render.views import anchor_id
from tests.browser.conftest import draw_everything
from tests.test_licences import CODES, COMBINATIONS, FORMER, bound, merged, strictest_from_data

CHOOSER = "apply/my-licences/"
KEY = "ott-licences"

AXE = Axe()


def tick(page: Page, *credentials: str) -> None:
    for credential in credentials:
        page.locator(f"#ott-choice-{credential}").check()


def shown_rules(page: Page) -> set[str]:
    return set(page.locator(".ott-my-rules li.ott-rule:visible").evaluate_all("els => els.map(e => e.dataset.anchor)"))


def test_tick_two_reload_keeps_choice_and_shows_rules(page: Page, site_url: str) -> None:
    page.goto(site_url + CHOOSER)
    expect(page.locator("#ott-licences")).to_be_visible()
    # The boxes are real checkboxes, each with its label, in a fieldset with a legend.
    box = page.get_by_role("checkbox", name="Member of APA")
    expect(box).to_have_attribute("id", "ott-choice-member-apa")
    expect(page.locator("fieldset:has(#ott-choice-member-apa) legend")).to_have_text("Memberships")
    expect(page.get_by_role("button", name="Forget my choice")).to_be_visible()
    expect(page.locator(".ott-my-rules")).to_be_hidden()
    tick(page, "member-apa", "member-aca")
    expect(page.locator(".ott-licences-status")).to_contain_text("Nothing was sent")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["ids"] == ["member-apa", "member-aca"]
    expected = bound(merged(["member-apa", "member-aca"]))
    assert shown_rules(page) == expected

    page.reload()
    expect(page.locator("#ott-choice-member-apa")).to_be_checked()
    expect(page.locator("#ott-choice-member-aca")).to_be_checked()
    assert shown_rules(page) == expected
    # APA (2 years) and ACA (5 years): the strictest as the data ranks it.
    verdict = page.locator(f'[data-topic="{FORMER}"] .ott-verdict')
    expect(verdict).to_be_visible()
    assert set(verdict.get_attribute("data-strictest").split()) == strictest_from_data(expected)
    expect(verdict).to_contain_text("Strictest: " + CODES["aca"]["short_name"])
    # Each rule says which of the reader's credentials brings it.
    aca_rule = page.locator(f'.ott-rule[data-anchor="{anchor_id("aca", "A.5.c")}"] .ott-rule__through')
    expect(aca_rule).to_have_text("Binds you through: Member of ACA.")


def test_script_names_the_same_strictest_as_each_static_page(page: Page, site_url: str) -> None:
    """The browser's reasoning (licences.js) and the build's (licences.py) agree, topic by topic."""
    for combination in COMBINATIONS:
        page.goto(site_url + f"apply/combinations/{combination['id']}/")
        static = {
            el["topic"]: (el["kind"], el["strictest"], el["text"])
            for el in page.locator("article .ott-verdict").evaluate_all(
                """els => els.map(e => {
                    let h = e.previousElementSibling; while (h && h.tagName !== 'H2') h = h.previousElementSibling;
                    return {topic: h.id, kind: e.dataset.verdict, strictest: e.dataset.strictest,
                            text: e.querySelector('.ott-verdict__text').textContent};
                })"""
            )
        }
        page.goto(site_url + CHOOSER)
        page.locator("button[data-forget]").click()
        tick(page, *combination["credentials"])
        live = {
            el["topic"]: (el["kind"], el["strictest"], el["text"])
            for el in page.locator(".ott-my-topic:visible .ott-verdict:visible").evaluate_all(
                """els => els.map(e => ({topic: e.closest('[data-topic]').dataset.topic, kind: e.dataset.verdict,
                    strictest: e.dataset.strictest, text: e.querySelector('.ott-verdict__text').textContent}))"""
            )
        }
        assert live == static, combination["id"]
        assert shown_rules(page) == bound(merged(combination["credentials"]))


def test_compare_page_marks_and_leads_with_the_readers_rows(page: Page, site_url: str) -> None:
    page.goto(site_url + CHOOSER)
    tick(page, "licence-professional-counselor-california", "member-aca")
    page.goto(site_url + f"compare/{FORMER}/")
    mine = bound(merged(["licence-professional-counselor-california", "member-aca"]))
    rows = page.locator(".ott-compare tbody tr").evaluate_all(
        "rows => rows.map(r => ({id: r.id, yours: r.classList.contains('ott-yours'), badge: r.querySelector('.ott-binds-you') ? r.querySelector('.ott-binds-you').textContent : ''}))"
    )
    yours = [r["id"] for r in rows if r["yours"]]
    assert set(yours) == {r["id"] for r in rows} & mine
    # A California licence binds only its own sections: the MFT and LCSW rows stay unmarked.
    assert anchor_id("ca-bpc", "§ 4999.90(k)") in yours
    assert anchor_id("ca-bpc", "§ 4982(k)") not in yours
    assert all(r["badge"] == "Binds you" for r in rows if r["yours"])
    # The reader's rows come first, and a note says so, with a link to change the choice.
    assert [r["yours"] for r in rows] == sorted((r["yours"] for r in rows), reverse=True)
    note = page.locator(".ott-yours-note").last
    expect(note).to_contain_text("Showing your codes first")
    expect(note).to_contain_text(CODES["aca"]["short_name"])
    assert note.locator("a").get_attribute("href").endswith(CHOOSER)
    # What the script added keeps the page accessible (badges, notes, the new order).
    draw_everything(page)
    results = AXE.run(page, context={"include": ["article"]})
    assert results.violations_count == 0, results.generate_report()


def test_a_code_inside_the_disclosure_moves_into_the_short_list(page: Page, site_url: str) -> None:
    """ "Showing your codes first (CAMFT)" is true: a CAMFT member's CAMFT items leave the closed
    "More codes and laws" disclosure for the top of the visible short list."""
    topic = "multiple-relationships"
    written = page.request.get(site_url + f"compare/{topic}/").text()
    assert re.search(r'<details class="ott-short__more">.*?data-code="camft"', written, re.S), (
        "the CAMFT items are no longer in the disclosure: pick a code that is"
    )
    page.goto(site_url + CHOOSER)
    tick(page, "member-camft")
    page.goto(site_url + f"compare/{topic}/")
    box = page.locator(f'.ott-short[data-topic="{topic}"]')
    mine = {anchor_id("camft", p["section"]) for p in CODES["camft"]["provisions"] if p["topic"] == topic}
    visible = box.locator(":scope > ul.ott-short__list > li").evaluate_all(
        "els => els.map(e => ({code: e.dataset.code, yours: e.classList.contains('ott-yours')}))"
    )
    assert [i["code"] for i in visible[: len(mine)]] == ["camft"] * len(mine), visible
    assert all(i["yours"] for i in visible[: len(mine)]) and not any(i["yours"] for i in visible[len(mine) :])
    expect(box.locator("details li[data-code='camft']")).to_have_count(0)
    left = box.locator("details li").count()
    expect(box.locator("details summary")).to_have_text(f"More codes and laws ({left})")
    note = page.locator(".ott-yours-note").first
    expect(note).to_contain_text(f"Showing your codes first ({CODES['camft']['short_name']})")
    expect(note).to_be_visible()


def test_tree_citations_of_a_law_are_marked_by_section(page: Page, site_url: str) -> None:
    """A California licence binds only the sections listed for it: on a tree's citation lists
    the law's other sections stay unmarked, and the reader's items come first in each list."""
    page.goto(site_url + CHOOSER)
    tick(page, "licence-professional-counselor-california")
    mine = bound(merged(["licence-professional-counselor-california"]))
    page.goto(site_url + "decide/former-client-relationship/")
    items = page.locator('li[data-code="ca-bpc"]').evaluate_all(
        """els => els.map(e => ({anchor: decodeURIComponent(e.querySelector('a[href*="#"]').hash.slice(1)),
                                 yours: e.classList.contains('ott-yours')}))"""
    )
    assert items, "the tree page has no citation items of ca-bpc to mark"
    assert {i["anchor"] for i in items if i["yours"]} == {i["anchor"] for i in items} & mine
    # A ca-bpc section of the psychologists' or MFTs' sections is cited, and stays unmarked.
    assert any(not i["yours"] for i in items), "pick a tree citing a ca-bpc section outside the LPCC's"
    lists = page.locator("[data-ott-reorder]").evaluate_all(
        """boxes => boxes.flatMap(b => (b.matches('ul,ol') ? [b] : Array.from(b.querySelectorAll('ul,ol')))
              .map(l => Array.from(l.children).map(li => li.classList.contains('ott-yours') || !!li.querySelector('.ott-yours'))))"""
    )
    assert any(any(order) for order in lists), "no list on the page holds the reader's rules"
    for order in lists:
        assert order == sorted(order, reverse=True), order


def test_no_end_point_is_named_strictest_with_the_caveats(page: Page, site_url: str) -> None:
    combo = next(c for c in COMBINATIONS if c["id"] == "lcsw-nasw-california")
    page.goto(site_url + CHOOSER)
    tick(page, *combo["credentials"])
    section = page.locator(f'[data-topic="{FORMER}"]')
    verdict = section.locator(".ott-verdict")
    assert set(verdict.get_attribute("data-strictest").split()) == strictest_from_data(
        bound(merged(combo["credentials"]))
    )
    expect(verdict).to_contain_text("Strictest: NASW")
    expect(verdict).not_to_contain_text("cannot be ranked")
    expect(section.locator(".ott-caveats")).to_be_visible()
    expect(section.locator(".ott-caveats")).to_contain_text("Not being a member does not make a code irrelevant")
    # A topic that compares no waiting periods shows no caveats.
    expect(page.locator('.ott-my-topic[data-compares-waiting="no"] .ott-caveats')).to_have_count(0)


def test_the_no_javascript_words_go_when_the_script_runs(page: Page, site_url: str) -> None:
    page.goto(site_url + CHOOSER)
    expect(page.locator("#ott-licences")).to_be_visible()
    expect(page.locator(".ott-licences__nojs-only")).to_be_hidden()
    expect(page.get_by_text("this browser is not running it")).to_be_hidden()
    expect(page.locator("#common-combinations")).to_be_visible()
    links = page.locator(".ott-licences__nojs ul.ott-combinations a")
    expect(links).to_have_count(len(COMBINATIONS))
    expect(links.first).to_be_visible()


def test_forget_clears_local_storage_and_marks(page: Page, site_url: str) -> None:
    page.goto(site_url + CHOOSER)
    tick(page, "member-nasw")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None
    page.locator("button[data-forget]").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    # Material keeps its own settings there (the palette); nothing of the choice is left.
    left = page.evaluate("Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k))")
    assert not [item for item in left if "member-nasw" in item or "ott" in item], left
    expect(page.locator(".ott-licences-status")).to_contain_text("forgotten")
    expect(page.locator(".ott-my-rules")).to_be_hidden()
    assert page.evaluate("document.cookie") == ""
    page.goto(site_url + f"compare/{FORMER}/")
    expect(page.locator(".ott-yours")).to_have_count(0)
    expect(page.locator(".ott-yours-note")).to_have_count(0)


def test_no_choice_changes_nothing(page: Page, site_url: str) -> None:
    """With nothing saved, the script leaves every page as the build wrote it."""
    page.goto(site_url + f"compare/{FORMER}/")
    written = re.findall(r'<tr id="([^"]+)" data-code=', page.request.get(site_url + f"compare/{FORMER}/").text())
    assert written, "the compare page has no rows to check"
    assert page.locator(".ott-compare tbody tr").evaluate_all("rows => rows.map(r => r.id)") == written
    expect(page.locator(".ott-binds-you")).to_have_count(0)
    expect(page.locator(".ott-yours-note")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_chooser_passes_axe_with_rules_shown(page: Page, site_url: str) -> None:
    page.goto(site_url + CHOOSER)
    tick(
        page,
        "licence-marriage-family-therapist-california",
        "licence-professional-counselor-california",
        "member-camft",
    )
    expect(page.locator(".ott-my-rules")).to_be_visible()
    # The page's own content, every rule; the sidebar and header are the same on every page
    # and tests/browser/test_accessibility.py sweeps them there.
    draw_everything(page)
    results = AXE.run(page, context={"include": ["article"]})
    assert results.violations_count == 0, results.generate_report()


def test_chooser_colours_pass_axe_in_the_dark_palette(browser: Browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url + CHOOSER)
        tick(page, "member-apa", "member-aca")
        expect(page.locator(".ott-my-rules")).to_be_visible()
        options = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
        draw_everything(page)
        results = AXE.run(page, context={"include": ["article"]}, options=options)
        assert results.violations_count == 0, results.generate_report()
        page.goto(site_url + f"compare/{FORMER}/")
        expect(page.locator(".ott-binds-you").first).to_be_visible()
        draw_everything(page)
        results = AXE.run(page, context={"include": ["article"]}, options=options)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_without_javascript_the_combination_pages_are_there(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + CHOOSER)
        expect(page.locator("#ott-licences")).to_be_hidden()
        expect(page.locator("#ott-licences input")).to_have_count(0)
        expect(page.locator("#without-javascript")).to_be_visible()
        expect(page.get_by_text("this browser is not running it")).to_be_visible()
        expect(page.locator("#common-combinations")).to_be_hidden()
        links = page.locator(".ott-licences__nojs ul.ott-combinations a")
        expect(links).to_have_count(len(COMBINATIONS))
        for combination in COMBINATIONS:
            expect(page.get_by_role("link", name=combination["title"], exact=True).first).to_be_visible()
        links.first.click()
        expect(page.locator("article li.ott-rule").first).to_be_visible()
    finally:
        context.close()
