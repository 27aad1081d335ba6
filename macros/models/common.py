"""Building blocks shared by every data model: the base model, text and id types.

Nothing in `macros.models` imports anything else from the project: the models are
the bottom layer (see CONTRIBUTING.md, "How the code is laid out").
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    PlainValidator,
    StrictStr,
    WithJsonSchema,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Markup and template syntax never belong in data: pages add the formatting,
# and text that looks like Jinja must never be evaluated.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*/?\s*[a-zA-Z]")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
MAX_QUOTE_WORDS = 20

# Control characters have no Unicode name; these are the ones whitespace collapsing
# leaves (tab, newline and the rest become spaces), named as Unicode's aliases name them.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x01: "START OF HEADING",
    0x02: "START OF TEXT",
    0x03: "END OF TEXT",
    0x04: "END OF TRANSMISSION",
    0x05: "ENQUIRY",
    0x06: "ACKNOWLEDGE",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0E: "SHIFT OUT",
    0x0F: "SHIFT IN",
    0x10: "DATA LINK ESCAPE",
    0x11: "DEVICE CONTROL ONE",
    0x12: "DEVICE CONTROL TWO",
    0x13: "DEVICE CONTROL THREE",
    0x14: "DEVICE CONTROL FOUR",
    0x15: "NEGATIVE ACKNOWLEDGE",
    0x16: "SYNCHRONOUS IDLE",
    0x17: "END OF TRANSMISSION BLOCK",
    0x18: "CANCEL",
    0x19: "END OF MEDIUM",
    0x1A: "SUBSTITUTE",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}
# Letters that render as blank space though Unicode does not class them as format
# characters: a favourite way to make two ids or names look the same.
_BLANK_LETTERS = {"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}


def describe_character(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': the code point and its Unicode name, for messages."""
    point = ord(char)
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(point) or "CONTROL CHARACTER"
    return f"U+{point:04X} {name}"


def invisible_character(value: str) -> str | None:
    """A sentence naming the first control, format (zero-width, bidi) or blank character
    in `value`, or None. (Whitespace is not among them: text collapses it first.)"""
    if value.isascii() and value.isprintable():
        return None  # most text: no need to look at each character
    for index, char in enumerate(value):
        if unicodedata.category(char) in ("Cc", "Cf") or char in _BLANK_LETTERS:
            before = value[max(0, index - 20) : index]
            after = f" (after {before!r})" if before.strip() else ""
            return (
                f"contains an invisible character, {describe_character(char)}, at position {index + 1}{after}: "
                "retype that part of the text; invisible characters can make two ids look the same or "
                "reverse the text's direction"
            )
    return None


def _plain_text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("is empty: write the text, or leave the field out if it is optional")
    invisible = invisible_character(value)
    if invisible:
        raise ValueError(invisible)
    markup = _MARKUP.search(value)
    if markup:
        raise ValueError(
            f"contains HTML markup ({markup.group(0)!r}): write plain text; "
            "the site adds all formatting and links itself"
        )
    template = _TEMPLATE.search(value)
    if template:
        raise ValueError(
            f"contains template syntax ({template.group(0)!r}): data is shown as written "
            "and never run, so remove the braces"
        )
    return value


def _slug(value: str) -> str:
    if re.fullmatch(SLUG_PATTERN, value):
        return value
    foreign = next((char for char in value if not char.isascii()), None)
    if foreign is not None:
        raise ValueError(
            f"is {value!r}, which contains {foreign!r} ({describe_character(foreign)}): "
            "ids use only the plain letters a to z, digits and hyphens, and a letter from another "
            "alphabet can look the same while being a different id, so retype the id"
        )
    raise ValueError(
        f"is {value!r}, which is not a valid id: use lower-case letters, digits and "
        "single hyphens, like sexual-relationships-former-clients"
    )


def _quote(value: str) -> str:
    value = _plain_text(value)
    words = len(value.split())
    if words > MAX_QUOTE_WORDS:
        raise ValueError(
            f"has {words} words: quote at most {MAX_QUOTE_WORDS} words of the official text "
            "and put the rest in our own words in `rule`"
        )
    return value


def _section(value: str) -> str:
    value = _plain_text(value)
    if len(value) > 40:
        raise ValueError("is longer than 40 characters: give only the section number, like A.5.c")
    return value


