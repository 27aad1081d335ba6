"""Typed models of the handbook's data files (pydantic v2).

The field descriptions are written for the person editing the YAML: they show
up as hover text in editors (through the JSON Schemas generated from these
models, see `macros.schemas`) and at the end of error messages, after
"is missing:" and similar, so each reads as an instruction.

Cross-field and cross-file rules (an unknown topic, a missing note on an
unconfirmed rule...) live in `macros.checking`, which can name the exact field.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    PlainValidator,
    StrictBool,
    StrictStr,
    WithJsonSchema,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Markup and template syntax never belong in data: pages add the formatting,
# and text that looks like Jinja must never be evaluated.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*/?\s*[a-zA-Z]")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
MAX_QUOTE_WORDS = 20


def _plain_text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("is empty: write the text, or leave the field out if it is optional")
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
    if not re.match(SLUG_PATTERN, value):
        raise ValueError(
            f"is {value!r}, which is not a valid id: use lower-case letters, digits and "
            "single hyphens, like sexual-relationships-former-clients"
        )
    return value


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
Slug = Annotated[StrictStr, AfterValidator(_slug), Field(pattern=SLUG_PATTERN)]
Section = Annotated[StrictStr, AfterValidator(_section)]
Quote = Annotated[StrictStr, AfterValidator(_quote)]

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
    raise ValueError(
        f"is {value!r}: write a number of years (like 2), or 'never', or 'not specified'"
    )


WaitingPeriod = Annotated[
    Union[int, str],
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
    Union[date, int],
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
    """How far a provision has been checked. See data/README.md."""

    confirmed = "confirmed"
    secondary = "secondary"
    unconfirmed = "unconfirmed"


class CodeKind(str, Enum):
    """What sort of text a code file holds."""

    ethics_code = "ethics-code"
    statute = "statute"
    regulation = "regulation"


class Jurisdiction(str, Enum):
    """Where a code or law applies."""

    national = "national"
    international = "international"
    california = "california"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Provision(Model):
    """One section of a code or law, as the handbook states it."""

    section: Section = Field(
        description="every provision needs its section number as the code prints it, "
        "like A.5.c or '10.08' (numbers go in quotes so YAML keeps them as written)"
    )
    heading: Text | None = Field(
        None,
        description="the code's own heading for this section, "
        "like 'Sexual Intimacies With Former Therapy Clients/Patients'",
    )
    topic: Slug = Field(
        description="the id of a topic in data/topics.yaml, like sexual-relationships-former-clients"
    )
    rule: Text = Field(
        description="the rule in our own words, in one to three plain sentences (no quotes here)"
    )
    waiting_period: WaitingPeriod | None = Field(
        None,
        description="how long after therapy ends the rule applies: a number of years "
        "(like 2), 'never' (it never ends), or 'not specified' (the code names no period)",
    )
    after_waiting_period: Text | None = Field(
        None,
        description="what still applies once the waiting period is over, in our own words",
    )
    quote: Quote | None = Field(
        None,
        description=f"an optional short quote from the official text, at most {MAX_QUOTE_WORDS} "
        "words, copied exactly and without quotation marks (the site adds them)",
    )
    source_url: HttpUrl = Field(
        description="the link to the official text of the code or law, starting with https://"
    )
    status: Status = Field(
        description="confirmed (checked against the official text or a verbatim reproduction "
        "naming the section and year), secondary (only a summary or paraphrase seen), "
        "or unconfirmed (no source located: shown as unconfirmed, never as fact)"
    )
    checked_against: list[HttpUrl] = Field(
        default_factory=list,
        description="the pages we checked the rule against; required unless the status is unconfirmed",
    )
    status_note: Text | None = Field(
        None,
        description="why the rule is not confirmed, or what is still uncertain about it; "
        "required unless the status is confirmed",
    )


class Code(Model):
    """A code of ethics or a law, in `data/codes/<id>.yaml`."""

    id: Slug = Field(description="the code's id, the same as its file name, like aca for aca.yaml")
    short_name: Text = Field(description="the abbreviation readers know, like ACA")
    name: Text = Field(description="the code's full title, like ACA Code of Ethics")
    publisher: Text = Field(description="who publishes the code, like American Counseling Association")
    kind: CodeKind = Field(
        description="ethics-code (a professional association's code), statute (a law passed "
        "by a legislature) or regulation (rules made by a board or agency)"
    )
    jurisdiction: Jurisdiction = Field(
        description="where it applies: national (United States), international, or california"
    )
    version: Text = Field(
        description="the version in force, as the publisher names it, like '2014' or "
        "'2002, amended effective June 1, 2010 and January 1, 2017'"
    )
    effective_date: EffectiveDate = Field(
        description="when the version in force took effect: a date like 2017-01-01, "
        "or only the year, like 2014, when the official text gives no day"
    )
    official_url: HttpUrl = Field(
        description="the publisher's own page for the code, starting with https://"
    )
    binds: Text = Field(
        description="whom the code binds or guides, and why (membership, licence, certification)"
    )
    verified_on: date = Field(
        description="the date someone last checked this file against the official text, like 2026-11-28"
    )
    revision_note: Text | None = Field(
        None, description="news that a new version is coming or under way, if any"
    )
    provisions: list[Provision] = Field(
        min_length=1,
        description="the code's sections the handbook uses; every code needs at least one",
    )


class Topic(Model):
    """A question the codes answer differently, compared in one table."""

    id: Slug = Field(description="the topic's id, like sexual-relationships-former-clients")
    title: Text = Field(description="the topic as a reader would name it")
    summary: Text = Field(description="one or two plain sentences on what the topic covers")
    codes: list[Slug] = Field(
        default_factory=list,
        description="optional: the ids of the codes to show first, in this order, like [apa, aca]; "
        "any other code with a provision on this topic follows, by name",
    )
    search_boost: float | None = Field(
        None, ge=0.1, le=10,
        description="optional: rank this topic's page higher (above 1) or lower (below 1) in site search",
    )
    compares_waiting_period: StrictBool = Field(
        False,
        description="true when the table compares waiting periods: then every provision "
        "on this topic needs waiting_period",
    )


class TopicsFile(Model):
    """`data/topics.yaml`."""

    topics: list[Topic] = Field(
        min_length=1, description="the comparison topics; every topic needs an id and a title"
    )


class Basis(str, Enum):
    """Why a code or law reaches someone in a profession."""

    licence = "licence"
    membership = "membership"
    certification = "certification"
    law = "law"
    guidance = "guidance"


class AppliesRule(Model):
    """One code or law that binds or guides a profession in a jurisdiction, and why."""

    code: Slug = Field(description="the id of a code in data/codes/, like apa")
    basis: Basis = Field(
        description="why it reaches this profession: licence (the licensing board enforces it), "
        "membership (binds members), certification (binds those certified), law (binds everyone "
        "it names), or guidance (not binding, but widely used)"
    )
    why: Text = Field(description="one or two plain sentences saying who is bound and why")
    sections: list[Section] = Field(
        default_factory=list,
        description="optional: only these sections apply (like ['§ 4982(k)']); "
        "leave out to apply all of the code's provisions",
    )


class Profession(Model):
    """A profession, and which codes and laws apply to it where."""

    id: Slug = Field(description="the profession's id, like marriage-family-therapist")
    title: Text = Field(description="the profession's name, singular, like Marriage and family therapist")
    plural: Text = Field(description="the plural in running text, like marriage and family therapists")
    national: list[AppliesRule] = Field(
        min_length=1,
        description="codes and laws that apply anywhere in the United States",
    )
    california: list[AppliesRule] = Field(
        min_length=1,
        description="everything that applies in California, national codes included",
    )


class ProfessionsFile(Model):
    """`data/professions.yaml`."""

    professions: list[Profession] = Field(
        min_length=1, description="the professions; every profession needs an id and a title"
    )
