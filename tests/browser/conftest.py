"""Browser harness: the built site served on 127.0.0.1, driven by Playwright in Chromium.

Chromium is found in this order: $CHROMIUM_PATH, Debian's /usr/bin/chromium (what
.ci/run installs), other usual paths, then Playwright's own download if present.
Every page the tests open records its requests, so a test can assert that the
site asked no other host for anything, and its Content-Security-Policy violations, so
every browser test also proves that the policy (hooks/csp.py) breaks nothing.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


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


class QuietHandler(SimpleHTTPRequestHandler):
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
    executable = chromium_executable()
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:  # no browser at all: say how to get one
            pytest.fail(
                "No Chromium to drive. Install Debian's chromium (apt-get install chromium), "
                "set CHROMIUM_PATH, or run `python -m playwright install chromium`.\n"
                f"Launch error: {exc}"
            )
        yield launched
        launched.close()


class RequestLog:
    """Every request a page made; `foreign()` lists those to other hosts."""

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

    def route(route, request) -> None:  # noqa: ANN001
        log.urls.append(request.url)
        if urlsplit(request.url).hostname in LOCAL_HOSTS or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:  # record it, and never let it leave the machine
            route.abort()

    context.route("**/*", route)
    # Service workers and web workers may fetch outside page.route: log those too.
    context.on("request", lambda request: None if request.url in log.urls else log.urls.append(request.url))
    return context, log


@pytest.fixture(params=["light", "dark"])
def color_scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def page_and_log(browser: Browser, color_scheme: str) -> Iterator[tuple[Page, RequestLog]]:
    context, log = _new_context(browser, color_scheme)
    csp = watch_csp(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, log
    close_and_check_csp(context, csp)
    assert errors == [], f"JavaScript errors on the page: {errors}"


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
    Material's instant navigation only intercepts links under site_url."""
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
