"""Navigation by audience, and one name and one order for each tree everywhere.

The nav in mkdocs.yml has one tab per audience (Material's navigation.tabs); the decision
trees appear under the names and in the order their data gives (`short_title`, `order`): in
the nav, on the home page, on /decide/ and on the situations overview. The overview lists
every chapter, every clinicians' tree and every one-page summary, each tree with the chapters
that hold it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
import yaml

from macros import urls
from macros.validate import load_dataset
from tests.conftest import ROOT, copy_project, replace_in, run_build

DATA = load_dataset(ROOT / "data")
CLINICIANS = sorted((t for t in DATA.trees.values() if t.readers.value == "clinicians"), key=lambda t: t.order)
CLIENTS = sorted((t for t in DATA.trees.values() if t.readers.value == "clients"), key=lambda t: t.order)
CHAPTERS = sorted(p.stem for p in (ROOT / "docs" / "situations").glob("*.md") if p.stem != "index")
# The tabs: every top-level entry of the nav, in order, and which pages each must hold.
TABS = ["Home", "For clinicians", "The codes", "For clients", "For agencies", "About"]


def nav() -> list:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]


def entries(items: list) -> list[tuple[str | None, str]]:
    """(title, path) of each page in a nav list and its sections, in order (a page listed
    without a title has the title None)."""
    found: list[tuple[str | None, str]] = []
    for item in items:
        if isinstance(item, str):
            found.append((None, item))
            continue
        for title, value in item.items():
            found += [(title, value)] if isinstance(value, str) else entries(value)
    return found


def section(items: list, *titles: str) -> list:
    for title in titles:
        matches = [item[title] for item in items if isinstance(item, dict) and title in item]
        assert matches, f"mkdocs.yml: the nav has no section {title!r} (under {' > '.join(titles)})"
        items = matches[0]
    return items


def tree_path(tree) -> str:  # noqa: ANN001
    return urls.source_path(urls.tree(tree.id, tree.readers.value))


def resolve(page_address: str, href: str) -> str:
    """A link's site-relative address, from the address of the page it is on."""
    href = href.split("#")[0]
    joined = posixpath.normpath(posixpath.join(page_address or ".", href))
    return "" if joined == "." else joined.rstrip("/") + "/"


def test_the_top_level_of_the_nav_is_one_tab_per_audience() -> None:
    assert [next(iter(item)) for item in nav()] == TABS
    tabs = {
        title: [path for _, path in entries(value if isinstance(value, list) else [value])]
        for item in nav()
        for title, value in item.items()
    }
    assert all(p.startswith(("situations/", "decide/", "apply/")) for p in tabs["For clinicians"])
    assert all(p.startswith(("compare/", "codes/")) for p in tabs["The codes"])
    assert all(p.startswith("clients/") for p in tabs["For clients"])
    assert all(p.startswith("agencies/") for p in tabs["For agencies"])

    # A section that has an index page lists it first (the tab's link is its first page).
    def check(items: list, where: str) -> None:
        for item in items:
            for name, value in item.items() if isinstance(item, dict) else ():
                if isinstance(value, list):
                    paths = [path for _, path in entries(value)]
                    folder = paths[0].rsplit("/", 1)[0] if "/" in paths[0] else ""
                    if f"{folder}/index.md" in paths:
                        assert paths[0] == f"{folder}/index.md", f"{where}{name}: list {folder}/index.md first"
                    check(value, f"{where}{name} > ")

    check(nav(), "")


def test_the_nav_names_and_orders_the_trees_as_their_data_does() -> None:
    decide = entries(section(nav(), "For clinicians", "Decision trees"))
    assert decide[0] == ("All decision trees", "decide/index.md")
    # The hand-written page on the decision models sits right after the index (issue 13).
    assert decide[1] == ("How to weigh it: decision models", "decide/models.md")
    assert decide[2:] == [(t.short_title, tree_path(t)) for t in CLINICIANS]
    clients = [
        (title, path)
        for title, path in entries(section(nav(), "For clients"))
        if path in {tree_path(t) for t in CLIENTS}
    ]
    assert clients == [(t.short_title, tree_path(t)) for t in CLIENTS]


def test_situations_overview_is_the_first_page_of_the_clinicians_tab() -> None:
    situations = entries(section(nav(), "For clinicians", "Situations"))
    assert situations[0] == ("All situations", "situations/index.md")
    assert sorted(Path(p).stem for _, p in situations[1:]) == CHAPTERS


def _links(site_pages, address: str, selector: str) -> list[tuple[str, str]]:  # noqa: ANN001
    soup = site_pages[address]
    found = soup.select(selector)
    assert found, f"{address or 'home'}: nothing matches {selector}"
    return [(a.get_text(" ", strip=True), resolve(address, a["href"])) for a in found]


