"""Hostile data that passes validation, built into a real site and opened in Chromium.

The data models refuse markup and template syntax, but Markdown syntax is plain text to
them: a Markdown image with an event handler in a rule, a `javascript:` link in a
publisher, images from another host in a name. The render layer prints all of it as text
(see tests/test_render_safety.py); here one build of a copy of the project proves it in a
browser: on every page that shows the data, no script runs (no dialog, even on hover and
focus of the citation that carries the rule), nothing is asked of another host, the console
stays clean, and the text is shown as written.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import QuietHandler, close_and_check_csp, watch_csp
from tests.conftest import copy_project, replace_in, run_build

RULE = "![ onmouseover=alert(document.domain) x](i.png) A counselor waits five years."
SHORT_NAME = "ACA![ onerror=alert(5) x](missing.png)"
PUBLISHER = "[Board](javascript:alert(document.cookie)) of Behavioral Sciences"
NAME = "Complaints ![n](https://evil.example/name.png)"
ANSWER = "A chance meeting [go](javascript:alert(3)) ![p](https://evil.example/answer.png)"
KEY_POINT = "Context decides. ![k](https://evil.example/point.png) [more](javascript:alert(4))"

TREE = "unexpected-encounter"
ONE_PAGER = "crossings-and-violations"
TOPIC = "sexual-relationships-former-clients"


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML scalar, and quotes the leading "!" and "["


def inject(project: Path) -> None:
    """Put the hostile strings into a copy of the data (each replaces real text)."""
    data = project / "data"
    replace_in(data / "codes" / "aca.yaml", "short_name: ACA\n", f"short_name: {_yaml(SHORT_NAME)}\n")
    # A.5.c's rule (the first provision): its folded block, whatever its wording today.
    aca = data / "codes" / "aca.yaml"
    text = aca.read_text(encoding="utf-8")
    block = re.search(r"  - section: A\.5\.c\n(?:    (?!rule:).*\n)*(    rule: >-\n(?:      .*\n)+)", text)
    assert block, "test fixture out of date: aca.yaml has no folded rule for A.5.c"
    replace_in(aca, block.group(1), f"    rule: {_yaml(RULE)}\n")
    replace_in(
        data / "resources.yaml",
        "    name: Consumer Complaints\n    publisher: California Board of Behavioral Sciences\n",
        f"    name: {_yaml(NAME)}\n    publisher: {_yaml(PUBLISHER)}\n",
    )
    # The Spanish text keeps the English it translates (data/README.md, "Translations"), so
    # the hostile name goes there too, and reaches the Spanish pages.
    replace_in(
        data / "resources.es.yaml",
        '    name: {en: "Consumer Complaints", es: "Consumer Complaints"}\n',
        f"    name: {{en: {_yaml(NAME)}, es: {_yaml(NAME)}}}\n",
    )
    replace_in(
        data / "trees" / f"{TREE}.yaml",
        "      - label: A one-off chance meeting\n",
        f"      - label: {_yaml(ANSWER)}\n",
    )
    replace_in(
        data / "one-pagers.yaml",
        "      - Context decides whether a step is a crossing or a violation, but sexual contact with a client "
        "is always a violation.\n",
        f"      - {_yaml(KEY_POINT)}\n",
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from the hostile copy, served on 127.0.0.1."""
    base = tmp_path_factory.mktemp("hostile")
    project = copy_project(base / "project")
    inject(project)
    site = base / "site"
    result = run_build(project, site)
    assert result.returncode == 0, f"the hostile data should pass validation:\n{result.stdout}\n{result.stderr}"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Watched:
    """A page with everything recorded that would show a payload ran or reached out."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.console.append(str(exc)))

    def _dialog(self, dialog) -> None:  # noqa: ANN001
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def check(self) -> None:
        assert self.dialogs == [], f"a script from data ran: {self.dialogs}"
        assert self.foreign == [], f"requests to other hosts: {self.foreign[:5]}"
        assert self.console == [], f"{len(self.console)} console errors, first: {self.console[:3]}"
        links = self.page.eval_on_selector_all(
            "[href], [src], [srcset]", "els => els.map(e => e.getAttribute('href') || e.getAttribute('src') || '')"
        )
        bad = [
            link for link in links if re.match(r"\s*(javascript|data|vbscript):", link, re.I) or "evil.example" in link
        ]
        assert bad == [], f"links or sources from data: {bad}"
        assert self.page.locator("img[src*='evil'], [onmouseover], [onerror], [onclick], [onfocus]").count() == 0


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    csp = watch_csp(context)
    page = context.new_page()
    seen = Watched(page)

    def route(route, request) -> None:  # noqa: ANN001
        if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:  # record it, and never let it leave the machine
            seen.foreign.append(request.url)
            route.abort()

    context.route("**/*", route)
    yield seen
    close_and_check_csp(context, csp)


def shows(page: Page, selector: str, text: str) -> None:
    expect(page.locator(selector, has_text=text).first).to_be_visible()


def test_the_citation_runs_nothing_on_hover_or_focus(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site + "about/sources/")
    cite = page.locator('a.ott-cite[data-code="aca"]').first
    expect(cite).to_have_attribute("title", re.compile(re.escape(RULE)))
    cite.hover()
    page.mouse.move(5, 5)
    cite.focus()
    cite.hover()
    page.wait_for_timeout(300)  # long enough for Material's tooltip, and any handler, to run
    watched.check()


@pytest.mark.parametrize("address", [f"compare/{TOPIC}/", "codes/aca/", "apply/professional-counselor-national/"])
def test_tables_show_the_rule_and_short_name_as_text(hostile_site: str, watched: Watched, address: str) -> None:
    page = watched.page
    page.goto(hostile_site + address)
    shows(page, "p", RULE)
    rows = page.locator('[id^="aca-a-5-c"]')
    expect(rows.first).to_contain_text(SHORT_NAME if "codes/" not in address else RULE)
    for element in page.locator("a.ott-cite:visible, tbody abbr[title]:visible").all()[:12]:
        element.hover()
    watched.check()


def test_the_resource_shows_its_name_and_publisher_as_text(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site + "clients/filing-a-complaint/")
    link = page.locator("article a", has_text=NAME)
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", re.compile(r"^https://"))
    expect(page.locator("article")).to_contain_text(f"{NAME}, {PUBLISHER}")
    # The same on the Spanish page, through the Spanish text in data/resources.es.yaml.
    page.goto(hostile_site + "es/clients/filing-a-complaint/")
    link = page.locator("article a", has_text=NAME)
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", re.compile(r"^https://"))
    expect(page.locator("article")).to_contain_text(f"{NAME}, {PUBLISHER}")
    watched.check()


def test_the_tree_answer_is_a_label_and_the_stepper_uses_it_as_text(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site + f"decide/{TREE}/")
    answer = page.locator(".ott-node:visible .ott-answers a", has_text=ANSWER)
    expect(answer).to_have_count(1)
    answer.hover()
    answer.click()
    # trees.js lists the answers given, with the label as text.
    expect(page.locator(".ott-path li").first).to_contain_text(ANSWER)
    watched.check()


def test_the_one_pager_shows_the_key_point_as_text(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site + f"agencies/one-pagers/{ONE_PAGER}/")
    expect(page.locator("h2#remember + ul > li").first).to_have_text(KEY_POINT)
    watched.check()


def test_the_print_page_holds_it_all_as_text(hostile_site: str, watched: Watched) -> None:
    """In the volumes of the print page (hooks/print_page.py), each listed on its index."""
    page = watched.page
    page.goto(hostile_site + "print_page/")
    volumes = page.locator("ol.ott-print-parts a").evaluate_all("links => links.map(a => a.href)")
    assert len(volumes) > 1, volumes
    found = dict.fromkeys((RULE, KEY_POINT, ANSWER), 0)
    for volume in volumes:
        page.goto(volume)
        for text in found:
            found[text] += page.get_by_text(text, exact=False).count()
    assert all(found.values()), found
    watched.check()
