"""The built site's HTML, read and parsed once per test run.

Parsing the ~100 pages (the print page alone is 2 MB) with BeautifulSoup takes about half
a second per pass; five tests that each walked every page spent most of their time
re-parsing the same files. `SitePages` parses a page on first use and keeps it: the
`site_pages` fixture in tests/conftest.py shares one per run. Tests read the soups; one
that needs to change a page works on a copy (`copy.copy(soup)`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from bs4 import BeautifulSoup


class SitePages(Mapping[str, BeautifulSoup]):
    """Every HTML file of a built site: relative path ('codes/aca/index.html', '404.html')
    -> its parsed page. An address works as a key too: 'codes/aca/' or '' for the home page."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        self._texts: dict[str, str] = {}
        self._soups: dict[str, BeautifulSoup] = {}

    @staticmethod
    def key(name: str) -> str:
        name = name.removeprefix("./")
        return name + "index.html" if name == "" or name.endswith("/") else name

    def text(self, name: str) -> str:
        """The page's HTML as written."""
        key = self.key(name)
        if key not in self._texts:
            self._texts[key] = (self.site / key).read_text(encoding="utf-8")
        return self._texts[key]

    def __getitem__(self, name: str) -> BeautifulSoup:
        key = self.key(name)
        if key not in self._soups:
            try:
                self._soups[key] = BeautifulSoup(self.text(key), "html.parser")
            except FileNotFoundError:
                raise KeyError(name) from None
        return self._soups[key]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (self.site / self.key(name)).is_file()

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def addresses(self) -> list[str]:
        """The address of every page written as a folder's index.html ('' is the home page)."""
        return [p.removesuffix("index.html") for p in self.paths if p == "index.html" or p.endswith("/index.html")]

    def print_volumes(self) -> list[str]:
        """The addresses of the whole-handbook print page's volumes (print_page/<slug>/,
        hooks/print_page.py), without its index (print_page/)."""
        return [a for a in self.addresses() if a.startswith("print_page/") and a != "print_page/"]
