"""The words the templates themselves write (headings, labels, links), in each language.

Templates call `t("What to do")`: the English is the key, as in gettext, so a template
reads naturally and a string with no translation shows in English. `language(code)`
sets the language of what is rendered inside it (the adapter sets it from the page's
language); tests/test_translations.py fails if a template's string has no Spanish.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGE: ContextVar[str] = ContextVar("language", default="en")

SPANISH = {
    # Decision trees (trees.html)
    "For": "Para",
    "Nothing you choose here leaves your browser.": "Nada de lo que elija aquí sale de su navegador.",
    "Question": "Pregunta",
    "Outcome": "Resultado",
    "What to do": "Qué hacer",
    "What to avoid": "Qué evitar",
    "What you might say": "Qué podría decir",
    "What to write down": "Qué anotar",
    "What to document": "Qué documentar",
    "Who can help": "Quién le puede ayudar",
    "When to consult": "Cuándo consultar",
    "What each code says": "Qué dice cada código",
    "Waiting period": "Tiempo de espera",
    "Compare the codes on": "Compare los códigos sobre",
    "Sources": "Fuentes",
    "Read more": "Lea más",
    "Start again": "Empezar de nuevo",
    "Where to go next": "Adónde ir después",
    "What this is based on": "En qué se basa esto",
    # Citations and resources (citations.html)
    "in English": "en inglés",
    "page in English": "página en inglés",
}

STRINGS = {"en": {}, "es": SPANISH}


def t(text: str) -> str:
    """`text` in the language being rendered (English when there is no translation)."""
    return STRINGS.get(LANGUAGE.get(), {}).get(text, text)


def current() -> str:
    return LANGUAGE.get()


@contextmanager
def language(code: str) -> Iterator[None]:
    """Render in `code` ('en', 'es') inside the block."""
    token = LANGUAGE.set(code if code in STRINGS else "en")
    try:
        yield
    finally:
        LANGUAGE.reset(token)
