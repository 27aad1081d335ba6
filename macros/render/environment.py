"""The one Jinja environment every renderer uses, and what it does to each printed value.

A renderer's output is pasted into a page's Markdown *before* Python-Markdown runs, so a
value that is only HTML-escaped can still be read as syntax: `![x](y)` becomes an image,
`[x](javascript:...)` a link, `{ onclick=x }` attributes (attr_list), `*[x]: y` an
abbreviation. So `finalize` makes every value printed with `{{ }}` inert to every later
pass: HTML-escaped, and every character Markdown, its extensions or mkdocs-macros could
read as syntax written as a numeric character reference (the browser shows it as the
character; no pass before the browser sees it as syntax). Only markup our own templates
built (a macro's result, a `{% set %}` block) passes through as it is. The comment above
`_SYNTAX` lists the characters and why each is there; addresses (`Url`) keep their ":".

Templates: `templates/*.html` hold HTML components, one macro each; in them a line break
and the indentation after it print nothing, so a template can be laid out for reading while
its output stays on one line (a blank line would end a raw HTML block in Markdown). Where a
space must end a line, write `{{ " " }}` (editors drop trailing spaces). `templates/*.md`
hold the page bodies that are Markdown and print their lines as written.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import jinja2.compiler
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from . import strings

TEMPLATES = Path(__file__).resolve().parent / "templates"

# HTML's own five, as markupsafe writes them.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
# Syntax to the passes that read our output after us:
#   { }   mkdocs-macros (Jinja: {{ {% {#) and attr_list ({ onclick=x }, { #id })
#   [ ] ( ) !   Markdown links, images, reference links and footnotes ([^1]); abbr (*[x]: y)
#   * _   emphasis; abbreviation definitions begin with *
#   `     code spans, which run before every other inline pattern, even inside a tag
#   \     Markdown's backslash escapes
#   #     headings, and the trailing #s Markdown strips from a heading line
#   | ~   tables and ~~~ fences (pymdownx.superfences)
#   :     emoji and other :shortcode: extensions, definition lists. Not needed for links:
#         Markdown autolinks need <...>, which is escaped above, and no extension here
#         links bare text. It is encoded anyway, so turning on such an extension is safe.
#   line breaks (LF and CR, both written &#10;): data that spans lines could end a raw HTML
#         block with a blank line, or begin a line: a list (- + 1.), an indented code block,
#         a setext heading (=== ---), a details block (???), a definition (: ).
_SYNTAX = "{}[]()!*_`\\#|~:"
# Characters no page may hold, each shown as U+FFFD: C0 and C1 controls (STX and ETX would
# even forge Markdown's own placeholders), lone surrogates and non-characters.
_UNPRINTABLE = dict.fromkeys(
    [
        *range(0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        *range(0x7F, 0xA0),
        *range(0xD800, 0xE000),
        *range(0xFDD0, 0xFDF0),
        0xFFFE,
        0xFFFF,
    ],
    "\ufffd",
)
_LINE_BREAKS = {"\n": "&#10;", "\r": "&#10;"}
_TEXT = str.maketrans({**_UNPRINTABLE, **_HTML, **{c: f"&#{ord(c)};" for c in _SYNTAX}, **_LINE_BREAKS})
# An address keeps its ":" readable (https://...): it is only ever printed from a checked
# http(s) or relative address (see `Url`), so its scheme is never a surprise.
_ADDRESS = {code: reference for code, reference in _TEXT.items() if code != ord(":")}
ADDRESS = _ADDRESS  # for filling in addresses after rendering (render.decision_tree)


@lru_cache(maxsize=8192)  # the same names, versions and labels are printed on page after page
def inert(value: str) -> Markup:
    """Text as HTML that no later pass (Markdown, its extensions, mkdocs-macros) reads as syntax."""
    return Markup(value.translate(_TEXT))


_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(chr(code) for code in range(0x21))  # C0 controls and the space


class Url(str):
    """An address for href: from a typed URL field (http or https), or a relative address
    made by `macros.urls` and the page's link function. Any other scheme is refused."""

    __slots__ = ()

    def __new__(cls, value: object) -> Url:
        text = str(value)
        if ":" in text and not text.startswith(("https://", "http://")):
            # Browsers drop leading controls and spaces, and tabs and line breaks anywhere.
            scheme = urlsplit(_URL_IGNORED.sub("", text).lstrip(_URL_LEADING)).scheme
            if scheme.lower() not in ("", "http", "https"):
                raise ValueError(f"{text!r} is not an address the handbook links to: use https://")
        return super().__new__(cls, text)


