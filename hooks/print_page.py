"""Tidy the whole-handbook print page that mkdocs-print-site-plugin writes, and split it into volumes.

Volumes (issue 16): the plugin joins every page into print_page/index.html. Even tidied and
lightened (below), that one document is 4.8 MB of HTML, 734 KiB gzip and 48,000 elements, and
Lighthouse's slow phone (simulated slow 4G, about 1.6 Mbps) waits for all of it: first
contentful paint after 4.96 s, against a goal of 3 s. Its largest part of the nav alone
(For clinicians > Situations) is 299 KiB gzip, so no single document can meet the goal.
`split_volumes` (pure: text in, {path: text} out) therefore writes each part of the nav as a
volume of at most VOLUME_BUDGET gzip, print_page/<slug>/index.html, and makes
print_page/index.html their index, with the Home page; see "Volumes" below for the rule, the
slugs and the links between volumes. tests/test_print_volumes.py checks it.

The plugin's page, before the split: two things in its
output are not valid HTML, and both confuse assistive technology:

- the plugin prefixes every in-page link with the page's key, but ids only on some
  tags: ids on our tables, rows and tree sections would stay as they were, so links
  would miss and a table shown on two pages would repeat its ids;
- each page's <section> carries a non-standard `heading-number` attribute, the
  numbering styles sit in the body, and a Material label points at a missing toggle;
- Material's settings come from the 404 page, whose base address is absolute, so
  search looked for its index in the wrong place when the site is served locally.

`tidy()` is pure (text in, text out). `on_post_build` is the MkDocs hook that
applies it, then `lighten`, `print_page_assets` and `split_volumes`; mkdocs.yml lists this file under `hooks`, which MkDocs runs after
every plugin, so the print page exists by then.

Weight of every other page (issue 16): the plugin links its CSS (`include_css: true`)
and its script (always) into every page, though only the print page uses them. mkdocs.yml
sets `include_css: false`; `on_config` takes js/print-site.js out of extra_javascript, and
`on_post_build` copies the plugin's CSS into site/css/ and links it into the print page alone
(`print_page_assets`), where the plugin had it, with docs/assets/stylesheets/print-page.css.
The print page itself is made light (`lighten`, see there): no script file, no navigation.
tests/browser/test_print.py checks the print page still prints, tests/test_print_page_light.py
what `lighten` leaves out, and tests/browser/test_performance_markup.py that the plugin still
names these files and that no other page links them.

Languages: mkdocs-static-i18n builds the Spanish pages after the English site, into the same
folder; `on_config` turns the plugin off for that build, so the print page stays the English
handbook (it had been overwritten by a print page of the Spanish pages alone).

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
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from hooks.generated_pages import languages  # noqa: E402

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


# The plugin's files for the Material theme, as its on_config would have linked them, and
# ours for this page alone (issue 16).
PRINT_CSS = ("css/print-site.css", "css/print-site-material.css")
PRINT_PAGE_CSS = "assets/stylesheets/print-page.css"
PRINT_JS = "js/print-site.js"


def print_page_assets(html: str, extra_css: list[str]) -> str:
    """Link the plugin's CSS before the site's own (so handbook.css still wins, as when the
    plugin put its files first in extra_css), and print-page.css after it."""
    links = "".join(f'<link rel="stylesheet" href="../{css}">' for css in PRINT_CSS)
    first_own = next(
        (m for css in extra_css if (m := re.search(rf'<link rel="stylesheet" href="\.\./{re.escape(css)}"', html))),
        None,
    )
    at = first_own.start() if first_own else html.index("</head>")
    html = html[:at] + links + html[at:]
    return html.replace("</head>", f'<link rel="stylesheet" href="../{PRINT_PAGE_CSS}"></head>', 1)


# --- A light print page (issue 16) ---------------------------------------------------------
# The page joins every page of the handbook: 7.7 MB of HTML (1 MB gzip), 60,000 elements,
# first paint after 6 s on Lighthouse's slow phone. Lighthouse's throttled load waits for the
# whole document, so what counts is its weight. Most of it was either repeated or only of use
# on screen pages, and is left out here:
# - every decision tree shown in a chapter is shown again on its own page (decide/...): the
#   second copy gives way to a link to the first (`drop_repeated_trees`);
# - each citation carries its rule's full text as a hover title (Material's tooltips), 3,400
#   times; on this page the citation links to that rule's row in the compare table;
# - the permalink (a pilcrow) after each of 1,100 headings, for sharing a screen page's part;
# - Material's navigation (tabs, the sidebar of every page, search) and its scripts, which
#   the plugin's script only hid; its table of contents is written here into the page (the
#   plugin's script copied it from the sidebar when the page loaded), so it is there without
#   JavaScript too. The palette toggle stays: it is the handbook's own inline script
#   (overrides/partials/palette.html), which needs no bundle and follows the system setting.
TREE = re.compile(r'<div class="ott-tree" data-tree="([^"]+)"')
ANY_ID = re.compile(r'\sid="([^"]+)"')
CITE_TITLE = re.compile(r'(<a class="ott-cite"[^>]*?)\stitle="[^"]*"')
# The permalink after each heading of a page (the plugin's own, on the nav's parts, stay).
# A tree's node is a region named by its question on a tree page, where trees.js shows one
# node at a time; here every node of 14 trees shows at once, and two nodes that ask the same
# question ("What has happened?") made two regions of one name. They are plain sections here,
# found by their headings, as on paper.
NODE_LABEL = re.compile(r'(<section class="ott-node[^"]*"[^>]*?)\saria-labelledby="[^"]*"')
PERMALINK = re.compile(r'<a class="headerlink" href="#[^"]*" title="Link to this section">&para;</a>')
# Material's scripts and ours: nothing on this page needs them (trees print as outlines, the
# licence picker shows every rule, as without JavaScript).
# overrides/main.html writes each as an inert data block that its loader turns into a script.
OWN_SCRIPTS = re.compile(
    r'<script type="text/plain" data-ott-src="\.\./(?:assets/javascripts/[^"]+|js/print-site\.js)"></script>'
)
INLINE_SCRIPTS = (
    # print-site's call into its script (hide Material's navigation, copy the sidebar's toc)
    re.compile(r"<script[^>]*>\s*document\.addEventListener\('DOMContentLoaded'.*?</script>", re.S),
    # overrides/main.html's marker that trees.js will run
    re.compile(r'<script>\(function\(d\)\{d\.classList\.add\("ott-js"\).*?</script>', re.S),
    # overrides/main.html's loader of the scripts above
    re.compile(r"<script>\(function\(d\)\{var ran;function go\(\).*?</script>", re.S),
    # Material's settings, read by its bundle only
    re.compile(r'<script id="__config" type="application/json">.*?</script>', re.S),
)


def _element_end(html: str, start: int, tag: str) -> int:
    """Where the <tag> element opened at `start` ends (just after its closing tag)."""
    depth = 0
    for match in re.finditer(rf"<{tag}\b|</{tag}>", html[start:]):
        depth += -1 if match.group(0).startswith("</") else 1
        if depth == 0:
            return start + match.end()
    raise ValueError(f"print page: <{tag}> at {start} is never closed")


def _cut(html: str, opening: str, tag: str) -> str:
    """`html` without the element whose start tag begins with `opening` (if it is there)."""
    start = html.find(opening)
    return html if start < 0 else html[:start] + html[_element_end(html, start, tag) :]


def drop_repeated_trees(html: str) -> str:
    """Keep the first copy of each decision tree; a later copy becomes a link to it, and a
    link into a dropped copy goes to the same node of the kept one."""
    kept: dict[str, tuple[str, str, set[str]]] = {}  # tree -> (its first id, key prefix, ids)
    moved: dict[str, str] = {}
    out, done = [], 0
    for match in TREE.finditer(html):
        if match.start() < done:
            continue  # a tree inside a tree does not happen, but never cut twice
        tree, end = match.group(1), _element_end(html, match.start(), "div")
        ids = ANY_ID.findall(html[match.start() : end])
        start_id = next((i for i in ids if f"-{tree}--" in i), None)
        if start_id is None:
            continue
        prefix = start_id[: start_id.index(f"-{tree}--") + 1]
        if tree not in kept:
            kept[tree] = (start_id, prefix, set(ids))
            continue
        first, first_prefix, first_ids = kept[tree]
        for old in ids:
            same = first_prefix + old[len(prefix) :] if old.startswith(prefix) else ""
            moved[old] = same if same in first_ids else first
        out.append(html[done : match.start()])
        out.append(
            f'<p class="ott-tree-elsewhere"><a href="#{first}">This decision tree is printed in full'
            " earlier in the handbook</a>, with every question and outcome.</p>"
        )
        done = end
    out.append(html[done:])
    html = "".join(out)
    if moved:
        html = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{moved.get(m.group(1), m.group(1))}"', html)
    return html


def lighten(html: str) -> str:
    """The print page without what only screen pages use (see above). Pure: text in, text out."""
    html = drop_repeated_trees(html)
    html = PERMALINK.sub("", CITE_TITLE.sub(r"\1", html))
    html = NODE_LABEL.sub(r"\1", html)
    # The table of contents, from the sidebar into the page, where print-site's script put it.
    toc_at = html.find('<div class="md-sidebar md-sidebar--secondary"')
    if toc_at >= 0:
        ul_at = html.find('<ul class="md-nav__list" data-md-component="toc"', toc_at)
        toc = html[ul_at : _element_end(html, ul_at, "ul")].replace(' data-md-component="toc" data-md-scrollfix', "")
        html = _cut(html, '<div class="md-sidebar md-sidebar--secondary"', "div")
        here = html.index("<h1 class='print-page-toc-title'>")
        here = html.index("</nav>", here)
        html = html[:here] + toc + html[here:]
    for opening, tag in (
        ('<div class="md-sidebar md-sidebar--primary"', "div"),
        ('<nav class="md-tabs"', "nav"),
        ('<div class="md-search"', "div"),
        ('<label class="md-header__button md-icon" for="__search">', "label"),
        ('<label class="md-header__button md-icon" for="__drawer">', "label"),
        ('<label class="md-overlay" for="__drawer">', "label"),
    ):
        html = _cut(html, opening, tag)
    html = OWN_SCRIPTS.sub("", html)
    for script in INLINE_SCRIPTS:
        html = script.sub("", html, count=1)
    # Material's storage scope, like the base, came from the 404 page (an absolute path).
    return re.sub(r'__md_scope=new URL\("[^"]*",location\)', '__md_scope=new URL("..",location)', html, count=1)


def on_config(config, **kwargs):  # noqa: ANN001, ANN003, ANN201
    # The plugin's on_config ran first (hooks run after plugins) and put its script first.
    config["extra_javascript"] = [s for s in config["extra_javascript"] if str(getattr(s, "path", s)) != PRINT_JS]
    language, default = languages(config)
    print_site = config.plugins.get("print-site")
    if language != default and print_site is not None:
        # mkdocs-static-i18n builds the Spanish client pages into the same site_dir after
        # the English site; the plugin would write their print page over the whole
        # handbook's print_page/. The print page is the English handbook only.
        print_site.config["enabled"] = False
    try:
        from mkdocs_print_site_plugin import urls
    except ImportError:
        return config
    if hasattr(urls, "update_anchor_ids"):
        urls.update_anchor_ids = _leave_ids_alone
    return config


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    language, default = languages(config)
    if language != default:
        return  # the English build wrote and tidied the print page (see on_config)
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
    html = print_page_assets(lighten(tidy(path.read_text(encoding="utf-8"))), extra_css)
    for name, text in split_volumes(html).items():
        (path.parent / name).parent.mkdir(parents=True, exist_ok=True)
        (path.parent / name).write_text(text, encoding="utf-8")


# --- Volumes (issue 16) ----------------------------------------------------------------------
# Even light, the whole handbook is one document of 4.8 MB (734 KiB gzip, 48,000 elements), and
# Lighthouse's slow phone (simulated slow 4G, about 1.6 Mbps) paints nothing until it has all of
# it: first contentful paint after 4.96 s, against a goal of 3 s. So the handbook prints in parts
# ("volumes"), each one page to print or save as PDF, and print_page/ becomes their index.
#
# A part of the nav (a `section-N-M` wrapper) is one volume if it weighs at most VOLUME_BUDGET
# gzip; if not, its children are split the same way, and consecutive children that fit are
# grouped into one volume while the group stays within the budget. Each part of the nav at the
# top is its own volume, never grouped with the next; the Home page is printed on the index.
# A volume keeps the headings of the parts of the nav it sits in, so "Where you meet clients"
# still reads as part of "For clinicians", "Situations"; its table of contents is the
# plugin's, cut down to its own pages.
#
# Slugs (the folder print_page/<slug>/): the key of the volume's first page, which the plugin
# takes from the page's address (situations/online/ -> "situations-online"), so a volume's
# address only changes when its first page moves.
#
# Links: the plugin made every link between pages an in-page link (#id). A link whose target
# is in another volume goes there (../<slug>/#id; from the index <slug>/#id); a link to the
# print page itself goes to the index; a link whose target is nowhere stays as it was.
VOLUME_BUDGET = 150 * 1024  # bytes of gzip, per volume file
PRINT_INDEX_TITLE = "Outside the Office: the whole handbook"
PRINT_SITE_PAGE = '<div id="print-site-page"'
NUMBERING = re.compile(r"<style>\.print-site-enumerate-headings.*?</style>", re.S)
HREF_ANCHOR = re.compile(r"""(\shref=)(["'])#([^"']*)\2""")
RELATIVE_URL = re.compile(r"""(\s(?:href|src)=)(["'])(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"']*)\2""")
ANY_ID_QUOTED = re.compile(r"""\sid=(["'])([^"']+)\1""")
PAGE_URL = re.compile(r"""((?:https?:|https%3A)//[^"'<\s]*?/print_page/)(?=["'<])""")


def gzip_size(text: str) -> int:
    """Bytes of `text` gzipped, as a web server sends it."""
    import gzip

    return len(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))


class _Node:
    """A <section class="print-page"> of the print page: a page, or a part of the nav."""

    def __init__(self, html: str, start: int, open_end: int, end: int) -> None:
        self.start, self.end = start, end
        self.open_tag = html[start:open_end]
        found = SECTION_ID.search(self.open_tag)
        self.id = found.group(1) if found else ""
        self.is_part = "md-section" in self.open_tag
        self.children = _parse(html, open_end, end - len("</section>")) if self.is_part else []
        self.lead = html[open_end : self.children[0].start] if self.children else ""
        self.html = html[start:end]
        heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", self.lead or self.html, re.S)
        self.name = _text(heading.group(1)) if heading else self.id

    def pages(self) -> list[_Node]:
        return [p for c in self.children for p in c.pages()] if self.is_part else [self]


def _text(fragment: str) -> str:
    """The words of an HTML fragment, as HTML text (entities kept, tags and permalinks out)."""
    fragment = re.sub(r"<a class=['\"]headerlink['\"].*?</a>", "", fragment, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)).strip()


