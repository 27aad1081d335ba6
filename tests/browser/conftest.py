"""Browser harness: the built site served on 127.0.0.1, driven by Playwright in Chromium.

Chromium is found in this order: $CHROMIUM_PATH, Debian's /usr/bin/chromium (what
.ci/run installs), other usual paths, then Playwright's own download if present.
Chromium sends no request to any other host (it fails at once, see `browser`), and every
page the tests open records those it tried, so a test can assert that the site asked no
other host for anything; and its Content-Security-Policy violations, so
every browser test also proves that the policy (hooks/csp.py) breaks nothing.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.conftest import shares_module_setup

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark browser tests, and keep together on one xdist worker (`--dist loadgroup`) the tests
    that share something costly to set up: those using `local_site_url` (a build of its own),
    and those of a module with a module-scoped fixture (such as a site built for that module).
    Every other test goes to whichever worker is free."""
    for item in items:
        if "tests/browser/" not in item.nodeid:
            continue
        item.add_marker(pytest.mark.browser)
        if "local_site_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("local_site"))
        elif shares_module_setup(item):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))


def draw_everything(page: Page) -> None:
    """Draw every block at once, as a page does when the reader comes back to it (handbook.css:
    large blocks are otherwise drawn only near the screen). axe (this is for
    axe runs only) reads colours from what is
    drawn: in a block not drawn yet it found no background, or one from the middle of
    drawing, and reported contrast failures the drawn page does not have."""
    page.evaluate("document.documentElement.classList.add('ott-whole')")


