"""Page sources: no raw scripts, event handlers, script links or remote images (fast, no build)."""

from __future__ import annotations

import pytest

from macros.checks.pages import check_page_sources

from .conftest import ROOT

FENCE = "`" * 3
# Front matter of four lines, then a blank line: the body starts on line 6.
HEADER = "---\ntitle: A page\ndescription: A page for the tests.\n---\n\n"
FILE = "docs/situations/example.md"


def check(text: str) -> list:
    return check_page_sources({"situations/example.md": text})


def test_the_real_pages_pass() -> None:
    docs = ROOT / "docs"
    pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}
    assert pages, "no pages found under docs/"
    assert [str(error) for error in check_page_sources(pages)] == []


# (source, line, path, what the message must name)
REFUSED = {
    # The review's two findings.
    "script in a heading": (HEADER + "# Friendly title <script>alert(1)</script>\n", 6, "", "<script>"),
    "script in the title": (
        '---\ntitle: "<script>alert(1)</script>"\n---\n\n# Title\n',
        2,
        "front matter title",
        "<script>",
    ),
    "spaced, upper case, unclosed script": (HEADER + "Text.\n\n< SCRIPT src=x.js\n", 8, "", "<script>"),
    "iframe": (HEADER + '<iframe src="https://www.youtube.com/embed/x"></iframe>\n', 6, "", "<iframe>"),
    "object": (HEADER + '<object data="movie.swf"></object>\n', 6, "", "<object>"),
    "embed": (HEADER + '<embed src="movie.swf">\n', 6, "", "<embed>"),
    "base": (HEADER + '<base href="https://evil.example/">\n', 6, "", "<base>"),
    "form": (HEADER + '<form method="post">\n', 6, "", "<form>"),
    "link": (HEADER + '<link rel="stylesheet" href="site.css">\n', 6, "", "<link>"),
    "meta refresh": (
        HEADER + '<meta http-equiv="refresh" content="0;url=https://evil.example">\n',
        6,
        "",
        "<meta http-equiv>",
    ),
    "onerror": (HEADER + "<img src=x onerror=alert(1)>\n", 6, "", "onerror="),
    "onclick": (HEADER + 'See <a href="#" onclick="alert(1)">this</a>.\n', 6, "", "onclick="),
    "svg onload": (HEADER + "<svg/onload=alert(1)>\n", 6, "", "onload="),
    "handler on a later line of a tag": (
        HEADER + '<a\n  href="x"\n  onmouseover="alert(1)">x</a>\n',
        8,
        "",
        "onmouseover=",
    ),
    "handler in an attribute list": (HEADER + '[APA](https://www.apa.org){ onclick="alert(1)" }\n', 6, "", "onclick="),
    "style url(": (HEADER + '<span style="background: url(https://evil.example/x.png)">x</span>\n', 6, "", "url("),
    "style expression(": (HEADER + '<div style="width: expression(alert(1))">x</div>\n', 6, "", "expression("),
    "javascript: link": (HEADER + "[Click](javascript:alert(1))\n", 6, "", "javascript:"),
    "javascript: hidden by an entity": (HEADER + "[Click](java&#x73;cript:alert(1))\n", 6, "", "javascript:"),
    "javascript: split by a tab": (HEADER + '<a href="jav\tascript:alert(1)">x</a>\n', 6, "", "javascript:"),
    "javascript: split by &#x09;": (HEADER + '<a href="jav&#x09;ascript:alert(1)">x</a>\n', 6, "", "javascript:"),
    "javascript: upper case after spaces": (HEADER + '<a href="  JAVASCRIPT:alert(1)">x</a>\n', 6, "", "javascript:"),
    "javascript: in a reference definition": (
        HEADER + "[Click][go]\n\n[go]: javascript:alert(1)\n",
        8,
        "",
        "javascript:",
    ),
    "javascript: autolink": (HEADER + "<javascript:alert(1)>\n", 6, "", "javascript:"),
    "javascript: in formaction": (
        HEADER + '<button formaction="javascript:alert(1)">Go</button>\n',
        6,
        "",
        "javascript:",
    ),
    "javascript: in xlink:href": (
        HEADER + '<svg><a xlink:href="javascript:alert(1)">x</a></svg>\n',
        6,
        "",
        "javascript:",
    ),
    "vbscript: link": (HEADER + '<a href="vbscript:msgbox(1)">x</a>\n', 6, "", "vbscript:"),
    "data: link": (HEADER + "[Open](data:text/html;base64,PHNjcmlwdD4=)\n", 6, "", "data:"),
    "remote Markdown image": (
        HEADER + "![Logo](https://example.org/logo.png)\n",
        6,
        "",
        "https://example.org/logo.png",
    ),
    "protocol-relative image": (HEADER + "![Logo](//example.org/logo.png)\n", 6, "", "//example.org/logo.png"),
    "remote reference-style image": (
        HEADER + "![Logo][logo]\n\n[logo]: https://example.org/logo.png\n",
        6,
        "",
        "https://example.org/logo.png",
    ),
    "remote image inside a link": (
        HEADER + "[![Badge](https://img.shields.io/b.svg)](https://example.org)\n",
        6,
        "",
        "https://img.shields.io/b.svg",
    ),
    "remote <img src>": (HEADER + '<IMG SRC="HTTPS://example.org/x.png" alt="">\n', 6, "", "HTTPS://example.org/x.png"),
    "remote <source srcset>": (
        HEADER + '<source srcset="a.png 1x, https://cdn.example.org/a.png 2x">\n',
        6,
        "",
        "https://cdn.example.org/a.png",
    ),
    "remote <video poster>": (
        HEADER + '<video poster="https://example.org/p.jpg"></video>\n',
        6,
        "",
        "https://example.org/p.jpg",
    ),
    "remote <image href>": (
        HEADER + '<svg><image href="https://example.org/x.png"/></svg>\n',
        6,
        "",
        "https://example.org/x.png",
    ),
    "markup in the description": (
        "---\ntitle: A page\ndescription: >-\n  Read <b>this</b> first.\n---\n",
        3,
        "front matter description",
        "<b>",
    ),
    "script link deep in front matter": (
        '---\ntitle: A page\nextra:\n  links:\n    - "[x](javascript:alert(1))"\n---\n',
        5,
        "front matter extra.links[0]",
        "javascript:",
    ),
    # Backticks that Markdown does not treat as code do not hide anything.
    "escaped backticks": (HEADER + "\\`<script>alert(1)</script>\\`\n", 6, "", "<script>"),
    "backticks paired across a heading": (HEADER + "# Title `\n`a` <script>alert(1)</script> `b`\n", 7, "", "<script>"),
    "backticks paired across lines": (HEADER + "Some `code\nhere` <script>alert(1)</script> `x`\n", 7, "", "<script>"),
    "backticks inside raw HTML": (HEADER + "<div>\n\n`<script>alert(1)</script>`\n\n</div>\n", 8, "", "<script>"),
    "a fence that is never closed": (HEADER + FENCE + "\n<script>alert(1)</script>\n", 7, "", "<script>"),
    "a fence with its content less indented": (
        HEADER + "  " + FENCE + "\n<script>alert(1)</script>\n  " + FENCE + "\n",
        7,
        "",
        "<script>",
    ),
    "a fence closed by a longer fence": (
        HEADER + FENCE + "\n<script>alert(1)</script>\n" + FENCE + "``\n",
        7,
        "",
        "<script>",
    ),
}


