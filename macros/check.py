"""`make check`: validate data/ without building the site.

Usage: python -m macros.check [DATA_DIR]
Prints every problem with file, line and key path, and exits 1 if there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataErrors
from .validate import validate


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else Path("data")
    try:
        dataset = validate(data_dir)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    provisions = sum(len(code.provisions) for code in dataset.codes.values())
    print(
        f"{data_dir}/ is fine: {len(dataset.codes)} codes, {provisions} provisions, "
        f"{len(dataset.topics)} topic{'' if len(dataset.topics) == 1 else 's'}, "
        f"{len(dataset.professions)} professions, {len(dataset.references)} references, "
        f"{len(dataset.trees)} decision trees."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
