"""MkDocs hook: links from a translated page to a page that exists only in English.

mkdocs-static-i18n builds each other language (say Spanish, under es/) from its translated
pages only, so a Spanish page's link to `../situations/online.md` has no target in that
build and MkDocs' strict link check would stop it. Before the page is converted, such a
link is pointed at `ott-en:<docs path>` (a scheme MkDocs leaves alone); after conversion it
becomes the English page's address, relative to the page, marked hreflang="en". A link to
a page that exists in neither language stops the build, naming the page and the link.
Links to pages that are translated stay ordinary links, which MkDocs checks as usual.
Any link to a page in another language gets target="_self" (see on_page_content).
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from hooks.generated_pages import languages  # noqa: E402
from macros import state_for  # noqa: E402
from macros.generated import page_sources  # noqa: E402

# An inline Markdown link to a page: ](path.md) or ](path.md#anchor), relative.
_MD_LINK = re.compile(r"\]\((?P<path>(?![a-z][a-z0-9+.-]*:)[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")
_EN_HREF = re.compile(r'href="ott-en:(?P<path>[^"#]+)(?P<anchor>#[^"]*)?"')
_SCHEME = "ott-en:"


def english_pages(config) -> set[str]:  # noqa: ANN001
    """Every page of the default-language site: hand-written (no language suffix) and
    made from data."""
    docs = Path(config.docs_dir)
    found = set()
    for path in docs.rglob("*.md"):
        suffixes = path.suffixes
        if len(suffixes) >= 2 and len(suffixes[-2]) == 3:
            continue  # a translation, like gifts.es.md
        found.add(path.relative_to(docs).as_posix())
    dataset = state_for(config.config_file_path).dataset
    if dataset is not None:
        found.update(page_sources(dataset, Path(config.config_file_path).parent))
    return found


def page_url(path: str) -> str:
    """The address MkDocs gives a page (use_directory_urls): situations/online.md ->
    situations/online/, clients/index.md -> clients/."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _source_dir(page) -> str:  # noqa: ANN001
    return posixpath.dirname(page.file.src_uri)


@event_priority(100)  # before mkdocs-macros, so links a macro writes are left as they are
def on_page_markdown(markdown, page, config, files):  # noqa: ANN001, ANN201
    language, default = languages(config)
    if language == default:
        return markdown
    known_here = {f.src_uri for f in files.documentation_pages()}
    english = english_pages(config)
    missing = []

    def rewrite(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(_source_dir(page), match["path"]))
        translated = target[: -len(".md")] + f".{language}.md"
        if target in known_here or translated in known_here:
            return match.group(0)
        if target not in english:
            missing.append(match["path"])
            return match.group(0)
        return f"]({_SCHEME}{target}{match['anchor'] or ''})"

    markdown = _MD_LINK.sub(rewrite, markdown)
    if missing:
        raise PluginError(
            f"docs/{page.file.src_uri}: links to {', '.join(sorted(set(missing)))}, which is a page in "
            "neither language: give the path of an existing page, relative to this one"
        )
    return markdown


_OTHER_LANGUAGE_LINK = re.compile(r'<a (?![^>]*\btarget=)([^>]*\bhreflang="(?P<lang>[a-z]{2})")')


def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201
    if _SCHEME in html:

        def address(match: re.Match) -> str:
            href = get_relative_url(page_url(match["path"]), page.url)
            return f'href="{href}{match["anchor"] or ""}" hreflang="en"'

        html = _EN_HREF.sub(address, html)
    # A link to a page in the other language opens it as a new page (target="_self", which
    # Material's instant navigation leaves alone): a page swapped in place would keep the
    # first page's <html lang>, header and search language.
    language, _ = languages(config)

    def new_page(match: re.Match) -> str:
        return match.group(0) if match["lang"] == language else f'<a target="_self" {match.group(1)}'

    return _OTHER_LANGUAGE_LINK.sub(new_page, html)
