"""Who is bound by what: `data/professions.yaml`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .common import Model, Section, Slug, Text


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
    applies: dict[Slug, Annotated[list[AppliesRule], Field(min_length=1)]] = Field(
        min_length=1,
        description="for each jurisdiction (an id from data/jurisdictions.yaml, like national or "
        "california), the codes and laws that apply there; a state's list includes the national "
        "codes that apply there too. Each jurisdiction listed gets its own rules page.",
    )


class ProfessionsFile(Model):
    """`data/professions.yaml`."""

    professions: list[Profession] = Field(
        min_length=1, description="the professions; every profession needs an id and a title"
    )
