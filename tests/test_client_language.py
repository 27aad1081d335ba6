"""Plain words on the built site: client pages carry no research vocabulary, chapters hedge
only where the uncertainty changes what a reader should do, and search results do not show
provenance notes as snippets.

Why: a hedge on every citation makes certainties sound unsure ("Sources a clinician can
trust"). A rule is stated plainly; a hedge stays only where not having read a rule's wording
should change what the reader does, once, in words the reader understands. The hedges kept are
listed below, page by page, each with the reason it stays, so a new hedge fails this test
until someone adds it here with its reason.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.validate import load_dataset

from .conftest import ROOT
from .languages import english_only

# --- what counts ----------------------------------------------------------------------

# Words a client should never meet: they belong to our method, not to the reader's question.
RESEARCH_WORDS = (
    "secondary source",
    "secondary sources",
    "unconfirmed",
    "confirmed",
    "status",
    "provision",
    "provisions",
    "as far as we know",
    "verbatim",
    "checked against",
    "study aid",
    "study aids",
)

# Phrases that hedge a statement about a rule or a source. Case-insensitive, whole words.
HEDGE_PHRASES = (
    "as far as we can confirm",
    "as far as we could confirm",
    "as far as we know",
    "as far as we can tell",
    "as far as",
    "we can confirm",
    "we could confirm",
    "could not confirm",
    "cannot confirm",
    "appears to",
    "appear to",
    "seems to",
    "seem to",
    "we believe",
    "is believed",
    "are believed",
    "is believed to",
    "are believed to",
    "believed to",
    "we have not confirmed",
    "reportedly",
    "secondary sources",
    "secondary source",
    "as reproduced in",
    "not confirmed",
    "not yet confirmed",
    "unconfirmed",
    "as we understand",
    "we could not",
    "we have not",
    "we haven't",
    "we did not",
    "may say",
    "likely",
    "to our knowledge",
    "apparently",
    "presumably",
    "from summaries",
    "only in summaries",
    "seen only",
    "known to us only",
    "only by its title",
    "not checked",
    "not verified",
    "verbatim",
)

# Generated blocks (tables, trees) and site-wide boilerplate: their words live in data/ or in
# the templates, not in the hand-written prose these tests hold to account.
GENERATED = (".ott-compare", ".ott-short", ".ott-tree", ".ott-questions")
BOILERPLATE = (".ott-reviewed", ".ott-disclaimer", ".headerlink", ".md-content__button", "script", "style")

# The hand-written pages (docs/, and the hand prose of a generated page in includes/pages/),
# by built address.
HAND_WRITTEN = {
    **{
        (f"situations/{p.stem}/" if p.stem != "index" else "situations/"): f"docs/situations/{p.name}"
        for p in english_only(sorted((ROOT / "docs/situations").glob("*.md")))
    },
    **{
        (f"clients/{p.stem}/" if p.stem != "index" else "clients/"): f"docs/clients/{p.name}"
        for p in english_only(sorted((ROOT / "docs/clients").glob("*.md")))
    },
    "": "docs/index.md",
    **{f"about/{p.stem}/": f"docs/about/{p.name}" for p in sorted((ROOT / "docs/about").glob("*.md"))},
    **{
        (f"agencies/{p.stem}/" if p.stem != "index" else "agencies/"): f"docs/agencies/{p.name}"
        for p in sorted((ROOT / "docs/agencies").glob("*.md"))
    },
    "decide/": "docs/decide/index.md",
    "apply/": "docs/apply/index.md",
    "codes/": "docs/codes/index.md",
    "compare/": "docs/compare/index.md",
    "compare/sexual-relationships-former-clients/": "includes/pages/compare/sexual-relationships-former-clients.md",
}

# Every hedge left on a hand-written page: (phrase, words from its sentence), and why it stays.
KEPT_HEDGES: dict[str, list[tuple[str, str]]] = {
    # Romance with a former client: the NASW, AAMFT, NAADAC and CAMFT wording, and APA 10.08(b),
    # are unread; a clinician weighing a relationship must read their own code before acting.
    "situations/former-clients/": [
        ("we have not", "official wording of the social work"),
        # Friendship or business: CAMFT 4.4 and ACA A.6.e (no waiting period) are unread.
        ("we have not", "CAMFT and ACA standards on friendship"),
    ],
    # The same unread former-client rules, where clinicians compare them before acting.
    "compare/sexual-relationships-former-clients/": [
        ("we have not", "official wording of the NASW"),
    ],
    # A coach deciding about testimonials needs to know our data holds no ICF standard on them.
    "situations/coaches-and-therapists/": [
        ("we have not", "ICF standard on testimonials"),
    ],
    # Addiction counselors: NAADAC's list of precautions, and anything on sponsorship, are unread.
    "situations/recovery-communities/": [
        ("we have not", "code's list of precautions"),
    ],
}


def _words(phrase: str) -> str:
    return r"\b" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b"


def find_phrases(text: str, phrases: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each phrase found in `text` (case-insensitive, whole words), with the sentence it is in,
    in reading order. A longer phrase wins over a shorter one at the same place."""
    pattern = re.compile("|".join(_words(p) for p in sorted(phrases, key=len, reverse=True)), re.IGNORECASE)
    found = []
    for match in pattern.finditer(text):
        start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        ends = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i != -1]
        sentence = text[start : min(ends) if ends else len(text)].strip()
        found.append((re.sub(r"\s+", " ", match.group(0)).lower(), sentence))
    return found


