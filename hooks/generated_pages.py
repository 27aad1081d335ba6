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

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:  # MkDocs loads hooks by path; the macros package sits beside them
    sys.path.insert(0, str(_ROOT))

from macros import state_for, use_dataset  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.generated import generated_pages, page_sources  # noqa: E402
from macros.validate import validate  # noqa: E402


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


def on_files(files, config):  # noqa: ANN001, ANN201
    project = Path(config.config_file_path).parent
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    try:
        dataset = validate(project / "data", pages)
    except DataErrors as exc:
        raise PluginError(exc.report("; no page was built")) from None
    use_dataset(config.config_file_path, dataset)

    sources = page_sources(dataset, project)
    generated = generated_pages(dataset)
    in_nav = _nav_paths(config.nav)
    for page in generated:
        file = File.generated(config, page.path, content=sources[page.path])
        # The edit button opens the data file (edit_uri is relative to docs/).
        file.edit_uri = "../" + page.data_file
        if config.nav is not None and page.path not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


def on_env(env, config, files):  # noqa: ANN001, ANN201
    errors = state_for(config.config_file_path).page_errors
    if errors:
        raise PluginError(DataErrors(errors).report(": a page calls a macro wrongly, so no page was written"))
    return env
