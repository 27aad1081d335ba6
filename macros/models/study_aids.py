"""Hosts that are never a source: `data/study-aids.yaml`.

Flashcard decks, essay and homework sites, note apps, exam-prep and personal blogs may
point someone to wording, but never confirm it and are never linked on a page. A
`checked_against` address on one of these hosts fails the check.
"""

from __future__ import annotations

from pydantic import Field

from .common import Model, Text

HOST_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"


class StudyAid(Model):
    """One host, and what kind of site it is."""

    host: str = Field(pattern=HOST_PATTERN, description="the site's host name without www., like brainscape.com")
    what: Text = Field(description="what the site is, like 'flashcards' or 'essay site'")

    @property
    def id(self) -> str:
        return self.host


class StudyAidsFile(Model):
    """`data/study-aids.yaml`."""

    study_aids: list[StudyAid] = Field(min_length=1, description="hosts that are never a source")
