"""Which pages are translations: `clients/gifts.es.md` is the Spanish of `clients/gifts.md`,
built at es/clients/gifts/ (mkdocs-static-i18n, suffix structure; see mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from macros.models.translations import LANGUAGES


def language_of(path: Path | str) -> str:
    """'es' for a translated page's file name (gifts.es.md), else 'en'."""
    parts = Path(path).name.split(".")
    return parts[-2] if len(parts) == 3 and parts[-2] in LANGUAGES else "en"


def english_only(paths: list[Path]) -> list[Path]:
    return [p for p in paths if language_of(p) == "en"]


def address_of(source: str) -> str:
    """A docs-relative Markdown path as the address it is built at (use_directory_urls;
    a translation under its language's folder)."""
    language = language_of(source)
    rel = source.removesuffix(".md").removesuffix(f".{language}") if language != "en" else source.removesuffix(".md")
    address = "" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/"
    return address if language == "en" else f"{language}/{address}"
