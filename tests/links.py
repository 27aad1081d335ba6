"""Check every internal link and anchor in the built site; list external links."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
            tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return cache[path]


def check_links(site: Path, base_path: str = "/") -> tuple[list[str], set[str]]:
    """(broken internal links as sentences, external URLs) for every page in `site`.

    `base_path` is where the site is published (the path of site_url, like /handbook/):
    absolute links such as those on the 404 page start with it."""
    broken: list[str] = []
    external: set[str] = set()
    cache: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                external.add(href)
                continue
            if parts.scheme in ("mailto", "tel", "javascript", "data") or href.startswith("//"):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    broken.append(f"{page.relative_to(site).as_posix()}: {href} is outside the site")
                    continue
                target = (site / unquote(parts.path[len(base_path):])).resolve()
            else:
                target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = page.relative_to(site).as_posix()
            if not target.exists():
                broken.append(f"{where}: {href} leads to a missing file")
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html" and anchor not in _ids(target, cache):
                # Stepper fragments (#tree/0/1) are state, not anchors.
                if "/" in anchor:
                    continue
                broken.append(f"{where}: {href} has no element with id {anchor!r}")
    return broken, external
