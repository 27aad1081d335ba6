"""Check every internal link and anchor in the built site; list external links."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from .site_pages import SitePages


def _ids(soup: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)} | {
        tag["name"] for tag in soup.find_all("a", attrs={"name": True})
    }


def check_links(
    site: Path, base_path: str = "/", pages: Mapping[str, BeautifulSoup] | None = None
) -> tuple[list[str], set[str]]:
    """(broken internal links as sentences, external URLs) for every page in `site`.

    `base_path` is where the site is published (the path of site_url, like /handbook/):
    absolute links such as those on the 404 page start with it. `pages` is the site's HTML
    already parsed (tests/site_pages.py); each page is parsed once either way."""
    pages = pages if pages is not None else SitePages(site)
    root = site.resolve()
    broken: list[str] = []
    external: set[str] = set()
    ids: dict[str, set[str]] = {}
    for where in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        page = site / where
        for tag in pages[where].find_all(["a", "link"], href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                external.add(href)
                continue
            if parts.scheme in ("mailto", "tel", "javascript", "data") or href.startswith("//"):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    broken.append(f"{where}: {href} is outside the site")
                    continue
                target = (site / unquote(parts.path[len(base_path) :])).resolve()
            else:
                target = page.resolve() if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root):
                broken.append(f"{where}: {href} is outside the site")
                continue
            if not target.exists():
                broken.append(f"{where}: {href} leads to a missing file")
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html":
                key = target.relative_to(root).as_posix()
                if key not in ids:
                    ids[key] = _ids(pages[key])
                # Stepper fragments (#tree/0/1) are state, not anchors.
                if anchor not in ids[key] and "/" not in anchor:
                    broken.append(f"{where}: {href} has no element with id {anchor!r}")
    return broken, external
