"""MkDocs hook: load and check the data, and add the pages made from it.

- `on_files`: read `data/`, run every check against the pages MkDocs found (plus the
  generated ones), and stop the build with the full list of problems if there is any.
  Otherwise add one generated page per topic, code, tree, rules page, one-pager and
  profession's templates (`macros.generated`), so no generated file is ever committed.
  A generated page's "edit" link opens the data file it comes from.
- `on_env`: after every page is rendered and before any is written, stop the build if a
  macro was called wrongly on a page, naming each page and line.

The nav in mkdocs.yml stays explicit; a generated page it does not list (say, for a
new state) is still built, reached from its index page, and kept out of the nav warning.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:  # MkDocs loads hooks by path; the macros package sits beside them
    sys.path.insert(0, str(_ROOT))

from macros import state_for, use_dataset  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.generated import generated_pages, page_sources, translated_pages  # noqa: E402
from macros.validate import validate  # noqa: E402


class _InstantNavigationNote(logging.Filter):
    """mkdocs-static-i18n warns that its page-by-page language link does not follow
    Material's instant navigation (the header is not redrawn). Material's own script covers
    that case: a click on the language switch looks the same page up in the other
    language's sitemap.xml and goes there (tests/browser/test_spanish.py checks both ways),
    so the warning would only stop the strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


for _name in ("mkdocs.plugins.mkdocs_static_i18n.reconfigure", "mkdocs.plugins.mkdocs_static_i18n.plugin"):
    logging.getLogger(_name).addFilter(_InstantNavigationNote())


def languages(config) -> tuple[str, str]:  # noqa: ANN001
    """(the language being built, the default language): mkdocs-static-i18n builds the
    English site, then again for each other language (only its translated pages)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language is None:
        return "en", "en"
    return i18n.current_language, i18n.default_language


def translated_sources(docs_dir: Path, default: str) -> dict[str, str]:
    """The translated pages on disk (`clients/gifts.es.md`), so the page checks read them
    too: the default-language build does not see them."""
    out = {}
    for path in sorted(docs_dir.rglob("*.md")):
        suffixes = path.suffixes
        if len(suffixes) >= 2 and suffixes[-2] != f".{default}" and len(suffixes[-2]) == 3:
            out[path.relative_to(docs_dir).as_posix()] = path.read_text(encoding="utf-8")
    return out


def _nav_paths(nav: object) -> set[str]:
    """Every Markdown path the configured nav names."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


# After mkdocs-static-i18n (-100), which rebuilds the file list for the language being
# built and cannot take files that exist only in memory.
@event_priority(-110)
def on_files(files, config):  # noqa: ANN001, ANN201
    project = Path(config.config_file_path).parent
    language, default = languages(config)
    if language != default:
        # The data was loaded and checked in the default-language build; add the pages
        # made from its translations, under the language's folder (es/...).
        dataset = state_for(config.config_file_path).dataset
        for page in translated_pages(dataset, language):
            file = File.generated(config, page.path, content=page.markdown())
            english = page.path.removesuffix(f".{language}.md") + ".md"
            file.dest_uri = f"{language}/" + english.removesuffix(".md") + "/index.html"
            file.edit_uri = "../" + page.data_file
            _mark_translation(file, language, english, default)
            files.append(file)
        _list_in_sitemap(config, files, language)
        return files
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    pages.update(translated_sources(Path(config.docs_dir), default))
    try:
        dataset = validate(project / "data", pages)
    except DataErrors as exc:
        raise PluginError(exc.report("; no page was built")) from None
    use_dataset(config.config_file_path, dataset)

    sources = page_sources(dataset, project)
    generated = generated_pages(dataset)
    in_nav = _nav_paths(config.nav)
    translated = {
        lang: {p.path.removesuffix(f".{lang}.md") + ".md" for p in translated_pages(dataset, lang)}
        for lang in {lang for lang, _ in dataset.tree_translations}
    }
    for page in generated:
        file = File.generated(config, page.path, content=sources[page.path])
        # The edit button opens the data file (edit_uri is relative to docs/).
        file.edit_uri = "../" + page.data_file
        if config.nav is not None and page.path not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        _mark_translation(file, default, page.path, default)
        for lang, paths in translated.items():
            if page.path in paths:
                _mark_translation(file, default, page.path, default, other=lang)
        files.append(file)
    _list_in_sitemap(config, files, language)
    return files


def _list_in_sitemap(config, files, language: str) -> None:  # noqa: ANN001
    """mkdocs-static-i18n writes sitemap.xml from the files it saw in its own on_files, before
    this hook added the pages made from data; Material's instant navigation only swaps in
    pages the sitemap lists (others load anew), so list them too."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.i18n_files_per_language[language] = files.documentation_pages()


class _Alternate:
    """The other-language version of a generated page, as mkdocs-static-i18n describes a
    file's alternates (the templates read only its address)."""

    page = None  # its sitemap entry uses the address

    def __init__(self, url: str) -> None:
        self.url = url


def _mark_translation(file: File, language: str, english: str, default: str, other: str | None = None) -> None:
    """Give a generated page the attributes mkdocs-static-i18n gives its files (its sitemap
    reads them), so overrides/main.html links a translated one to its other language: `file`
    is in `language`; `english` is the English page's docs path; `other`, on an English page
    that has a translation, the translation's language."""
    english_url = english.removesuffix(".md") + "/"
    if language == default and other is None:  # in one language only
        file.alternates = {default: file}
    elif language == default:
        file.alternates = {default: file, other: _Alternate(f"{other}/{english_url}")}
    else:
        file.alternates = {default: _Alternate(english_url), language: file}
    file.locale = language
    file.locale_alternate_of = language
    file.localization = None if language == default else language
    file.norm_src_uri = english


def on_env(env, config, files):  # noqa: ANN001, ANN201
    errors = state_for(config.config_file_path).page_errors
    if errors:
        raise PluginError(DataErrors(errors).report(": a page calls a macro wrongly, so no page was written"))
    return env
