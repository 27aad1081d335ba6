"""The common combinations of credentials that get a static page: `data/combinations.yaml`.

The credentials themselves (a licence, a certification, a membership) are not written
anywhere: `Dataset.credentials()` derives them from `data/professions.yaml`, so which code
binds which licence stays recorded once. A combination only names them by id.
"""

from __future__ import annotations

from pydantic import Field

from .common import Model, Slug, Text


class Combination(Model):
    """Several credentials one reader holds at once, with a static page for readers without JavaScript."""

    id: Slug = Field(description="the combination's id, used in its address apply/combinations/<id>/")
    title: Text = Field(
        description="how readers name the combination, like 'LMFT and LPCC in California, member of CAMFT'"
    )
    credentials: list[Slug] = Field(
        min_length=1,
        description="the ids of the credentials, as the chooser page lists them: licence-<profession>-"
        "<jurisdiction>, certified-<profession>-<jurisdiction> (a state's certification), certified-<code> "
        "(a national certification), member-<code>; `make check` lists them all",
    )
    note: Text | None = Field(
        None, description="optional: one plain sentence the page shows first, like what the data does not cover"
    )


class CombinationsFile(Model):
    """`data/combinations.yaml`."""

    combinations: list[Combination] = Field(min_length=1, description="the combinations that get a static page")