def _parse(html: str, start: int, stop: int) -> list[_Node]:
    nodes = []
    at = start
    while True:
        found = SECTION.search(html, at, stop)
        if not found:
            return nodes
        end = _matching_close(html, found.end()) + len("</section>")
        nodes.append(_Node(html, found.start(), found.end(), end))
        at = end


class _Volume:
    def __init__(self, parts: list[_Node], nodes: list[_Node]) -> None:
        self.parts, self.nodes = parts, nodes  # the parts of the nav it sits in, its sections
        self.slug = ""

    def content(self) -> str:
        opening = "".join(p.open_tag + p.lead for p in self.parts)
        return opening + "\n".join(n.html for n in self.nodes) + "</section>" * len(self.parts)

    def pages(self) -> list[_Node]:
        return [p for n in self.nodes for p in n.pages()]

    def title(self, names: dict[str, str]) -> str:
        path = [_plain(names.get(p.id, p.name)) for p in self.parts]
        own = [_plain(names.get(n.id, n.name)) for n in self.nodes]
        # page names can hold commas ("Letters, forms and court"): "A and B", "A to C"
        last = own[-1] if len(own) > 1 else ""
        own_name = own[0] + (f" and {last}" if len(own) == 2 else f" to {last}" if last else "")
        return ": ".join([*path, own_name])


