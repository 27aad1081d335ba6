"""Site search: a Pagefind index of the built site, searched from Material's own search box.

Why Pagefind and not Material's lunr search: `make bench-search` (scripts/search_bench.py)
runs every query of tests/search_queries.yaml through Material as shipped, Material tuned and
Pagefind on one build; README ("Search") gives the figures and the decision.

What this hook does:
- on_post_page: marks the page's article `data-pagefind-body`, so Pagefind indexes the
  article only (not the navigation, header or footer), and only pages that have one: the
  whole-handbook print page and the 404 page are left out. Anything marked
  `data-search-exclude` (checking notes, statuses) and the heading permalinks are left out
  too (EXCLUDE below).
- on_post_build: runs Pagefind (the `pagefind[bin]` wheel's binary, pinned in
  requirements.txt) over site_dir, writing site/pagefind/, and deletes the UI bundles Pagefind
  also writes, which the site does not use. It then replaces Material's lunr index
  (search/search_index.json, 1.2 MB) by a stub holding only its config, so Material's bundle,
  which asks for that file on every page load, gets a few bytes; docs/assets/javascripts/
  search.js loads Pagefind only when the reader focuses or hovers the search box.
  OTT_SEARCH_KEEP_LUNR=1 keeps the full lunr index (the bench compares both engines on one
  build).

Languages (issue 17): Pagefind indexes each page in the language of its `<html lang>` (English,
and Spanish for the client pages under es/) and searches only the index of the page the reader
is on, with that language's stemming; so a search on a Spanish page finds Spanish pages, and on
an English page English ones. ott-words.json (English) and ott-words.es.json hold each
language's words and stop words for search.js.

STOP_WORDS (STOP_WORDS_ES on Spanish pages) are dropped from a query before it is searched
(search.js reads them from the words file); the bench uses the English list for the tuned
Material engine.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mkdocs.plugins import event_priority

# lunr's English stop words (Material's index already drops them from the documents) and the
# words of a question that never pick out a page ("can I", "is it ok to", "how do I"), and the
# pieces an apostrophe leaves ("client's" is typed as "client" and "s", which matched only
# initials such as "K. S." in reference lists).
STOP_WORDS = frozenset(
    """a able about across after all almost also am among an and any are as at be because been
    but by can cannot could dear did do does either else ever every for from get got had has
    have he her hers him his how however i if in into is it its just least let like likely may
    me might most must my neither no nor not of off often on only or other our own rather said
    say says she should since so some than that the their them then there these they this tis
    to too twas us wants was we were what when where which while who whom why will with would
    yet you your ok okay vs versus im i'm s t d ll re ve m""".split()
)
# The same for Spanish: articles, prepositions, pronouns and the words of a question ("¿está
# bien que mi terapeuta...?", "qué hago si..."), with and without accents, as people type them.
STOP_WORDS_ES = frozenset(
    """a al algo algun alguna algunas alguno algunos ante antes aqui aquí asi así aun aún cada
    como cómo con contra cual cuál cuales cuáles cuando cuándo de del desde donde dónde dos el
    él ella ellas ellos en entre era es esa esas ese eso esos esta está estaba estan están
    estar este esto estos estoy fue ha hace hacer hago han has hay he la las le les lo los
    mas más me mi mí mis mucho muy nada ni no nos o otra otro para pero poco por porque puede
    puedo que qué quien quién se sea ser si sí sin sobre son su sus también tan te tengo ti
    tiene tu tú tus u un una uno unos unas usted ustedes y ya yo bien ok vs""".split()
)
STOP_WORDS_BY_LANGUAGE = {"en": STOP_WORDS, "es": STOP_WORDS_ES}
DEFAULT_LANGUAGE = "en"
LANG = re.compile(r'<html lang="([a-z]{2})')

# Left out of the index: notes on how a rule was checked (see macros/render/templates),
# heading permalinks (their text is a pilcrow) and the page-end boilerplate.
EXCLUDE = (
    "[data-search-exclude]",
    ".headerlink",
    ".md-content__button",
    ".ott-disclaimer",
    ".ott-reviewed",
    ".ott-print-address",
    ".md-source-file",
)
# Pages never in search (issue 16: keep the print page out of the way of reading).
NOT_INDEXED = ("print_page/", "404.html")
WORD = re.compile(r"[^\W_]+")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",  # every indexed page names its language (<html lang>)
)


