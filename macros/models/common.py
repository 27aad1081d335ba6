"""Building blocks shared by every data model: the base model, text and id types.

Nothing in `macros.models` imports anything else from the project: the models are
the bottom layer (see CONTRIBUTING.md, "How the code is laid out").
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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


