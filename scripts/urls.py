"""Write urls.txt: every published address of the built site, one per line.

Usage: .venv/bin/python scripts/urls.py SITE_DIR > urls.txt (make urls does this).
Agencies link these pages from training material, so an address may only disappear with a
redirect (mkdocs-redirects, `redirect_maps` in mkdocs.yml); tests/test_urls.py enforces it.

The print page's volumes (print_page/<slug>/, hooks/print_page.py) are not listed: they are
cut from the nav by weight, so they may be regrouped, and renamed, as the handbook grows. Their
list, print_page/, is the stable address, and docs/agencies/print.md asks agencies to link it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def published_urls(site: Path) -> list[str]:
    urls = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if rel.startswith("print_page/"):
            continue  # a volume of the print page (see above)
        urls.append("" if rel == "." else rel + "/")
    return sorted(urls)


if __name__ == "__main__":
    for url in published_urls(Path(sys.argv[1])):
        print(url or "/")
