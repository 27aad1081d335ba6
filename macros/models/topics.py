"""The comparison topics: `data/topics.yaml`."""

from __future__ import annotations

from pydantic import Field, StrictBool

from .common import Model, Slug, Text


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
        None,
        ge=0.1,
        le=10,
        description="optional: rank this topic's page higher (above 1) or lower (below 1) in site search",
    )
    compares_waiting_period: StrictBool = Field(
        False,
        description="true when the table compares waiting periods: then every provision "
        "on this topic needs waiting_period",
    )


class TopicsFile(Model):
    """`data/topics.yaml`."""

    topics: list[Topic] = Field(min_length=1, description="the comparison topics; every topic needs an id and a title")
