"""Checks across fields and files. Each takes the dataset and the pages MkDocs knows
(docs-relative path -> Markdown source) and returns `DataError`s; none raises, so one
run reports every problem. `macros.validate` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..dataset import Dataset
from ..errors import DataError

Pages = Mapping[str, str]
Check = Callable[[Dataset, Pages], list[DataError]]


def all_checks() -> list[Check]:
    """Every check, in the order their messages read best."""
    from .audiences import check_audiences
    from .codes import check_codes_and_topics
    from .credentials import check_combinations
    from .dates import check_dates
    from .pages import check_page_sources
    from .professions import check_jurisdictions, check_professions
    from .sources import check_sources
    from .translations import check_translations
    from .trees import check_trees

    def page_sources(dataset: Dataset, pages: Pages) -> list[DataError]:
        return check_page_sources(pages)

    return [
        check_codes_and_topics,
        check_jurisdictions,
        check_professions,
        check_combinations,
        check_trees,
        check_translations,
        check_audiences,
        check_dates,
        check_sources,
        page_sources,
    ]


def run_checks(dataset: Dataset, pages: Pages) -> list[DataError]:
    errors: list[DataError] = []
    for check in all_checks():
        errors += check(dataset, pages)
    return errors
