"""Load all, check all, raise once: the one entry point to a checked dataset.

`validate(data_dir, pages)` returns a `Dataset` with no problem in it, or raises
`DataErrors` listing every problem found by the loader and every check. `pages`
is what MkDocs knows: docs-relative path -> Markdown source; the generated pages
are added here, so a check sees every page the site will have.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .checks import run_checks
from .dataset import Dataset
from .errors import DataError, DataErrors
from .generated import page_sources
from .loading import load


def validate(data_dir: Path | str, pages: Mapping[str, str] | None = None) -> Dataset:
    project_dir = Path(data_dir).parent
    dataset, errors = load(data_dir)
    known = dict(pages if pages is not None else read_pages(project_dir / "docs"))
    for path, source in page_sources(dataset, project_dir).items():
        if path in known:
            errors.append(
                DataError(
                    f"docs/{path}",
                    None,
                    "",
                    f"is made from data at build time: delete it (hand prose for it goes in includes/pages/{path})",
                )
            )
        known[path] = source
    errors += run_checks(dataset, known)
    if errors:
        raise DataErrors(errors)
    return dataset


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (for `make check` and tests, where MkDocs is not running)."""
    if not docs_dir.is_dir():
        return {}
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }


load_dataset = validate  # the name the scripts and tests have used
