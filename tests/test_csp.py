"""hooks/csp.py: the Content-Security-Policy, referrer policy and rel on links to other sites."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re

from .conftest import ROOT
from .site_pages import SitePages

# hooks/ is not a package: MkDocs loads hook files by path, and so does this test.
_spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "hooks" / "csp.py")
csp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(csp)

HOST = "outside-the-office.github.io"
INLINE = 'var palette=__md_get("__palette");document.body.dataset.x="<a href=\'https://x.org\'>"'
PAGE = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <script>{INLINE}</script>
    <script id="__config" type="application/json">{{"base": ".."}}</script>
    <script src="../assets/bundle.js"></script>
    <script type="module">import "./x.js"</script>
    <style>.a {{ color: red }}</style>
  </head>
  <body>
    <a href="https://github.com/outside-the-office/handbook/edit/main/docs/x.md" rel="edit">Edit</a>
    <a class="x" href='https://example.org/a?b=1&amp;c=2'>Other</a>
    <a href="//cdn.example.com/">Protocol-relative</a>
    <a href="https://outside-the-office.github.io/handbook/codes/">Own site</a>
    <a href="../codes/" title="a > b">Relative</a>
    <a href="#top">In page</a>
    <a href="mailto:someone@example.org">Mail</a>
    <a href="https://example.org/" rel="NoOpener external">Already</a>
    <abbr title="https://example.org">not a link</abbr>
  </body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    raise AssertionError(f"no {name} in {policy}")


def test_scripts_are_allowed_by_the_hash_of_their_own_text_and_nothing_else() -> None:
    policy = policy_of(csp.harden(PAGE, HOST))
    scripts = directive(policy, "script-src")
    # 'wasm-unsafe-eval': the site search's WebAssembly (Pagefind, hooks/search.py); not eval.
    assert scripts == ["'self'", "'wasm-unsafe-eval'", *sorted([sha256(INLINE), sha256('import "./x.js"')])]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directive(policy, "style-src") == ["'self'", sha256(".a { color: red }")]
    for name, sources in [
        ("default-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("font-src", ["'self'"]),
    ]:
        assert directive(policy, name) == sources, name
    assert "frame-ancestors" not in policy  # ignored in a meta tag; Chromium warns about it


def test_json_data_blocks_and_external_scripts_get_no_hash() -> None:
    page = (
        '<head><meta charset="utf-8"><script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{}</script><script src="x.js"></script></head>'
    )
    assert directive(policy_of(csp.harden(page, HOST)), "script-src") == ["'self'", "'wasm-unsafe-eval'"]


def test_the_hash_is_of_the_text_the_browser_sees() -> None:
    # The HTML parser turns CRLF into LF before the browser hashes the script.
    page = '<head><meta charset="utf-8"><script>a();\r\nb();\rc()</script></head>'
    assert sha256("a();\nb();\nc()") in policy_of(csp.harden(page, HOST))


def test_the_policy_comes_right_after_meta_charset_before_any_script() -> None:
    out = csp.harden(PAGE, HOST)
    charset = out.index('<meta charset="utf-8">')
    assert out.index("Content-Security-Policy") < out.index('<meta name="referrer" content="no-referrer">')
    assert charset < out.index("Content-Security-Policy") < out.index("<script") < out.index("<style")
    assert re.match(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', out[charset:])
    # Without <meta charset>, right after <head>.
    bare = csp.harden("<html><head><script>x()</script></head></html>", HOST)
    assert bare.index("<head>") < bare.index("Content-Security-Policy") < bare.index("<script>")


def test_links_to_other_hosts_get_noopener_noreferrer_merged_into_rel() -> None:
    out = csp.harden(PAGE, HOST)
    edit = "https://github.com/outside-the-office/handbook/edit/main/docs/x.md"
    assert f'href="{edit}" rel="edit noopener noreferrer"' in out
    assert """<a rel="noopener noreferrer" class="x" href='https://example.org/a?b=1&amp;c=2'>""" in out
    assert '<a rel="noopener noreferrer" href="//cdn.example.com/">' in out
    assert 'rel="NoOpener external noreferrer"' in out
    for untouched in (
        '<a href="https://outside-the-office.github.io/handbook/codes/">',
        '<a href="../codes/" title="a > b">',
        '<a href="#top">',
        '<a href="mailto:someone@example.org">',
        '<abbr title="https://example.org">',
    ):
        assert untouched in out
    # "<a" in a script's text is a string, not a link: left alone.
    assert f"<script>{INLINE}</script>" in out


def test_hardening_twice_changes_nothing() -> None:
    once = csp.harden(PAGE, HOST)
    assert csp.harden(once, HOST) == once


def test_the_live_preview_allows_its_reload_script() -> None:
    # `mkdocs serve` injects an inline script that differs on every request.
    scripts = directive(policy_of(csp.harden(PAGE, "127.0.0.1", live_reload=True)), "script-src")
    assert scripts == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]


def test_every_built_page_carries_a_policy_for_its_own_scripts(site_pages: SitePages) -> None:
    """Checks the hook ran after everything that writes or edits pages (print page, 404)."""
    assert "print_page/index.html" in site_pages.paths and "404.html" in site_pages.paths
    assert site_pages.print_volumes(), "the print page's volumes (hooks/print_page.py) were not built"
    for name in site_pages.paths:
        html = site_pages.text(name)
        policy = policy_of(html)
        assert html.index("Content-Security-Policy") < html.index("<script"), name
        inline = {
            sha256(text)
            for attrs, text in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
            if "src=" not in attrs and "application/json" not in attrs
        }
        assert set(directive(policy, "script-src")[2:]) == inline, name
        for tag in re.findall(r"<a\s[^>]*href=\"https?://(?!outside-the-office\.github\.io)[^>]*>", html):
            assert re.search(r'rel="[^"]*\bnoopener noreferrer\b', tag) or (
                "noopener" in tag and "noreferrer" in tag
            ), (name, tag)