def _plain(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(text)


def _plan(nodes: list[_Node], parts: list[_Node], budget: int, group_parts: bool) -> list[_Volume]:
    """Volumes of consecutive `nodes`, each within `budget` (see above)."""
    volumes: list[_Volume] = []
    group: list[_Node] = []

    def flush() -> None:
        if group:
            volumes.append(_Volume(parts, list(group)))
            group.clear()

    for node in nodes:
        fits = gzip_size(node.html) <= budget
        if node.is_part and not fits:
            flush()
            volumes.extend(_plan(node.children, [*parts, node], budget, group_parts=True))
        elif node.is_part and not group_parts:
            flush()
            volumes.append(_Volume(parts, [node]))
        elif group and fits and gzip_size("\n".join(n.html for n in [*group, node])) <= budget:
            group.append(node)
        else:
            flush()
            group.append(node)
    flush()
    return volumes


def _toc_items(toc: str) -> dict[str, str]:
    """The plugin's table of contents, as each entry's <li> by the id it links to."""
    items = {}
    for found in re.finditer(r'<li class="md-nav__item">\s*<a href="#([^"]+)"', toc):
        items.setdefault(found.group(1), toc[found.start() : _element_end(toc, found.start(), "li")])
    return items


def _toc_names(items: dict[str, str]) -> dict[str, str]:
    names = {}
    for key, item in items.items():
        found = re.search(r'<span class="md-ellipsis">(.*?)</span>', item, re.S)
        if found:
            names[key] = _text(found.group(1))
    return names


def _toc_of(volume: _Volume, items: dict[str, str], names: dict[str, str]) -> str:
    """The volume's own table of contents: the plugin's entries for its sections, inside
    entries for the parts of the nav it sits in."""
    import html as html_lib

    def item(node: _Node) -> str:
        if node.id in items:
            return items[node.id]
        return (
            f'<li class="md-nav__item"><a href="#{node.id}" class="md-nav__link">'
            f'<span class="md-ellipsis">{names.get(node.id, node.name)}</span></a></li>'
        )

    inner = "\n".join(item(n) for n in volume.nodes)
    for part in reversed(volume.parts):
        name = names.get(part.id, part.name)
        label = html_lib.escape(_plain(name), quote=True)
        inner = (
            f'<li class="md-nav__item"><a href="#{part.id}" class="md-nav__link">'
            f'<span class="md-ellipsis">{name}</span></a>'
            f'<nav class="md-nav" aria-label="{label}"><ul class="md-nav__list">{inner}</ul></nav></li>'
        )
    return f'<ul class="md-nav__list">{inner}</ul>'


def _deeper(html: str) -> str:
    """A page of print_page/ moved one folder down (print_page/<slug>/): relative addresses,
    Material's storage scope and settings base gain a "../"."""
    html = RELATIVE_URL.sub(lambda m: f"{m.group(1)}{m.group(2)}../{m.group(3)}{m.group(2)}", html)
    html = html.replace('__md_scope=new URL("..",location)', '__md_scope=new URL("../..",location)', 1)
    return html.replace('"base":".."', '"base":"../.."', 1)


def _numbering_for(head: str, ids: set[str]) -> str:
    """The plugin's numbering styles, only the rules for ids on this page (none if none)."""

    def keep(match: re.Match[str]) -> str:
        lines = match.group(0)[len("<style>") : -len("</style>")].split("\n")
        rules = [ln for ln in lines if "{" in ln and (m := re.search(r"#([^\s>{]+)", ln)) and m.group(1) in ids]
        return f"<style>{chr(10).join(rules)}</style>" if rules else ""

    return NUMBERING.sub(keep, head)


def _retitle(head: str, header: str, title: str) -> tuple[str, str]:
    import html as html_lib

    text = html_lib.escape(title, quote=False)
    head = re.sub(
        r"<title>.*?</title>", lambda _: f"<title>{text} - Outside the Office</title>", head, count=1, flags=re.S
    )
    header = header.replace(html_lib.escape(PRINT_INDEX_TITLE, quote=False), text, 1)
    return head, header


def _kib(size: int) -> str:
    return f"{max(1, round(size / 1000))} KB"


def split_volumes(html: str, budget: int = VOLUME_BUDGET) -> dict[str, str]:
    """The finished print page as its index and volumes: {"index.html": ..., "<slug>/index.html":
    ...}, paths inside print_page/. Pure: text in, texts out. A page without the plugin's
    markup comes back whole."""
    import html as html_lib

    div_at = html.find(PRINT_SITE_PAGE)
    if div_at < 0:
        return {"index.html": html}
    div_end = _element_end(html, div_at, "div")
    div_open = html[div_at : html.index(">", div_at) + 1]
    body_at = html.index("</head>")
    head, header, tail = html[:body_at], html[body_at:div_at], html[div_end - len("</div>") :]
    nodes = _parse(html, len(div_open) + div_at, div_end - len("</div>"))
    toc_node = next((n for n in nodes if not n.id and "print-page-toc" in n.html), None)
    nodes = [n for n in nodes if n is not toc_node]
    toc = toc_node.html if toc_node else ""
    items = _toc_items(toc)
    names = _toc_names(items)
    home = next((n for n in nodes if n.id == "index" and not n.is_part), None)
    rest = [n for n in nodes if n is not home]
    shell = head + header + toc + tail
    volumes = _plan(rest, [], max(1, budget - gzip_size(shell)), group_parts=False)
    taken: set[str] = set()
    for volume in volumes:
        first = volume.pages()[0].id if volume.pages() else volume.nodes[0].id
        slug = re.sub(r"[^a-z0-9-]+", "-", first.lower()).strip("-") or "part"
        base, n = slug, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        volume.slug = slug
        taken.add(slug)

    # Which file holds each id (the first, for the headings of nav parts shown in several).
    contents = {v.slug: v.content() for v in volumes}
    home_html = home.html if home else ""
    owner: dict[str, str] = {}
    for key, text in [("", home_html), *contents.items()]:
        for found in ANY_ID_QUOTED.finditer(text):
            owner.setdefault(found.group(2), key)

    def links(text: str, here: str, local: set[str]) -> str:
        up = "../" if here else ""

        def relink(m: re.Match[str]) -> str:
            target = m.group(3)
            if target == "print-site-page" and here:
                return f"{m.group(1)}{m.group(2)}../{m.group(2)}"
            if target in local or target not in owner:
                return m.group(0)
            where = owner[target]
            return f"{m.group(1)}{m.group(2)}{up}{where + '/' if where else ''}#{target}{m.group(2)}"

        return HREF_ANCHOR.sub(relink, text)

    def skip_to(text: str, target: str) -> str:
        return re.sub(r'<a href="#[^"]*" class="md-skip">', f'<a href="#{target}" class="md-skip">', text, count=1)

    def page_url(text: str, slug: str) -> str:
        return PAGE_URL.sub(lambda m: m.group(1) + slug + "/", text)

    toc_open = toc[: toc.index('<ul class="md-nav__list">')] if toc else ""
    toc_close = toc[_element_end(toc, len(toc_open), "ul") :] if toc else ""
    files: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for volume in volumes:
        content = contents[volume.slug]
        local = {i for _, i in ANY_ID_QUOTED.findall(content)}
        title = volume.title(names)
        v_head, v_header = _retitle(_numbering_for(head, local), header, title)
        own_toc = toc_open + _toc_of(volume, items, names) + toc_close if toc else ""
        # links() below makes this link, as any link to the print page itself, go to the index
        back = '<p class="ott-print-parts"><a href="#print-site-page">All parts of the handbook</a></p>'
        body = v_header + div_open + own_toc + back + content + tail
        first = volume.parts[0].id if volume.parts else volume.nodes[0].id
        # one folder deeper first, so the links to other volumes written next stay as written
        text = _deeper(page_url(v_head, volume.slug)) + links(
            _deeper(page_url(skip_to(body, first), volume.slug)), volume.slug, local
        )
        files[f"{volume.slug}/index.html"] = text
        sizes[volume.slug] = gzip_size(text)

    listing = []
    for volume in volumes:
        pages = "; ".join(names.get(p.id, p.name) for p in volume.pages())
        title = html_lib.escape(volume.title(names), quote=False)
        listing.append(
            f'<li><a href="{volume.slug}/">{title}</a> (about {_kib(sizes[volume.slug])} to download).'
            f" Pages: {pages}.</li>"
        )
    intro = (
        '<section class="print-page" id="print-parts">'
        f'<h1 id="print-parts-title">{html_lib.escape(PRINT_INDEX_TITLE, quote=False)}</h1>'
        "<p>The whole handbook is too long for one web page, so it prints in parts. Each part"
        " below is one page: open it, then use your browser's <strong>Print</strong> command, and"
        " choose <strong>Save as PDF</strong> if you want a file. Print only the parts you need,"
        " or every part in order for the whole handbook.</p>"
        f'<ol class="ott-print-parts">{"".join(listing)}</ol></section>'
    )
    local = {i for _, i in ANY_ID_QUOTED.findall(home_html)} | {"print-parts", "print-parts-title"}
    index_head = _numbering_for(head, local)
    body = header + div_open + intro + home_html + tail
    files["index.html"] = index_head + links(skip_to(body, "print-parts"), "", local)
    return {"index.html": files.pop("index.html"), **files}