def finalize(value: Any) -> Markup:
    """What every `{{ }}` prints: our own templates' markup as it is, anything else inert."""
    kind = type(value)
    if kind is str:
        return inert(value)
    if kind is Url:
        return Markup(value.translate(_ADDRESS))
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TypeError("a template printed None: guard the value with {% if %}")
    return inert(str(value))


def _join(values: Iterable[Any], separator: str = "") -> Markup:
    """`join` that makes each item inert (Jinja's own would only HTML-escape them)."""
    return finalize(separator).join(finalize(value) for value in values)


_JINJA_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)


class _Layout(Extension):
    """Drops the layout of `*.html` templates (line breaks and the indentation after them),
    and refuses what would print data without `finalize`: the `~` operator (it only
    HTML-escapes) and `{% autoescape %}` blocks."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if not (name or "").endswith(".html"):
            return source
        parts = _JINJA_TAG.split(source)
        return "".join(
            re.sub(r"\s*\n\s*", " ", part) if index % 2 else re.sub(r"\n[ \t]*", "", part)
            for index, part in enumerate(parts)
        )

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        previous = None
        for token in stream:
            if token.type == "tilde" or (previous == "block_begin" and token.test("name:autoescape")):
                raise jinja2.TemplateSyntaxError(
                    f"{token.value!r} is not allowed in the handbook's templates: print each value with "
                    "its own {{ }} so it is made inert",
                    token.lineno,
                    stream.name,
                    stream.filename,
                )
            previous = token.type
            yield token


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Prints `finalize(value)` as it is. Jinja wraps every printed value in `escape()` as well,
    which for the Markup that `finalize` always returns only makes a copy (two Python calls
    per value, about a seventh of the time a tree took to render); the text is the same.
    The stock code stays wherever autoescaping could be off (never in our templates: `_Layout`
    refuses `{% autoescape %}`). tests/test_build_shortcuts.py fails if Jinja renames the hook."""

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:  # noqa: ANN401
        if finalize.src == "environment.finalize(" and frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("(" + finalize.src)  # `_output_child_post` closes both
        else:
            super()._output_child_pre(node, frame, finalize)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept on disk between builds: compiling ours took about a tenth of
    a second of every build. Jinja recompiles a template whose source changed; the
    checksum here also covers this file (the layout extension and the options above
    change what a template compiles to) and Jinja's version, so no stale code is used."""

    _COMPILER = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256(source.encode("utf-8") + self._COMPILER.encode()).hexdigest()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full or read-only disk costs the next build the compile, nothing more
            pass


def _template_cache() -> jinja2.BytecodeCache | None:
    """The cache in the project's .cache/ (ignored by git), or none where it cannot be written."""
    directory = TEMPLATES.parents[2] / ".cache" / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(directory), "%s.cache") if os.access(directory, os.W_OK) else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_template_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        extensions=[_Layout],
    )
    env.code_generator_class = _CodeGenerator
    for name in ("e", "escape", "forceescape"):
        env.filters[name] = finalize
    env.filters["join"] = _join
    # Filters that mark text safe or make markup from it would skip `finalize`.
    for name in ("safe", "urlize", "xmlattr", "tojson"):
        del env.filters[name]
    # The templates' own words in the language being rendered (macros/render/strings.py).
    env.globals["t"] = strings.t
    return env


ENVIRONMENT = _environment()


@cache
def components(template: str) -> Any:  # noqa: ANN401 - a Jinja template module: its macros as attributes
    """The macros of one template, compiled once per process."""
    return ENVIRONMENT.get_template(template).module
