"""Find references to other hosts in built HTML and CSS: the site must load nothing
from anywhere but itself (no web fonts, CDNs, analytics)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# rel values whose href the browser fetches on its own.
FETCHED_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "modulepreload",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "mask-icon",
}
SRC_ATTRS = ("src", "srcset", "data", "poster", "background")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
# `@import url(...)` is caught by CSS_URL; this catches the bare string form.
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.IGNORECASE)


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss", "ftp")


def _srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


def external_references_in_css(css: str) -> list[str]:
    found = CSS_URL.findall(css) + CSS_IMPORT.findall(css)
    return [url for url in found if is_external(url)]


def external_references_in_html(html: str) -> list[str]:
    return external_references_in_soup(BeautifulSoup(html, "html.parser"))


def external_references_in_soup(soup: BeautifulSoup) -> list[str]:
    found: list[str] = []
    for tag in soup.find_all(True):
        for attr in SRC_ATTRS:
            value = tag.get(attr)
            if not value:
                continue
            urls = _srcset_urls(value) if attr == "srcset" else [value]
            found += [url for url in urls if is_external(url)]
        if tag.name == "link":
            rels = {r.lower() for r in (tag.get("rel") or [])}
            href = tag.get("href", "")
            if rels & FETCHED_RELS and is_external(href):
                found.append(href)
        if tag.has_attr("style"):
            found += external_references_in_css(tag["style"])
        if tag.name == "style":
            found += external_references_in_css(tag.get_text())
    return found


def external_references_in_site(site: Path, pages: Mapping[str, BeautifulSoup] | None = None) -> dict[str, list[str]]:
    """Relative file name -> external references, for every HTML and CSS file. `pages`, the
    site's HTML already parsed (relative path -> soup, see tests/site_pages.py), saves parsing
    it again."""
    report: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            soup = pages[name] if pages is not None else BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            refs = external_references_in_soup(soup)
        elif path.suffix == ".css":
            refs = external_references_in_css(path.read_text(encoding="utf-8"))
        else:
            continue
        if refs:
            report[name] = refs
    return report
