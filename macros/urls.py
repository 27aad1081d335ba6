"""Every address the handbook makes for its own pages, in one place.

Addresses are site-relative and end in a slash, like 'compare/gifts/'; the adapter
turns them into links relative to the page being rendered. `source_path` gives the
docs-relative Markdown path a generated page is registered under.
"""

from __future__ import annotations


def topic(topic_id: str) -> str:
    return f"compare/{topic_id}/"


def code(code_id: str) -> str:
    return f"codes/{code_id}/"


def rules(profession_id: str, jurisdiction_id: str) -> str:
    return f"apply/{profession_id}-{jurisdiction_id}/"


def tree(tree_id: str, readers: str) -> str:
    """Clinicians' trees live under decide/, the clients' trees under clients/."""
    folder = "clients" if readers == "clients" else "decide"
    return f"{folder}/{tree_id}/"


def one_pager(summary_id: str) -> str:
    return f"agencies/one-pagers/{summary_id}/"


def templates(profession_id: str) -> str:
    return f"agencies/templates/{profession_id}/"


def chapter(chapter_id: str) -> str:
    return f"situations/{chapter_id}/"


def page(path: str) -> str:
    """A docs-relative Markdown path as an address: situations/x.md -> situations/x/,
    index.md files -> their folder."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def source_path(url: str) -> str:
    """The Markdown path a generated page has: compare/gifts/ -> compare/gifts.md."""
    return url.rstrip("/") + ".md"


def my_licences() -> str:
    """The chooser: tick every licence, certification and membership that binds you."""
    return "apply/my-licences/"


def combination(combination_id: str) -> str:
    """A static page for a common combination of credentials (data/combinations.yaml)."""
    return f"apply/combinations/{combination_id}/"