Text = Annotated[StrictStr, AfterValidator(_plain_text)]
# The pattern is stated for editors only: the validator gives the clearer sentence.
Slug = Annotated[StrictStr, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
Section = Annotated[StrictStr, AfterValidator(_section)]
Quote = Annotated[StrictStr, AfterValidator(_quote)]


def _https(url: HttpUrl) -> HttpUrl:
    # pydantic has already refused what is not a web address (javascript:, mailto:, ...)
    if url.scheme != "https":
        raise ValueError(f"starts with {url.scheme}://: give the https:// address; the site links only to secure pages")
    if url.username or url.password:
        raise ValueError(
            "has a name or password before an @ in the address, which hides the site it really "
            "goes to: give the address as the publisher's site shows it, starting https://"
        )
    host = url.host or ""
    if any(label.startswith("xn--") for label in host.split(".")):
        raise ValueError(
            f"goes to {host}, a host name written with letters from another alphabet, which can "
            "look like a familiar site: give the publisher's address in plain letters a to z"
        )
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if "." not in host:
            raise ValueError(
                f"goes to {host}, which is not a public web site: give the publisher's address, "
                "like https://www.bbs.ca.gov/"
            ) from None
    else:
        raise ValueError(
            f"goes to {host}, a computer's number rather than a site's name: give the "
            "publisher's address, like https://www.bbs.ca.gov/"
        )
    return url


HTTPS_PATTERN = "^https://"
HttpsUrl = Annotated[
    HttpUrl,
    AfterValidator(_https),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": HTTPS_PATTERN, "minLength": 1, "maxLength": 2083}),
]

NEVER = "never"
NOT_SPECIFIED = "not specified"


def _waiting_period(value: Any) -> int | str:
    if isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        if 1 <= value <= 100:
            return value
        raise ValueError(f"is {value}: a waiting period is a number of years from 1 to 100")
    elif isinstance(value, str) and value.strip().lower() in (NEVER, NOT_SPECIFIED):
        return value.strip().lower()
    raise ValueError(f"is {value!r}: write a number of years (like 2), or 'never', or 'not specified'")


WaitingPeriod = Annotated[
    int | str,
    PlainValidator(_waiting_period),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 100},
                {"enum": [NEVER, NOT_SPECIFIED]},
            ]
        }
    ),
]


def _effective(value: Any) -> date | int:
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(
        f"is {value!r}: write the date the version took effect, like 2017-01-01, "
        "or only the year, like 2014, when the official text gives no day"
    )


EffectiveDate = Annotated[
    date | int,
    PlainValidator(_effective),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ]
        }
    ),
]


class Status(str, Enum):
    """How far a provision has been checked. See data/README.md and the sources page."""

    confirmed = "confirmed"  # the wording itself read in a publisher, government or professional text
    summary = "summary"  # only the publisher's own summary read (like NASW's Ethical Standard of the Month)
    secondary = "secondary"  # only a paraphrase in a professional source; wording not read
    unconfirmed = "unconfirmed"  # no text that counts located: shown as unconfirmed, never as fact


class SourceKind(str, Enum):
    """What kind of text a page we checked is. Only the first three can confirm wording."""

    publisher = "publisher"  # the code's or resource's own publisher
    government = "government"  # a legislature, a regulation, a state board rule (one that adopts a code too)
    professional = "professional"  # association magazine or newsletter, accredited CE course, textbook, journal
    study_aid = "study aid"  # flashcards, essay and homework sites, note apps, exam-prep and personal blogs


COUNTING_KINDS = frozenset({SourceKind.publisher, SourceKind.government, SourceKind.professional})


def require_in_schema(*names: str) -> Callable[[dict[str, Any], type], None]:
    """A `json_schema_extra` that lists `names` as required for editors only: the model keeps
    them optional so that a check can explain, in a sentence, why each one is needed."""

    def extra(schema: dict[str, Any], model: type) -> None:
        required = schema.setdefault("required", [])
        required += [name for name in names if name not in required]

    return extra


# The status rules of provisions and resources (macros.checks.codes and .audiences), for
# editors: a status_note unless confirmed, checked_against unless unconfirmed.
STATUS_RULES_SCHEMA: list[dict[str, Any]] = [
    {"if": {"properties": {"status": {"const": Status.confirmed.value}}}, "else": {"required": ["status_note"]}},
    {
        "if": {"properties": {"status": {"const": Status.unconfirmed.value}}},
        "else": {"required": ["checked_against"], "properties": {"checked_against": {"minItems": 1}}},
    },
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Source(Model):
    """A page we checked something against, and what kind of text it is."""

    url: HttpsUrl = Field(description="the page's address, starting with https://")
    kind: SourceKind = Field(
        description="publisher (the code's own publisher), government (a legislature, regulation or "
        "state board rule), professional (an association's magazine or newsletter, an accredited CE "
        "course, a textbook, a journal) or 'study aid' (flashcards, essay and homework sites, note "
        "apps, exam-prep and personal blogs: never confirms wording and is never linked on a page)"
    )
    note: Text | None = Field(None, description="optional: what this page shows, like 'the 2017 code, 10.08 verbatim'")

    @property
    def counts(self) -> bool:
        """Whether this source can confirm wording."""
        return self.kind in COUNTING_KINDS