def on_post_page(output: str, page, config, **kwargs) -> str:  # noqa: ANN001, ANN003, ARG001
    url = page.url or ""
    if any(url.startswith(skip) or url == skip for skip in NOT_INDEXED) or page.file.src_uri == "404.md":
        return output
    # A page's `search: boost:` (front matter, or search_boost in data for generated pages)
    # ranked it higher in Material's search; Pagefind weighs the words of the element instead.
    boost = ((page.meta or {}).get("search") or {}).get("boost")
    weight = f' data-pagefind-weight="{min(float(boost), 10.0):g}"' if boost else ""
    return ARTICLE.sub(rf"\g<0> data-pagefind-body{weight}", output, count=1)


def index_site(site: Path) -> None:
    """Write site/pagefind/ from the built pages; stop the build with Pagefind's message if it fails."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--exclude-selectors",
        ", ".join(EXCLUDE),
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode or not (site / "pagefind" / "pagefind.js").is_file():
        raise RuntimeError(f"Pagefind could not index {site}:\n{result.stdout}{result.stderr}")
    for name in UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)
    write_words(site / "pagefind")


def indexed_texts(bundle: Path) -> dict[str, str]:
    """Address -> the text Pagefind indexed for it (its fragments: gzip, then a signature)."""
    texts = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        texts[fragment["url"]] = fragment["content"]
    return texts


def page_language(site: Path, url: str) -> str:
    """The `<html lang>` of the built page at `url` (a site-absolute address), as Pagefind read it."""
    path = site / url.strip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
    match = LANG.search(path.read_text(encoding="utf-8")[:400]) if path.is_file() else None
    return match.group(1) if match else DEFAULT_LANGUAGE


def words_file(bundle: Path, language: str) -> Path:
    """ott-words.json for the default language, ott-words.<language>.json for the others."""
    return bundle / ("ott-words.json" if language == DEFAULT_LANGUAGE else f"ott-words.{language}.json")


def write_words(bundle: Path) -> None:
    """pagefind/ott-words.json (and ott-words.es.json): every word of one language's indexed
    text with how often it occurs, and that language's stop words. search.js corrects a typed
    word the site does not contain to the nearest one it does (Pagefind has no typo
    tolerance), and drops the stop words."""
    counts: dict[str, Counter[str]] = {}
    for url, text in indexed_texts(bundle).items():
        language = page_language(bundle.parent, url)
        counts.setdefault(language, Counter()).update(WORD.findall(text.lower()))
    for language, counted in counts.items():
        words = sorted(w for w, n in counted.items() if len(w) >= 2 and not w.isdigit())
        stop = STOP_WORDS_BY_LANGUAGE.get(language, frozenset())
        data = {"words": words, "counts": [counted[w] for w in words], "stop": sorted(stop)}
        words_file(bundle, language).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


# After mkdocs-static-i18n's post_build (priority -100): that one builds the Spanish pages, in
# a build of their own that runs this hook too, and then rewrites Material's lunr index.
@event_priority(-110)
def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    # Index once, when every language is built: not inside i18n's build of the Spanish pages.
    i18n = config["plugins"].get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site = Path(config["site_dir"])
    index_site(site)
    # Nothing asks for Material's lunr index any more (overrides/partials/search.html):
    # do not publish 1.2 MB no one reads.
    if os.environ.get("OTT_SEARCH_KEEP_LUNR") != "1":
        shutil.rmtree(site / "search", ignore_errors=True)


def mark_built_site(site: Path) -> None:
    """What on_post_page does, on the files of a site built without this hook."""
    for path in site.rglob("*.html"):
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        if path.name == "404.html" or url.startswith(NOT_INDEXED):
            continue
        text = path.read_text(encoding="utf-8")
        if "data-pagefind-body" not in text:
            path.write_text(ARTICLE.sub(r"\g<0> data-pagefind-body", text, count=1), encoding="utf-8")


if __name__ == "__main__":  # python -m hooks.search SITE_DIR: index a site built without this hook
    mark_built_site(Path(sys.argv[1]))
    index_site(Path(sys.argv[1]))
