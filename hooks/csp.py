"""A Content-Security-Policy, a referrer policy and rel="noopener noreferrer" on every page.

GitHub Pages cannot send response headers, so the policy is a <meta http-equiv> tag. A
meta policy only governs what comes after it in the document, so it goes straight after
<meta charset>, before any script or stylesheet. Some directives are ignored when
delivered by meta and are therefore left out: frame-ancestors (framing by other sites
cannot be forbidden on GitHub Pages), report-uri/report-to and sandbox.

Inline scripts are allowed by their sha256 hash, never by 'unsafe-inline'. The hashes are
computed per page because Material's inline scripts contain the page's relative base
("..", "../.." and so on) and the print page has one of its own. This runs in
on_post_build over every HTML file in site_dir, so it also covers 404.html, the print
page (written and tidied by the plugins' and earlier hooks' on_post_build: mkdocs.yml
lists this hook after macros/print_page.py) and mkdocs-redirects' pages.

What was checked for against this policy (Material 9.8.2, print-site 2.9): no eval or
new Function, no event handler attributes, no javascript: URLs; the search worker is
started from its same-origin URL, not blob:; Material and print-site.js change styles
through the CSSOM (el.style.x = ...), which style-src does not govern, and no page has a
style attribute, so style-src needs no 'unsafe-inline' (a <style> element, as on the print
page, is allowed by its hash). Material's instant navigation appends the next page's
<head> tags, including its policy, and re-creates the scripts inside the page's container;
policies then add up, which is fine because the container's only inline script is the
same on every page. The browser tests fail on any violation, so a new style attribute or
inline script that this file does not know about shows up there.

`harden()` is pure (text in, text out) so tests can call it; `on_post_build` applies it.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from pathlib import Path
from urllib.parse import urlsplit

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
TYPE = re.compile(r"""\stype\s*=\s*["']?\s*([^"'\s>;]*)""", re.I)
SRC = re.compile(r"\ssrc\s*=", re.I)
# An <a> start tag (quoted values may contain ">"), or a whole script, so that "<a" in a
# script's text is left alone: there it is a string, not a link.
LINK_OR_SCRIPT = re.compile(r"""<a\s(?:[^>"']|"[^"]*"|'[^']*')*>|<script\b[^>]*>.*?</script\s*>""", re.I | re.S)
HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# The tags harden() writes, to replace them when it runs again. Starting with a literal
# keeps the search fast (an optional prefix made it the slowest step).
OURS = re.compile(r"""\n<meta (?:http-equiv="Content-Security-Policy"|name="referrer") content="[^"]*">""")
CHARSET = re.compile(r"<meta\s+charset\b[^>]*>", re.I)
HEAD = re.compile(r"<head\b[^>]*>", re.I)

# "no-referrer": the site's promise is that nothing about a reader leaves their browser,
# not even which page they were reading when they followed a link to another site.
REFERRER = "no-referrer"


def _sha256(text: str) -> str:
    # Browsers hash the script text after the parser has turned CRLF and CR into LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _runs(attributes: str) -> bool:
    """Whether an inline <script> with these attributes is executed (and so needs a hash):
    a data block such as type="application/json" (Material's __config) is not."""
    if SRC.search(attributes):
        return False  # its text is ignored; the file is allowed by 'self'
    found = TYPE.search(attributes)
    kind = found.group(1).lower() if found else ""
    return kind in ("", "module", "importmap", "speculationrules") or kind.endswith(("javascript", "ecmascript"))


def policy(script_hashes: list[str], style_hashes: list[str], live_reload: bool = False) -> str:
    # Under `mkdocs serve` the live-reload script differs on every request, so no hash can
    # allow it; the preview then allows inline scripts ('unsafe-inline' is ignored when a
    # hash is present, so the hashes go) and keeps every other directive.
    scripts = ["'unsafe-inline'"] if live_reload else script_hashes
    return "; ".join(
        [
            "default-src 'self'",
            # 'wasm-unsafe-eval': site search (Pagefind, hooks/search.py) runs its engine as
            # WebAssembly from this site; it allows compiling WebAssembly only, not eval().
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *scripts]),
            " ".join(["style-src 'self'", *style_hashes]),
            # data: for the icons Material's CSS embeds as data: SVG (mask-image is an image).
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def _external(href: str, site_host: str) -> bool:
    parts = urlsplit(html_lib.unescape(href).strip())
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False  # relative, in-page, mailto: and the like stay on the site
    return (parts.hostname or "") != site_host.lower()


def _with_rel(tag: str, site_host: str) -> str:
    if tag[:2].lower() != "<a":
        return tag  # a script
    href = HREF.search(tag)
    if not href or not _external(href.group(1) if href.group(1) is not None else href.group(2), site_host):
        return tag
    rel = REL.search(tag)
    tokens = (rel.group(1) if rel.group(1) is not None else rel.group(2)).split() if rel else []
    known = {token.lower() for token in tokens}
    tokens += [token for token in ("noopener", "noreferrer") if token not in known]
    attribute = f' rel="{" ".join(tokens)}"'
    if rel:
        return tag[: rel.start()] + attribute + tag[rel.end() :]
    return tag[:2] + attribute + tag[2:]


def harden(html: str, site_host: str, live_reload: bool = False) -> str:
    """The page with rel="noopener noreferrer" on links to other hosts than `site_host`, and
    a policy allowing exactly its own inline scripts and styles. Running it twice changes
    nothing more."""
    html = OURS.sub("", html)
    html = LINK_OR_SCRIPT.sub(lambda match: _with_rel(match.group(0), site_host), html)
    # Hashes last, so they are of the final text.
    scripts = sorted({_sha256(m.group(2)) for m in SCRIPT.finditer(html) if _runs(m.group(1))})
    styles = sorted({_sha256(m.group(1)) for m in STYLE.finditer(html)})
    tags = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles, live_reload)}">'
        f'\n<meta name="referrer" content="{REFERRER}">'
    )
    anchor = CHARSET.search(html) or HEAD.search(html)
    at = anchor.end() if anchor else 0
    return html[:at] + tags + html[at:]


_serving = False


def on_startup(command: str, dirty: bool, **kwargs) -> None:  # noqa: ANN003, ARG001
    global _serving
    _serving = command == "serve"


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    host = urlsplit(config["site_url"] or "").hostname or ""
    for path in Path(config["site_dir"]).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        hardened = harden(text, host, live_reload=_serving)
        if hardened != text:
            path.write_text(hardened, encoding="utf-8")
