"""A code of ethics or a law, and its provisions: `data/codes/<id>.yaml`."""

from __future__ import annotations

from datetime import date
from enum import Enum

from pydantic import ConfigDict, Field

from .common import (
    MAX_QUOTE_WORDS,
    STATUS_RULES_SCHEMA,
    EffectiveDate,
    HttpsUrl,
    Model,
    Quote,
    Section,
    Slug,
    Source,
    Status,
    Text,
    WaitingPeriod,
)


class CodeKind(str, Enum):
    """What sort of text a code file holds."""

    ethics_code = "ethics-code"
    statute = "statute"
    regulation = "regulation"


class Provision(Model):
    """One section of a code or law, as the handbook states it."""

    # For editors, the rules macros.checks.codes states in words.
    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                *STATUS_RULES_SCHEMA,
                {
                    "if": {"properties": {"waiting_period": {"type": "integer"}}, "required": ["waiting_period"]},
                    "then": {"required": ["after_waiting_period"]},
                },
            ]
        }
    )

    section: Section = Field(
        description="every provision needs its section number as the code prints it, "
        "like A.5.c or '10.08' (numbers go in quotes so YAML keeps them as written)"
    )
    heading: Text | None = Field(
        None,
        description="the code's own heading for this section, "
        "like 'Sexual Intimacies With Former Therapy Clients/Patients'",
    )
    topic: Slug = Field(description="the id of a topic in data/topics.yaml, like sexual-relationships-former-clients")
    rule: Text = Field(description="the rule in our own words, in one to three plain sentences (no quotes here)")
    waiting_period: WaitingPeriod | None = Field(
        None,
        description="how long after therapy ends the rule applies: a number of years "
        "(like 2), 'never' (it never ends), or 'not specified' (the code names no period, so none ends the rule)",
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
    source_url: HttpsUrl = Field(description="the link to the official text of the code or law, starting with https://")
    status: Status = Field(
        description="confirmed (the wording itself read in a publisher, government or professional "
        "text), summary (only the publisher's own summary read), secondary (only a paraphrase in a "
        "professional source), or unconfirmed (nothing that counts located: shown as unconfirmed, "
        "never as fact)"
    )
    checked_against: list[Source] = Field(
        default_factory=list,
        description="the pages we checked the rule against, each with its kind; required unless the "
        "status is unconfirmed",
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
    jurisdiction: Slug = Field(
        description="where it applies: the id of a jurisdiction in data/jurisdictions.yaml, "
        "like national (United States), international or california"
    )
    version: Text = Field(
        description="the version in force, as the publisher names it, like '2014' or "
        "'2002, amended effective June 1, 2010 and January 1, 2017'"
    )
    effective_date: EffectiveDate = Field(
        description="when the version in force took effect: a date like 2017-01-01, "
        "or only the year, like 2014, when the official text gives no day"
    )
    official_url: HttpsUrl = Field(description="the publisher's own page for the code, starting with https://")
    binds: Text = Field(description="whom the code binds or guides, and why (membership, licence, certification)")
    verified_on: date = Field(
        description="the date someone last checked this file against the official text, like 2026-11-28"
    )
    revision_note: Text | None = Field(None, description="news that a new version is coming or under way, if any")
    provisions: list[Provision] = Field(
        min_length=1,
        description="the code's sections the handbook uses; every code needs at least one",
    )
