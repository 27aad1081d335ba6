"""Reading level of built pages: Flesch-Kincaid grade of what a reader reads.

Usage: .venv/bin/python scripts/readability.py [SITE_DIR] [PREFIX]
  SITE_DIR defaults to site/, PREFIX to clients/ (the client section).
Prints one line per page: grade, words, sentences, address. With PREFIX es/clients/ it
measures the Spanish client pages with Szigriszt-Pazos (INFLESZ) and Fernández-Huerta.

What is measured: the text of the page's article, block by block (paragraphs,
list items, headings, table cells, quotes). A block with no closing punctuation
(a heading, a short list item) counts as its own sentence, as a reader takes it.
Left out: the site-wide boilerplate every page shares (the "last reviewed" line,
the disclaimer) and the heading permalinks. The grade uses textstat 0.7.8, which
counts syllables with the bundled CMU pronouncing dictionary and works offline.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption", "summary", "figcaption")
BOILERPLATE = (".headerlink", ".ott-reviewed", ".ott-disclaimer", ".md-source-file", "script", "style")
GRADE_LIMIT = 8.0


def page_text(html: str) -> str:
    """The readable text of a built page's article, one sentence-ended block per line."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.select_one("article")
    if article is None:
        return ""
    for selector in BOILERPLATE:
        for element in article.select(selector):
            element.decompose()
    lines = []
    for block in article.find_all(BLOCKS):
        if block.find(BLOCKS):
            # Text directly inside a block that also holds blocks (an <li> with a <p>): keep
            # only its own strings, the nested blocks come on their own.
            own = " ".join(s.strip() for s in block.find_all(string=True, recursive=False) if s.strip())
        else:
            own = block.get_text(" ", strip=True)
        own = re.sub(r"\s+", " ", own).strip()
        if not own:
            continue
        if not re.search(r"[.!?:;)\"”’]$", own):
            own += "."
        lines.append(own)
    return "\n".join(lines)


def grade(text: str) -> float:
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


# Spanish pages (es/): Szigriszt-Pazos' INFLESZ scale, where 65-80 is "bastante fácil"
# (fairly easy) and above 80 "muy fácil"; textstat counts Spanish syllables with Pyphen's
# bundled hyphenation dictionary, offline. Its own instance, so the English one keeps English.
INFLESZ_LIMIT = 65.0


def inflesz(text: str) -> float:
    from textstat.textstat import textstatistics

    spanish = textstatistics()
    spanish.set_lang("es")
    return float(spanish.szigriszt_pazos(text))


def fernandez_huerta(text: str) -> float:
    from textstat.textstat import textstatistics

    spanish = textstatistics()
    spanish.set_lang("es")
    return float(spanish.fernandez_huerta(text))


def counts(text: str) -> tuple[int, int]:
    import textstat

    return textstat.lexicon_count(text), textstat.sentence_count(text)


def client_pages(site: Path, prefix: str = "clients/") -> list[Path]:
    return sorted((site / prefix).rglob("index.html"))


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    prefix = sys.argv[2] if len(sys.argv) > 2 else "clients/"
    if prefix.startswith("es/"):
        return main_spanish(site, prefix)
    worst = 0.0
    for path in client_pages(site, prefix):
        text = page_text(path.read_text(encoding="utf-8"))
        value = grade(text)
        words, sentences = counts(text)
        worst = max(worst, value)
        flag = "" if value <= GRADE_LIMIT else "  <-- above grade 8"
        print(
            f"{value:5.1f}  {words:5d} words  {sentences:4d} sentences  {path.parent.relative_to(site).as_posix()}/{flag}"
        )
    return 0 if worst <= GRADE_LIMIT else 1


def main_spanish(site: Path, prefix: str) -> int:
    worst = 100.0
    for path in client_pages(site, prefix):
        text = page_text(path.read_text(encoding="utf-8"))
        value, huerta = inflesz(text), fernandez_huerta(text)
        worst = min(worst, value)
        flag = "" if value >= INFLESZ_LIMIT else "  <-- below bastante fácil"
        print(
            f"{value:5.1f} INFLESZ  {huerta:5.1f} Fernández-Huerta  {path.parent.relative_to(site).as_posix()}/{flag}"
        )
    return 0 if worst >= INFLESZ_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
