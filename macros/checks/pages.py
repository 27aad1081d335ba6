"""Page sources: no raw HTML that runs scripts, embeds other sites or loads remote images.

Markdown lets raw HTML through, so a `<script>` in a chapter's heading or in its
front-matter title reaches the published page and runs. This check reads each
page's source, front matter included, and names the file and line of every
construct a page may not use, in words for the clinician editing the page.

Text that Markdown shows as code is not checked: fenced code blocks and code
spans in backticks. Where it is unclear whether something is code (an unusual
fence, backticks inside raw HTML), it is checked: a needless warning is better
than a missed script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

import yaml

from macros.errors import DataError

# libyaml's parser where PyYAML has it (as macros/loading.py): the same nodes, lines and
# errors, several times faster on a build's worth of front matter.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Front matter exactly as MkDocs finds it (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# Tags a page may not add, with what they would let it do.
FORBIDDEN_TAGS = {
    "script": "run scripts",
    "iframe": "embed other websites",
    "frame": "embed other websites",
    "frameset": "embed other websites",
    "object": "embed programs or other websites",
    "embed": "embed programs or other websites",
    "applet": "embed programs or other websites",
    "base": "change where the page's links go",
    "form": "collect what readers type",
    "link": "load style sheets or other files",
}
# `<script`, `< SCRIPT`, `</script`...: the name ends where a browser ends it (space, / or >).
FORBIDDEN_TAG = re.compile(r"<\s*/?\s*(" + "|".join(FORBIDDEN_TAGS) + r")(?![^\s/>])", re.IGNORECASE)
# Any HTML tag: its name, then its attributes up to the first `>` outside quotes.
TAG = re.compile(r"""<\s*/?\s*([a-z][^\s/>]*)((?:"[^"]*"?|'[^']*'?|[^"'>])*)""", re.IGNORECASE)
# One attribute: a name, and maybe `= value`, quoted or not (as a browser splits them).
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?""")
# A Material attribute list, `{ #id .class key="value" }`, but not a macro call `{{ ... }}`.
ATTRIBUTE_LIST = re.compile(r"(?<!\{)\{:?([^{}\n]*)\}(?!\})")
# Where a Markdown link or image address begins: `[text](` or `![alt](`.
LINK_ADDRESS = re.compile(r"\]\(")
# A reference definition, `[id]: address` (not a footnote `[^1]:`); the address follows.
REFERENCE = re.compile(r"^[ \t]*\[(?!\^)([^\[\]\n]+)\]:[ \t]*\n?[ \t]*", re.MULTILINE)
# A reference-style image, `![alt][id]`, `![alt][]` or `![id]`, not followed by `(address)`.
REFERENCE_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:[ \t]?\[([^\[\]]*)\])?(?!\()")
# An autolink, `<address>`; the address follows the `<`.
AUTOLINK = re.compile(r"<(?=\S)")
# The start of an address in Markdown: up to a bracket, parenthesis or quote.
ADDRESS = re.compile(r"""\s*<?([^()<>"']*)""")

# Addresses that run code or hide a whole file: refused wherever an address goes.
BAD_SCHEME = re.compile(r"(javascript|vbscript|data):")
# `javascript:` and `vbscript:` are refused in any attribute (SVG animations set links too).
SCRIPT_SCHEME = re.compile(r"(javascript|vbscript):")
# An address on another site: any scheme (https:, ftp:...) or `//host`.
REMOTE = re.compile(r"[a-z][a-z0-9+.-]*:|//")
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background"}
# Attributes whose file the browser fetches as soon as the page opens.
MEDIA_ATTRIBUTES = {"src", "srcset", "poster", "background", "lowsrc", "dynsrc"}
SVG_IMAGES = {"image", "use", "feimage"}  # their href is fetched too
# CSS that loads a file or runs code.
CSS_LOADS = re.compile(r"(url|expression|image-set)\(")

# Markup in a title or description: `<` then a letter, `/`, `!` or `?`.
MARKUP = re.compile(r"<\s*[/!?]?\s*[a-z][^>]{0,40}>?", re.IGNORECASE)

# Code as Markdown finds it (Python-Markdown's BACKTICK_RE): group 2 opens a code span.
CODE_SPAN = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))", re.DOTALL)
# A fence line: indentation, ``` or ~~~ (three or more), an optional language or { attributes }.
FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})[ \t]*[\w#.+-]*[ \t]*(?:\{[^}\n]*\})?[ \t]*")
# A line starting with a tag or comment, which Markdown may pass through as raw HTML.
HTML_LINE = re.compile(r"[ \t]*<(!--|[a-z][\w:-]*)", re.IGNORECASE)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

SHOW_AS_CODE = "to show it as an example, put it in backticks; if the page needs it, ask a maintainer"
LOCAL_IMAGES = (
    "save the image under docs/assets/ (if its licence allows) and use a relative path such as ../assets/picture.png"
)


def check_page_sources(pages: Mapping[str, str]) -> list[DataError]:
    """pages: docs-relative path (like 'situations/online.md') -> the file's text."""
    errors: set[DataError] = set()
    for path, text in pages.items():
        file = f"docs/{path}"
        body_start = 0
        front = FRONT_MATTER.match(text)
        if front:
            # Parsed once: the node tree gives each value's line, and constructing it says
            # whether MkDocs can read the front matter (as yaml.safe_load would).
            try:
                loader = _Loader(front.group(1))
                try:
                    root = loader.get_single_node()
                    readable = isinstance(loader.construct_document(root), dict) if root is not None else False
                finally:
                    loader.dispose()
            except yaml.YAMLError:
                readable = False
            if readable:
                errors.update(_check_front_matter(file, root))
                body_start = front.end()
            else:  # MkDocs then shows the front matter as part of the page
                message = (
                    "has front matter that is not valid YAML, so the page would show it as text: "
                    "check the lines between the two --- lines."
                )
                errors.add(DataError(file, 1, "", message))
        masked = _blank(text[:body_start]) + _mask_code(text[body_start:])
        for position, message in _scan(masked):
            errors.add(DataError(file, masked.count("\n", 0, position) + 1, "", message))
    return sorted(errors, key=lambda e: (e.file, e.line or 0, e.path, e.message))


def _check_front_matter(file: str, root: yaml.Node) -> Iterator[DataError]:
    """Every front-matter value, reported at the line of its key (list items at their own line)."""
    for path, line, value in _values(root, "", 0):
        where = f"front matter {path}"
        for _, message in _scan(value):
            yield DataError(file, line + 2, where, message)  # +1 for the `---` line, +1 to count from 1
        markup = MARKUP.search(value)
        if path in ("title", "description") and markup:
            message = (
                f"has HTML markup ({_short(markup.group(0))}): the {path} is shown as plain text in the "
                "browser tab, the menu, search results and link previews. Write it in plain words, without < >."
            )
            yield DataError(file, line + 2, where, message)


def _values(node: yaml.Node | None, path: str, line: int) -> Iterator[tuple[str, int, str]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(getattr(key, "value", key))
            yield from _values(value, f"{path}.{name}" if path else name, key.start_mark.line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _values(item, f"{path}[{index}]", item.start_mark.line)
    elif isinstance(node, yaml.ScalarNode):
        yield path, line, node.value


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """(position, message) for every refused construct in `text`."""
    for found in FORBIDDEN_TAG.finditer(text):
        name = found.group(1).lower()
        article = "an" if name[0] in "aeiou" else "a"
        yield found.start(), f"has {article} <{name}> tag: pages may not {FORBIDDEN_TAGS[name]}; {SHOW_AS_CODE}."
    for tag in TAG.finditer(text):
        yield from _check_attributes(tag.group(1).lower(), tag.group(2), tag.start(2))
    for attributes in ATTRIBUTE_LIST.finditer(text):
        yield from _check_attributes("", attributes.group(1), attributes.start(1))
    for link in LINK_ADDRESS.finditer(text):
        image = _is_image(text, link.start())
        where = "in a Markdown image" if image else "in a Markdown link"
        yield from _check_address(text, link.end(), where, check_remote=image)
    definitions = {}
    for definition in REFERENCE.finditer(text):
        definitions[_reference_id(definition.group(1))] = definition.end()
        yield from _check_address(text, definition.end(), f"in the link definition [{definition.group(1)}]")
    for image in REFERENCE_IMAGE.finditer(text):
        start = definitions.get(_reference_id(image.group(2) or image.group(1)))
        if start is not None and REMOTE.match(_address(text, start).replace("\\", "/")):
            where = " in a Markdown image, through its link definition"
            yield image.start(), _remote_image(_raw_address(text, start), where)
    for autolink in AUTOLINK.finditer(text):
        yield from _check_address(text, autolink.end(), "in <...>")


def _check_address(text: str, start: int, where: str, check_remote: bool = False) -> Iterator[tuple[int, str]]:
    address = _address(text, start)
    scheme = BAD_SCHEME.match(address.replace("\\", ""))
    if scheme:
        yield start, _bad_scheme(scheme.group(1), where)
    elif check_remote and REMOTE.match(address.replace("\\", "/")):
        yield start, _remote_image(_raw_address(text, start), f" {where}")


def _check_attributes(tag: str, attributes: str, offset: int) -> Iterator[tuple[int, str]]:
    """Event handlers, styles that load files, and bad or remote addresses in one tag's attributes.

    `tag` is "" for an attribute list `{ ... }`, which Markdown copies onto the element before it.
    """
    for attribute in ATTRIBUTE.finditer(attributes):
        name, quoted = attribute.group(1).lower(), attribute.group(2)
        if quoted is None:
            continue
        raw = quoted.strip("\"'")
        position, value = offset + attribute.start(), html.unescape(raw)
        on = f"on <{tag}>" if tag else "in an attribute list { }"
        where = f"in the {name}= of <{tag}>" if tag else f"in the attribute list {{ {name}=... }}"
        address = _normalize(raw)
        # srcset lists several addresses, separated by commas.
        addresses = address.split(",") if name == "srcset" else [address]
        if re.fullmatch(r"on\w+", name):
            message = (
                f"has an event-handler attribute {name}= {on}: pages may not run scripts when something is "
                f"clicked or loaded. Remove {name}=...; if the page needs this behaviour, ask a maintainer."
            )
            yield position, message
        elif name == "style" and (css := CSS_LOADS.search(_css(value))):
            message = (
                f"has a style= attribute with {css.group(0)}...) {on}: styles in a page may not load files or "
                "run code. Remove it, or ask a maintainer to add the style to the site's stylesheet."
            )
            yield position, message
        elif script := SCRIPT_SCHEME.search(address.replace("\\", "")):
            yield position, _bad_scheme(script.group(1), where)
        elif name in URL_ATTRIBUTES and any(a.replace("\\", "").startswith("data:") for a in addresses):
            yield position, _bad_scheme("data", where)
        elif tag == "meta" and name == "http-equiv":
            message = (
                "has a <meta http-equiv> tag: pages may not redirect readers or change how the page loads. "
                "Remove it; to move a page, ask a maintainer to add a redirect."
            )
            yield position, message
        elif (name in MEDIA_ATTRIBUTES and tag not in FORBIDDEN_TAGS) or (
            name in ("href", "xlink:href") and tag in SVG_IMAGES
        ):
            if any(REMOTE.match(a.replace("\\", "/")) for a in addresses):
                yield position, _remote_image(value.strip(), f" {where}")


def _bad_scheme(scheme: str, where: str) -> str:
    if scheme == "data":
        return (
            f"has a data: address {where}: it hides a whole file inside the page. Save the file "
            "under docs/assets/ and link to it with a relative path."
        )
    return (
        f"has a {scheme}: address {where}: it would run a script. Pages may link only to web pages "
        "(https://...) and to other pages of the handbook; replace it with an ordinary address."
    )


def _remote_image(address: str, where: str) -> str:
    return (
        f"shows an image or media file from another site ({_short(address)}){where}: every reader's "
        f"browser would contact that site, and the file can change or vanish. Instead, {LOCAL_IMAGES}."
    )


def _normalize(value: str) -> str:
    """An address as a browser reads its scheme: entities decoded, spaces, tabs and newlines dropped."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()


def _address(text: str, start: int) -> str:
    return _normalize(ADDRESS.match(text, start).group(1))


def _raw_address(text: str, start: int) -> str:
    return ADDRESS.match(text, start).group(1).strip()


def _css(value: str) -> str:
    """CSS with comments, escapes (\\75 is u) and spaces removed, to find `url(` however written."""
    value = re.sub(r"/\*.*?\*/", "", value, flags=re.DOTALL)
    value = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(min(int(m.group(1), 16), 0x10FFFF)), value)
    return re.sub(r"\s", "", value.replace("\\", "")).lower()


def _reference_id(text: str) -> str:
    return " ".join(text.split()).lower()


def _is_image(text: str, close: int) -> bool:
    """Whether the `]` at `close` ends `![alt]`: find its `[`, counting nested brackets."""
    depth = 0
    for index in range(close, -1, -1):
        if index > 0 and text[index - 1] == "\\":
            continue  # an escaped bracket is text
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index > 0 and text[index - 1] == "!"
    return False


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _blank(text: str) -> str:
    """Spaces in place of `text`, keeping its newlines so line numbers stay right."""
    return re.sub(r"[^\n]", " ", text)


def _mask_code(body: str) -> str:
    """`body` with fenced code blocks and code spans blanked out."""
    lines = body.split("\n")
    fenced = _fenced_lines(lines)
    raw = _raw_html_lines(lines, fenced)
    masked = [_blank(line) if number in fenced else line for number, line in enumerate(lines)]
    # Code spans, paragraph by paragraph (lines between blank lines), away from fences and raw HTML.
    paragraph: list[int] = []
    for number in range(len(lines) + 1):
        if number < len(lines) and lines[number].strip():
            paragraph.append(number)
            continue
        # A code span needs a backtick; most paragraphs have none, and pairing is costly.
        if (
            paragraph
            and any("`" in lines[n] for n in paragraph)
            and not any(n in fenced or n in raw for n in paragraph)
        ):
            _mask_code_spans(masked, paragraph)
        paragraph = []
    return "\n".join(masked)


def _fenced_lines(lines: list[str]) -> set[int]:
    """Lines of fenced code blocks: closed by the same fence at the same indentation, content indented as much."""
    fenced: set[int] = set()
    number = 0
    while number < len(lines):
        opening = FENCE.fullmatch(lines[number].rstrip("\r"))
        if opening:
            indent, fence = opening.groups()
            for end in range(number + 1, len(lines)):
                if lines[end].rstrip() == indent + fence:
                    fenced.update(range(number, end + 1))
                    number = end
                    break
                if lines[end].strip() and not lines[end].startswith(indent):
                    break  # not a fence Markdown would recognise: leave it checked
        number += 1
    return fenced


def _raw_html_lines(lines: list[str], fenced: set[int]) -> set[int]:
    """Lines that may be raw HTML, where backticks are not code: from a line starting with a tag
    (or comment) to the line that closes it; one line for a void tag or `<div markdown>`."""
    raw: set[int] = set()
    number = 0
    while number < len(lines):
        start = HTML_LINE.match(lines[number])
        if number in fenced or not start:
            number += 1
            continue
        name = start.group(1).lower()
        tag = TAG.match(lines[number], start.end() - len(name) - 1)
        markdown = tag and "markdown" in {a.group(1).lower() for a in ATTRIBUTE.finditer(tag.group(2))}
        end = number
        if name == "!--":
            while end < len(lines) - 1 and "-->" not in lines[end][start.end() if end == number else 0 :]:
                end += 1
        elif name not in VOID_TAGS and not markdown:
            opens = re.compile(rf"<{re.escape(name)}(?![^\s/>])", re.IGNORECASE)
            closes = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)
            depth = 0
            for end in range(number, len(lines)):
                depth += len(opens.findall(lines[end])) - len(closes.findall(lines[end]))
                if depth <= 0:
                    break
        raw.update(range(number, end + 1))
        number = end + 1
    return raw


def _mask_code_spans(masked: list[str], paragraph: list[int]) -> None:
    """Blank the one-line code spans of a paragraph, in place.

    A heading or list item can start a new Markdown block on any line of the
    paragraph, which changes how backticks pair up; so a span is blanked only if
    it is found whichever of the paragraph's lines the block starts on.
    """
    text = "\n".join(masked[n] for n in paragraph)
    starts = [0]
    for n in paragraph[:-1]:
        starts.append(starts[-1] + len(masked[n]) + 1)
    found = [
        {m.span() for m in CODE_SPAN.finditer(text, start) if m.group(2) and "\n" not in m.group(0)} for start in starts
    ]
    chars = list(text)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text) + 1
        for span in found[index]:
            if start <= span[0] < end and all(span in earlier for earlier in found[:index]):
                chars[span[0] : span[1]] = " " * (span[1] - span[0])
    for n, line in zip(paragraph, "".join(chars).split("\n"), strict=True):
        masked[n] = line
