"""Pure renderers for the agency pages, and the print-page tidy step, without a build."""

from __future__ import annotations

from hooks.print_page import tidy
from macros.render import cite_handbook, page_url


def test_page_url_follows_directory_urls() -> None:
    assert page_url("situations/online.md") == "situations/online/"
    assert page_url("decide/index.md") == "decide/"
    assert page_url("index.md") == ""


def test_cite_handbook_escapes_what_it_reads() -> None:
    html = cite_handbook(
        {
            "cff-version": "1.2.0",
            "title": "A <b>title</b> {{ x }}",
            "authors": [{"name": "Team & co"}],
            "version": "1",
            "date-released": "2026-11-28",
            "url": "https://example.org/",
            "license": ["CC-BY-4.0", "MIT"],
        }
    )
    assert "<b>" not in html and "{{" not in html
    assert "Team &amp; co. (2026)." in html and "License&#58; CC-BY-4.0 and MIT" in html  # ":" is encoded too


def test_tidy_prefixes_every_id_per_page_and_keeps_links_landing() -> None:
    page = (
        '<html><head></head><body><div id="print-site-page">'
        '<section class="print-page" id="compare-x" heading-number="2.1">'
        '<h1 id="title">X</h1><div role="region" aria-labelledby="compare-x">'
        '<table><caption id="compare-x">X</caption><tr id="apa-3-05"><td>'
        '<a href="#compare-x-apa-3-05">row</a></td></tr></table></div></section>'
        '<section class="print-page" id="situations-y" heading-number="2.2">'
        '<h2 id="h">Y</h2><table><caption id="compare-x">X</caption>'
        '<tr id="apa-3-05"></tr></table><label class="md-nav__title" for="__toc">T</label>'
        "</section></div><style>.print-site-enumerate-headings #a:before{}</style>"
        '<script id="__config" type="application/json">{}</script></body></html>'
    )
    out = tidy(page)
    assert "heading-number=" not in out.replace("data-heading-number=", "")
    assert 'id="compare-x-apa-3-05"' in out and 'href="#compare-x-apa-3-05"' in out
    assert 'aria-labelledby="compare-x-compare-x compare-x-title"' in out and 'id="compare-x-compare-x"' in out
    assert 'id="situations-y-apa-3-05"' in out and 'id="situations-y-h"' in out and 'id="compare-x-title"' in out
    ids = [chunk.split('"')[0] for chunk in out.split(' id="')[1:]]
    assert len(ids) == len(set(ids)), f"repeated ids: {ids}"
    assert out.index("<style>") < out.index("</head>") and 'for="__toc"' not in out
    assert '<script id="__config"' in out, "ids outside the pages (Material's config) must stay as they are"