def reader_text(page: Path, drop_generated: bool) -> str:
    """What a reader reads in a built page's article, block by block, one per line, less the
    flags the resource() macro prints (held to account by the expected failure below)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.select_one("article")
    assert article is not None, f"{page} has no article"
    for selector in BOILERPLATE + (GENERATED if drop_generated else ()):
        for element in article.select(selector):
            element.decompose()
    text = "\n".join(
        re.sub(r"\s+", " ", block.get_text(" ", strip=True))
        for block in article.find_all(["p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th"])
        if not block.find(["p", "li"])
    )
    for flag in _resource_flags():
        text = text.replace(flag, "")
    return text


def client_pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "clients").rglob("index.html"))
    assert len(pages) > 10, f"the built site has only {pages} under clients/"
    return pages


# --- the finders can fail ---------------------------------------------------------------------


def test_the_hedge_finder_catches_hedges_and_only_those() -> None:
    text = (
        "As far as we can confirm, the code sets five years. The ACA code is believed to ask for it, "
        "but we have not confirmed its wording.\nThe NBCC code sets five years."
    )
    found = find_phrases(text, HEDGE_PHRASES)
    assert [phrase for phrase, _ in found] == ["as far as we can confirm", "is believed to", "we have not confirmed"]
    assert found[2][1] == "The ACA code is believed to ask for it, but we have not confirmed its wording."
    assert find_phrases("Every code forbids sex with a current client.", HEDGE_PHRASES) == []


def test_the_research_word_finder_reads_whole_words() -> None:
    assert find_phrases("This rule is unconfirmed.", RESEARCH_WORDS)[0][0] == "unconfirmed"
    assert find_phrases("A Status line", RESEARCH_WORDS)[0][0] == "status"
    assert find_phrases("Your therapist can confirm the time. A statue stands there.", RESEARCH_WORDS) == []


# --- client pages -------------------------------------------------------------------------------


def _resource_flags() -> tuple[str, ...]:
    """The flags the resource() macro prints after a board's or brochure's name, e.g.
    "(secondary source only)". Their wording lives in macros/render/views.py, not in the page:
    the test below that expects them to fail holds them to account."""
    from macros.models import Status
    from macros.render.views import STATUS_LABELS

    return tuple(f"({label.lower()})" for status, label in STATUS_LABELS.items() if status is not Status.confirmed)


def test_client_pages_use_no_research_words(built_site: Path) -> None:
    """Every client page, hand-written or generated (the clients' trees), as a reader reads it."""
    problems = {}
    for page in client_pages(built_site):
        found = find_phrases(reader_text(built_site / page, drop_generated=False), RESEARCH_WORDS)
        if found:
            problems[page] = found
    assert problems == {}, f"research vocabulary on client pages (say it in plain words, or leave it out): {problems}"


def test_client_pages_flags_and_tooltips_use_no_research_words(built_site: Path) -> None:
    problems = {}
    for page in client_pages(built_site):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        tooltips = " \n".join(a.get("title", "") for a in article.select("a[title]"))
        flags = [flag for flag in _resource_flags() if flag in article.get_text(" ")]
        found = find_phrases(tooltips, RESEARCH_WORDS) + [(flag, "resource flag") for flag in flags]
        if found:
            problems[page] = sorted({phrase for phrase, _ in found})
    assert problems == {}, f"research words in client pages' tooltips and flags: {problems}"


# --- chapters -----------------------------------------------------------------------------------


def test_every_hand_written_page_is_measured(built_site: Path) -> None:
    for address, source in HAND_WRITTEN.items():
        assert (ROOT / source).is_file(), f"{source} is gone: update HAND_WRITTEN"
        assert (built_site / address / "index.html").is_file(), f"{source} did not build to {address or '/'}"
    assert set(KEPT_HEDGES) <= set(HAND_WRITTEN), (
        f"kept hedges for unknown pages: {set(KEPT_HEDGES) - set(HAND_WRITTEN)}"
    )


def test_chapters_hedge_only_where_we_kept_a_hedge(built_site: Path) -> None:
    """The hedges on each hand-written page are exactly those in KEPT_HEDGES. A new one fails
    until it is listed there with its reason: keep a hedge only where the uncertainty changes
    what the reader should do, and say it once, plainly."""
    unexpected = {}
    for address in HAND_WRITTEN:
        found = find_phrases(reader_text(built_site / address / "index.html", drop_generated=True), HEDGE_PHRASES)
        kept = KEPT_HEDGES.get(address, [])
        matches = len(found) == len(kept) and all(
            phrase == kept_phrase and fragment.lower() in sentence.lower()
            for (phrase, sentence), (kept_phrase, fragment) in zip(found, kept, strict=True)
        )
        if not matches:
            unexpected[address or "/"] = {"found": found, "kept": kept}
    assert unexpected == {}, f"hedges that are not the ones we kept (justify them in KEPT_HEDGES): {unexpected}"
    total = sum(len(v) for v in KEPT_HEDGES.values())
    assert total <= 6, f"{total} hedges kept in all; the agreed ceiling is 6"


def test_client_pages_hedge_nothing(built_site: Path) -> None:
    assert not [a for a in KEPT_HEDGES if a.startswith("clients/")], "a client page never hedges"


# --- search -------------------------------------------------------------------------------------


def _provenance_notes() -> list[str]:
    dataset = load_dataset(ROOT / "data")
    notes = {
        re.sub(r"\s+", " ", p.status_note).strip()[:60]
        for code in dataset.codes.values()
        for p in code.provisions
        if p.status_note
    }
    return [
        "Checked against",
        "Not confirmed, not a statement of the rule",
        "Seen only in a secondary source",
        *sorted(n for n in notes if len(n) >= 30),
    ]


def test_search_results_show_no_provenance_notes(built_site: Path) -> None:
    # The text the site search (Pagefind, hooks/search.py) indexed for each page.
    from hooks.search import indexed_texts

    texts = indexed_texts(built_site / "pagefind")
    assert texts, "the site search indexed no page"
    notes = _provenance_notes()
    problems = {}
    for location, content in texts.items():
        text = html.unescape(re.sub(r"\s+", " ", content))
        found = [note for note in notes if note in text]
        if found:
            problems[location] = found[:2]
    assert problems == {}, f"{len(problems)} search entries carry provenance notes: {sorted(problems)}"