def test_home_decide_and_situations_list_the_trees_by_the_same_names_in_the_same_order(site_pages) -> None:  # noqa: ANN001
    expected = [(t.short_title, urls.tree(t.id, "clinicians")) for t in CLINICIANS]
    # The home page: one click to each tree.
    assert _links(site_pages, "", "article ul.ott-situations > li > a") == expected
    # /decide/
    assert _links(site_pages, "decide/", "article ul.ott-trees > li > a") == expected
    # The situations overview: each tree's card, in order, titled by its short title.
    cards = site_pages["situations/"].select("article .ott-situations-overview > ul > li")
    titles = [card.select_one(".ott-situation__title").get_text(strip=True) for card in cards]
    assert titles[: len(expected)] == [title for title, _ in expected]
    for card, (title, address) in zip(cards, expected, strict=False):
        targets = {resolve("situations/", a["href"]) for a in card.select("a")}
        assert address in targets, f"the overview's card {title!r} does not link its tree {address}"
    # The sidebar on a tree page (the built nav), in the same order and names.
    sidebar = _links(site_pages, "decide/", "nav.md-nav--primary a.md-nav__link[href]")
    in_nav = [(text, address) for text, address in sidebar if address in {a for _, a in expected}]
    assert in_nav == expected


def test_the_situations_overview_links_every_chapter_tree_and_summary(site_pages) -> None:  # noqa: ANN001
    overview = site_pages["situations/"].select("article .ott-situations-overview a[href]")
    targets = {resolve("situations/", a["href"]) for a in overview}
    missing = [urls.chapter(c) for c in CHAPTERS if urls.chapter(c) not in targets]
    missing += [urls.tree(t.id, "clinicians") for t in CLINICIANS if urls.tree(t.id, "clinicians") not in targets]
    missing += [urls.one_pager(s) for s in DATA.one_pagers if urls.one_pager(s) not in targets]
    assert missing == [], f"the situations overview does not link: {missing}"
    for target in targets:
        assert target in site_pages, f"the situations overview links {target}, which was not built"


def test_each_tree_on_the_overview_lists_the_chapters_that_hold_it(site_pages) -> None:  # noqa: ANN001
    """Read from the built chapters: a chapter that shows a tree is listed on that tree's card."""
    cards = {
        card["id"].removeprefix("situation-"): card
        for card in site_pages["situations/"].select("article .ott-situations-overview > ul > li")
    }
    for chapter in CHAPTERS:
        address = urls.chapter(chapter)
        for tree in site_pages[address].select("article .ott-tree[data-tree]"):
            tree_id = tree["data-tree"]
            card = cards.get(tree_id)
            assert card is not None, f"{address} shows the tree {tree_id}, which has no card on the overview"
            linked = {resolve("situations/", a["href"]) for a in card.select("a[href]")}
            assert address in linked, f"the overview's card for {tree_id} does not list {address}, which shows it"


def test_the_home_pages_situations_link_goes_to_the_overview(site_pages) -> None:  # noqa: ANN001
    home = site_pages[""].select_one("article")
    links = [resolve("", a["href"]) for a in home.find_all("a", string=lambda s: s and "situations" in s.lower())]
    assert links and set(links) == {"situations/"}, links


def test_home_cards_have_a_real_link_as_their_title(site_pages) -> None:  # noqa: ANN001
    cards = site_pages[""].select("article .ott-cards > ul > li")
    assert [card.h3.get_text(" ", strip=True).rstrip("¶").strip() for card in cards] == [
        "For clinicians",
        "For clients",
        "For agencies",
    ]
    for card in cards:
        link = card.h3.select_one("a.ott-card__link[href]")
        assert link is not None, f"the card {card.h3.get_text(strip=True)!r} has no title link"
        assert resolve("", link["href"]) in site_pages
        # Nothing interactive inside the title link (the card is clickable by CSS, not nesting).
        assert link.find(["a", "button", "input", "select", "textarea"]) is None


@pytest.fixture(scope="module")
def broken_overview(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The real project with one chapter left out of the overview's list, and a client page
    that does not exist."""
    project = copy_project(tmp_path_factory.mktemp("nav-project"))
    page = project / "docs" / "situations" / "index.md"
    replace_in(page, '  "online": "clients/friending-or-following-your-therapist.md",\n', "")
    replace_in(page, '"clients/coaches-and-therapists.md"', '"clients/no-such-page.md"')
    return run_build(project, tmp_path_factory.mktemp("nav-site"))


def test_an_overview_that_leaves_out_a_chapter_stops_the_build(broken_overview) -> None:  # noqa: ANN001
    assert broken_overview.returncode != 0
    message = broken_overview.stdout + broken_overview.stderr
    assert "docs/situations/index.md" in message
    assert "missing: online" in message


def test_an_overview_that_names_a_missing_client_page_stops_the_build(broken_overview) -> None:  # noqa: ANN001
    message = broken_overview.stdout + broken_overview.stderr
    assert "clients/no-such-page.md does not exist" in message
