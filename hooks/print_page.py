"""Tidy the whole-handbook print page that mkdocs-print-site-plugin writes.

The plugin joins every page into print_page/index.html. Two things in its
output are not valid HTML, and both confuse assistive technology:

- the plugin prefixes every in-page link with the page's key, but ids only on some
  tags: ids on our tables, rows and tree sections would stay as they were, so links
  would miss and a table shown on two pages would repeat its ids;
- each page's <section> carries a non-standard `heading-number` attribute, the
  numbering styles sit in the body, and a Material label points at a missing toggle;
- Material's settings come from the 404 page, whose base address is absolute, so
  search looked for its index in the wrong place when the site is served locally.

`tidy()` is pure (text in, text out). `on_post_build` is the MkDocs hook that
applies it; mkdocs.yml lists this file under `hooks`, which MkDocs runs after
every plugin, so the print page exists by then.

Weight of every other page (issue 16): the plugin links its CSS (`include_css: true`)
and its script (always) into every page, though only the print page uses them. mkdocs.yml
sets `include_css: false`; `on_config` takes js/print-site.js out of extra_javascript, and
`on_post_build` copies the plugin's CSS into site/css/ and links it and the script into the
print page alone (`print_page_assets`), where the plugin had them. tests/browser/test_print.py
checks the print page still prints, and tests/browser/test_performance_markup.py that the
plugin still names these files and that no other page links them.

Speed: the plugin's own id step (`update_anchor_ids`, version 2.9) rewrites the
whole page once per heading, which took 2.1 of a 4.2 s build with 96 pages.
`tidy()` prefixes every id of a page in one pass, so `on_config` swaps the
plugin's step for one that leaves ids alone. The swap only happens when the
plugin has that function; the print tests (links land, ids unique, valid HTML)
fail if the plugin ever prefixes differently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SECTION = re.compile(r"""<section class=["']print-page[^>]*>""")
SECTION_ID = re.compile(r"""\sid=["']([^"']+)["']""")
# The plugin prefixes every in-page link (#x -> #<page>-x); tidy() prefixes every id to match.
TAG_WITH_ID = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*?)\sid="([^"]+)"')
SECTION_TAGS = re.compile(r"<section\b|</section>")
ID_REFERENCES = re.compile(r'(\s(?:aria-labelledby|aria-describedby|aria-controls)=")([^"]+)(")')


def tidy(html: str) -> str:
    """Prefix every id in a page's section with the page's key, as the plugin prefixed the
    links to them, so every id is unique and every in-page link lands; and make the
    plugin's markup valid HTML."""
    html = re.sub(r"""\sheading-number=(["'])""", r" data-heading-number=\1", html)
    # The plugin writes its numbering styles into the body; styles belong in the head.
    styles = re.findall(r"<style>\.print-site-enumerate-headings.*?</style>", html, flags=re.S)
    for style in styles:
        html = html.replace(style, "", 1).replace("</head>", style + "</head>", 1)
    # A link to the print page itself, from a page printed in it, goes to its top.
    html = html.replace('href="#print_page"', 'href="#print-site-page"')
    # The plugin renders the page with the 404 page's settings, whose base is the site's
    # absolute path; like every other page, the print page (one folder deep) uses "..".
    html = CONFIG.sub(_relative_base, html, count=1)
    # Material's "table of contents" label points at a toggle the print page does not have.
    html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    out = []
    done = 0
    for tag in SECTION.finditer(html):
        found = SECTION_ID.search(tag.group(0))
        key = found.group(1) if found else ""
        if not key or key.startswith("section-") or tag.start() < done:
            continue  # "section-N" wraps a part of the nav, not a page
        close = _matching_close(html, tag.end())
        body = html[tag.end() : close]

        def prefix_id(match: re.Match[str], key: str = key) -> str:
            return f'<{match.group(1)}{match.group(2)} id="{key}-{match.group(3)}"'

        body = TAG_WITH_ID.sub(prefix_id, body)
        # A table or tree shown on several pages would give several landmarks one name:
        # on this page, each landmark's name also says which page it belongs to.
        heading = re.search(r'<h1\b[^>]*\sid="([^"]+)"', body)
        title = heading.group(1) if heading else ""

        def prefix_refs(match: re.Match[str], key: str = key, title: str = title) -> str:
            values = [f"{key}-{v}" for v in match.group(2).split()]
            if match.group(1).endswith('aria-labelledby="') and title and title not in values:
                values.append(title)
            return f"{match.group(1)}{' '.join(values)}{match.group(3)}"

        body = ID_REFERENCES.sub(prefix_refs, body)
        out.append(html[done : tag.end()] + body)
        done = close
    out.append(html[done:])
    return "".join(out)


CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _relative_base(match: re.Match[str]) -> str:
    """Material's settings block, read as the JSON it is, with the base made relative."""
    settings = json.loads(match.group(2))
    settings["base"] = ".."
    return match.group(1) + json.dumps(settings, separators=(",", ":")) + match.group(3)


def _matching_close(html: str, start: int) -> int:
    """Where the <section> opened just before `start` closes (the index of its </section>)."""
    depth = 1
    for match in SECTION_TAGS.finditer(html, start):
        depth += 1 if match.group(0) != "</section>" else -1
        if depth == 0:
            return match.start()
    return len(html)


def _leave_ids_alone(page_html: str, page_key: str) -> str:
    return page_html


# The plugin's files for the Material theme, as its on_config would have linked them.
PRINT_CSS = ("css/print-site.css", "css/print-site-material.css")
PRINT_JS = "js/print-site.js"


def print_page_assets(html: str, extra_css: list[str]) -> str:
    """Link the plugin's CSS before the site's own (so handbook.css still wins, as when the
    plugin put its files first in extra_css) and its script with the other deferred scripts,
    which run before the plugin's DOMContentLoaded call into it."""
    links = "".join(f'<link rel="stylesheet" href="../{css}">' for css in PRINT_CSS)
    first_own = next(
        (m for css in extra_css if (m := re.search(rf'<link rel="stylesheet" href="\.\./{re.escape(css)}"', html))),
        None,
    )
    at = first_own.start() if first_own else html.index("</head>")
    html = html[:at] + links + html[at:]
    script = f'<script defer src="../{PRINT_JS}"></script>'
    return html.replace("</body>", script + "</body>", 1) if script not in html else html


def on_config(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    # The plugin's on_config ran first (hooks run after plugins) and put its script first.
    config["extra_javascript"] = [s for s in config["extra_javascript"] if str(getattr(s, "path", s)) != PRINT_JS]
    try:
        from mkdocs_print_site_plugin import urls
    except ImportError:
        return config
    if hasattr(urls, "update_anchor_ids"):
        urls.update_anchor_ids = _leave_ids_alone
    return config


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    site = Path(config["site_dir"])
    path = site / "print_page" / "index.html"
    if not path.is_file():
        return
    try:
        import mkdocs_print_site_plugin
    except ImportError:
        return
    package = Path(mkdocs_print_site_plugin.__file__).parent
    for css in PRINT_CSS:
        (site / css).parent.mkdir(parents=True, exist_ok=True)
        (site / css).write_bytes((package / css).read_bytes())
    extra_css = [str(getattr(c, "path", c)) for c in config["extra_css"]]
    html = print_page_assets(tidy(path.read_text(encoding="utf-8")), extra_css)
    path.write_text(html, encoding="utf-8")