def chromium_executable() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        if not Path(configured).exists():
            pytest.fail(f"CHROMIUM_PATH is set to {configured}, which does not exist")
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def published_path() -> str:
    """The path of the published site_url (the default of its !ENV tag), like /handbook/."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    from tests.conftest import ROOT

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return urlsplit(config["site_url"]).path


PUBLISHED_PATH = published_path()


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site at / and also under its published path (/handbook/), where the 404
    page, which GitHub Pages serves at any address, finds its styles and scripts."""

    def translate_path(self, path: str) -> str:
        if PUBLISHED_PATH != "/" and path.startswith(PUBLISHED_PATH):
            path = "/" + path[len(PUBLISHED_PATH) :]
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, which sends every request for another host than the test server to a proxy
    address that refuses connections: a port this process holds bound but not listening, so
    no one else can take it. Such a request fails at once, inside Chromium, and never leaves
    the machine (IP addresses, workers and all); `RequestLog` records it. (This replaced a
    `context.route` that sent every request through Python: a third of a page load's CPU.)"""
    executable = chromium_executable()
    refuser = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refuser.bind(("127.0.0.1", 0))
    proxy = {"server": f"http://127.0.0.1:{refuser.getsockname()[1]}", "bypass": ",".join(sorted(LOCAL_HOSTS))}
    try:
        with sync_playwright() as playwright:
            try:
                launched = playwright.chromium.launch(
                    executable_path=executable, headless=True, args=CHROMIUM_ARGS, proxy=proxy
                )
            except Exception as exc:  # no browser at all: say how to get one
                pytest.fail(
                    "No Chromium to drive. Install Debian's chromium (apt-get install chromium), "
                    "set CHROMIUM_PATH, or run `python -m playwright install chromium`.\n"
                    f"Launch error: {exc}"
                )
            yield launched
            launched.close()
    finally:
        refuser.close()


class RequestLog:
    """Every request of a context that failed. A request for another host always fails (see
    `browser`), so `foreign()`, those for other hosts, lists every one the pages made."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out


# Runs before the page's own scripts in every document a context opens. The events stay
# on window for a test to read; they also go to Python at once, so a violation on a page
# the test has since left still counts.
CSP_WATCH = """
window.__csp_violations = [];
addEventListener("securitypolicyviolation", function (e) {
  var v = {page: location.href, directive: e.effectiveDirective || e.violatedDirective,
           blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample};
  window.__csp_violations.push(v);
  if (window.__ott_csp_violation) window.__ott_csp_violation(v);
}, true);
"""


def watch_csp(context: BrowserContext) -> list[str]:
    """Every CSP violation in `context`, as a sentence naming the page and what was blocked:
    the violation events, and Chromium's console messages about the policy (which also
    name problems that raise no event, such as a directive the meta tag cannot carry)."""
    found: list[str] = []

    def violation(source: dict, v: dict) -> None:
        where = f" at {v['source']}:{v['line']}" if v.get("source") else ""
        sample = f" ({v['sample']!r})" if v.get("sample") else ""
        found.append(f"{v['page']}: {v['directive']} blocked {v['blocked'] or '?'}{where}{sample}")

    def console(message) -> None:  # noqa: ANN001
        if "Content Security Policy" in message.text:
            found.append(f"{message.page.url if message.page else '?'}: console: {message.text}")

    context.expose_binding("__ott_csp_violation", violation)
    context.add_init_script(CSP_WATCH)
    context.on("console", console)
    return found


def close_and_check_csp(context: BrowserContext, found: list[str]) -> None:
    for open_page in context.pages:
        try:  # a round trip, so reports still in flight have arrived
            open_page.evaluate("0")
        except Exception:  # noqa: BLE001 - a crashed or closed page has nothing more to say
            pass
    context.close()
    assert not found, "Content-Security-Policy violations (see hooks/csp.py):\n" + "\n".join(found)


def _new_context(browser: Browser, color_scheme: str) -> tuple[BrowserContext, RequestLog]:
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
    log = RequestLog()
    # Workers' requests are reported here too. Only failures are listened for: Playwright then
    # sends Python no event for the requests that succeed (all of them, on a good run).
    context.on("requestfailed", lambda request: log.urls.append(request.url))
    return context, log


@pytest.fixture(params=["light", "dark"])
def color_scheme(request: pytest.FixtureRequest) -> str:
    return request.param


class Tab:
    """A page kept open across tests, in a context of its own (one per palette per worker).

    Opening a context and a page costs Chromium about half a CPU-second, more than loading a
    page; the tests that only open a page and read it (the axe sweep, the searches) share a
    tab instead, each starting with empty records. Only tests that change nothing the next
    test would see may use one: no palette switch (it is kept in localStorage), no emulation."""

    def __init__(self, browser: Browser, color_scheme: str) -> None:
        self.context, self.log = _new_context(browser, color_scheme)
        self.csp = watch_csp(self.context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"{self.page.url}: {exc}"))
        self.page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{self.page.url}: {message.text}") if message.type == "error" else None
            ),
        )

    def usable(self) -> bool:
        return not self.page.is_closed()

    def start(self) -> None:
        for record in (self.log.urls, self.csp, self.errors, self.console_errors):
            record.clear()

    def check(self) -> None:
        """Fail on what the test's pages did: CSP violations, JavaScript errors, requests to
        other hosts (console errors are the test's to assert, as it may expect some)."""
        try:  # a round trip, so reports still in flight have arrived
            self.page.evaluate("0")
        except Exception:  # noqa: BLE001 - a crashed page: the next test gets a new tab
            self.page.close()
        assert not self.csp, "Content-Security-Policy violations (see hooks/csp.py):\n" + "\n".join(self.csp)
        assert self.errors == [], f"JavaScript errors on the page: {self.errors}"
        assert self.log.foreign() == [], f"requests to other hosts: {self.log.foreign()}"


@pytest.fixture(scope="session")
def tabs(browser: Browser) -> Iterator[dict[str, Tab]]:
    open_tabs: dict[str, Tab] = {}
    yield open_tabs
    for tab in open_tabs.values():
        tab.context.close()


def _tab(tabs: dict[str, Tab], browser: Browser, color_scheme: str) -> Iterator[Tab]:
    tab = tabs.get(color_scheme)
    if tab is None or not tab.usable():
        if tab is not None:
            tab.context.close()
        tab = tabs[color_scheme] = Tab(browser, color_scheme)
    tab.start()
    yield tab
    tab.check()


@pytest.fixture
def tab(tabs: dict[str, Tab], browser: Browser, color_scheme: str) -> Iterator[Tab]:
    """A shared tab (see `Tab`) in the light, then the dark palette."""
    yield from _tab(tabs, browser, color_scheme)


@pytest.fixture
def light_tab(tabs: dict[str, Tab], browser: Browser) -> Iterator[Tab]:
    """A shared tab (see `Tab`) in the light palette."""
    yield from _tab(tabs, browser, "light")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context, log = _new_context(browser, "light")
    csp = watch_csp(context)
    page = context.new_page()
    yield page
    close_and_check_csp(context, csp)
    assert log.foreign() == [], f"requests to other hosts: {log.foreign()}"


@pytest.fixture(scope="session")
def local_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A build whose site_url is the local server's own address, as `make serve` does:
    Material's instant navigation only intercepts links under site_url.

    Its address names the server's port, so each xdist worker that asks for it would build its
    own: the tests that use it are grouped (pytest_collection_modifyitems above), and with
    --dist loadgroup, as `make test` runs, they all go to one worker, so it is built once."""
    from tests.conftest import ROOT, run_build

    site = tmp_path_factory.mktemp("local-site")
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    os.environ["SITE_URL"] = url
    try:
        result = run_build(ROOT, site, keep_site_url=True)
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
