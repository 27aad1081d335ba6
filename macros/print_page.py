"""Tidy the whole-handbook print page that mkdocs-print-site-plugin writes.

The plugin joins every page into print_page/index.html. Two things in its
output are not valid HTML, and both confuse assistive technology:

- the plugin prefixes every in-page link with the page's key, but the ids only on
  headings and list items: ids on our tables, rows and tree sections stay as they
  were, so links miss and a table shown on two pages repeats its ids;
- each page's <section> carries a non-standard `heading-number` attribute, the
  numbering styles sit in the body, and a Material label points at a missing toggle.

`tidy()` is pure (text in, text out). `on_post_build` is the MkDocs hook that
applies it; mkdocs.yml lists this file under `hooks`, which MkDocs runs after
every plugin, so the print page exists by then.
"""

from __future__ import annotations

import re
from pathlib import Path

SECTION = re.compile(r"""<section class=["']print-page[^>]*>""")
SECTION_ID = re.compile(r"""\sid=["']([^"']+)["']""")
# The plugin gives ids on these tags a page prefix itself (update_anchor_ids in its urls.py),
# and prefixes every in-page link (#x -> #<page>-x). Ids on other tags are left as they were.
PLUGIN_PREFIXED = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}
TAG_WITH_ID = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*?)\sid="([^"]+)"')
ID_REFERENCES = re.compile(r'(\s(?:aria-labelledby|aria-describedby|aria-controls)=")([^"]+)(")')


def tidy(html: str) -> str:
    """Prefix the ids the plugin left alone, as it prefixed the links to them, so every id
    is unique and every in-page link lands; and make the plugin's attribute valid HTML."""
    html = re.sub(r"""\sheading-number=(["'])""", r" data-heading-number=\1", html)
    # The plugin writes its numbering styles into the body; styles belong in the head.
    styles = re.findall(r"<style>\.print-site-enumerate-headings.*?</style>", html, flags=re.S)
    for style in styles:
        html = html.replace(style, "", 1).replace("</head>", style + "</head>", 1)
    # A link to the print page itself, from a page printed in it, goes to its top.
    html = html.replace('href="#print_page"', 'href="#print-site-page"')
    # Material's "table of contents" label points at a toggle the print page does not have.
    html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    tags = list(SECTION.finditer(html))
    if not tags:
        return html
    out = [html[: tags[0].start()]]
    ends = [t.start() for t in tags[1:]] + [len(html)]
    for tag, end in zip(tags, ends):
        body = html[tag.end():end]
        found = SECTION_ID.search(tag.group(0))
        key = found.group(1) if found else ""
        if key and not key.startswith("section-"):  # "section-N" wraps a nav section, no page
            def prefix_id(match: re.Match[str]) -> str:
                already = match.group(3).startswith(f"{key}-")
                if match.group(1).lower() in PLUGIN_PREFIXED and already:
                    return match.group(0)  # the plugin's regex misses some (several tags on a line)
                return f'<{match.group(1)}{match.group(2)} id="{key}-{match.group(3)}"'

            def prefix_refs(match: re.Match[str]) -> str:
                values = " ".join(f"{key}-{v}" for v in match.group(2).split())
                return f"{match.group(1)}{values}{match.group(3)}"

            body = TAG_WITH_ID.sub(prefix_id, body)
            body = ID_REFERENCES.sub(prefix_refs, body)
        out.append(tag.group(0) + body)
    return "".join(out)


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    path = Path(config["site_dir"]) / "print_page" / "index.html"
    if path.is_file():
        path.write_text(tidy(path.read_text(encoding="utf-8")), encoding="utf-8")