@pytest.mark.parametrize(("source", "line", "path", "named"), REFUSED.values(), ids=REFUSED.keys())
def test_refused(source: str, line: int, path: str, named: str) -> None:
    errors = check(source)
    assert errors, "nothing was found"
    assert [(error.file, error.line, error.path) for error in errors] == [(FILE, line, path)] * len(errors)
    for error in errors:
        assert named in error.message, error.message


ALLOWED = {
    "link to another site": "[APA's code](https://www.apa.org/ethics/code) and <https://www.apa.org>\n",
    "email": "Write to <someone@example.org> or [us](mailto:someone@example.org).\n",
    "local image": '![A diagram](../assets/tree.png)\n\n<img src="../assets/tree.png" alt="A tree">\n',
    "code span": "Never write `<script>alert(1)</script>` or ``<img src=x onerror=alert(1)>`` in a page.\n",
    "fenced block": (
        FENCE + "html\n<script>alert(1)</script>\n" + FENCE + "\n\n"
        "~~~\n<iframe src=https://example.org></iframe>\n~~~\n\n"
        "- In a list:\n\n    " + FENCE + "\n    ![x](https://example.org/x.png)\n    " + FENCE + "\n"
    ),
    "macro call": '{{ cite("apa", "10.08") }} and {% if page %}{{ comparison_table("gifts") }}{% endif %}\n',
    "attribute list": "## Gifts { #gifts }\n\n[Start](../decide/index.md){ .md-button }\n",
    "Material grid cards": '<div class="grid cards" markdown>\n\n-   **For clients**: `<b>` is code here\n\n</div>\n',
    "prose with < and >": "Clients aged < 18 or > 65, and a<b in math.\n",
}


@pytest.mark.parametrize("body", ALLOWED.values(), ids=ALLOWED.keys())
def test_allowed(body: str) -> None:
    assert check(HEADER + body) == []


def test_title_with_plain_symbols_is_allowed() -> None:
    assert check('---\ntitle: "Gifts & bartering: under 18s (< 18)"\n---\n\n# Gifts\n') == []


def test_front_matter_that_is_not_yaml_is_checked_as_text() -> None:
    errors = check("---\ntitle: [unclosed\n---\n\n# <script>alert(1)</script>\n")
    assert [(error.line, error.path) for error in errors] == [(1, ""), (5, "")]
    assert "not valid YAML" in errors[0].message and "<script>" in errors[1].message


def test_every_page_and_line_is_named() -> None:
    errors = check_page_sources(
        {
            "a.md": HEADER + "Fine.\n\n<script>x</script>\n",
            "b/c.md": "# Title\n\n![x](https://example.org/x.png)\n",
        }
    )
    assert [(error.file, error.line) for error in errors] == [("docs/a.md", 8), ("docs/b/c.md", 3)]
    assert str(errors[0]).startswith("docs/a.md:8: has a <script> tag: pages may not run scripts")
