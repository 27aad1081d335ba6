"""Where codes and laws apply: `data/jurisdictions.yaml`.

A jurisdiction is data, so adding a state (its laws, its complaint routes, its
rules pages) is a change to data/ only.
"""

from __future__ import annotations

from pydantic import Field

from .common import Model, Slug, Text


class Jurisdiction(Model):
    """A country, a state, or "international"."""

    id: Slug = Field(description="the jurisdiction's id, used in file names and page addresses, like california")
    name: Text = Field(description="its name as a reader knows it, like California or United States")
    short_name: Text = Field(description="a short name for menus and tables, like California or US")
    where: Text = Field(
        description="how running text says 'there', like 'in California' or 'anywhere in the United States'"
    )


class JurisdictionsFile(Model):
    """`data/jurisdictions.yaml`."""

    jurisdictions: list[Jurisdiction] = Field(
        min_length=1, description="every jurisdiction a code, law or profession names"
    )
