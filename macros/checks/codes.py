"""Codes and topics: unique sections, known topics, waiting periods, honesty rules."""

from __future__ import annotations

import re
import unicodedata

from ..dataset import Dataset, Kind
from ..errors import DataError, did_you_mean
from ..models import Status
from . import Pages


def section_key(section: str) -> str:
    """A section as compared for duplicates: look-alike forms (full-width digits, a
    non-breaking space, case, other punctuation: 3.05(a) and 3.05.a) count as the same
    section, as they would get the same link anchor on the page (macros.render.views.anchor_id)."""
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKC", section).casefold()).strip("-")


def check_codes_and_topics(dataset: Dataset, pages: Pages) -> list[DataError]:
    """Sections are unique, topics exist, waiting periods and honesty rules hold."""
    errors: list[DataError] = []
    known_topics = dataset.topics
    known_codes = dataset.codes

    for code_id, code in known_codes.items():
        source = dataset.source(Kind.codes, code_id)
        seen_sections: dict[str, int] = {}
        for index, provision in enumerate(code.provisions):
            at = ("provisions", index)
            key = section_key(provision.section)
            if key in seen_sections:
                first = seen_sections[key]
                written = code.provisions[first].section
                same = (
                    f"which provisions[{first}] already uses"
                    if written == provision.section
                    else f"which reads as the same section as provisions[{first}] ({written!r})"
                )
                errors.append(
                    source.error(
                        at + ("section",),
                        f"is {provision.section!r}, {same}: each section may appear once per code (merge the "
                        "two, or give the sub-section, like 3.05(a) and 3.05(b))",
                    )
                )
            else:
                seen_sections[key] = index

            topic = known_topics.get(provision.topic)
            if topic is None:
                if dataset.readable(Kind.topics):
                    errors.append(
                        source.error(
                            at + ("topic",),
                            f"is {provision.topic!r}, which is not a topic in data/topics.yaml"
                            f"{did_you_mean(provision.topic, known_topics)}: use one of its ids, "
                            "or add the topic there first",
                        )
                    )
            else:
                if topic.compares_waiting_period and provision.waiting_period is None:
                    errors.append(
                        source.error(
                            at + ("waiting_period",),
                            f"is missing: the topic {topic.id!r} compares waiting periods, so give "
                            "a number of years (like 2), 'never', or 'not specified'",
                        )
                    )

            if isinstance(provision.waiting_period, int) and provision.after_waiting_period is None:
                errors.append(
                    source.error(
                        at + ("after_waiting_period",),
                        "is missing: when a rule has a waiting period in years, say what still "
                        "applies after it ends (most codes keep some duty), in our own words",
                    )
                )
            if provision.status is not Status.confirmed and provision.status_note is None:
                errors.append(
                    source.error(
                        at + ("status_note",),
                        f"is missing: the status is {provision.status.value}, so say in a sentence "
                        "what is not confirmed and why, for readers to see",
                    )
                )
            if provision.status is not Status.unconfirmed and not provision.checked_against:
                errors.append(
                    source.error(
                        at + ("checked_against",),
                        f"is missing: the status is {provision.status.value}, so list the page or "
                        "pages the rule was checked against (or set the status to unconfirmed)",
                    )
                )

    topics_source = dataset.source(Kind.topics)
    if topics_source is not None:
        for topic_id, topic in known_topics.items():
            index = topics_source.position("topics", topic_id)
            has_rules = any(p.topic == topic_id for code in known_codes.values() for p in code.provisions)
            if (
                not has_rules
                and dataset.readable(Kind.codes)
                and not any(k is Kind.codes for k, _ in dataset.unreadable)
            ):
                errors.append(
                    topics_source.error(
                        ("topics", index, "id"),
                        f"is {topic_id!r}, but no code has a provision on it, so its page would "
                        "show an empty table: add a provision (marked unconfirmed if need be) "
                        "or remove the topic",
                    )
                )
            seen: set[str] = set()
            for position, code_id in enumerate(topic.codes):
                at = ("topics", index, "codes", position)
                if code_id in seen:
                    errors.append(
                        topics_source.error(at, f"is {code_id!r}, which is listed twice: list each code once")
                    )
                    continue
                seen.add(code_id)
                code = known_codes.get(code_id)
                if code is None:
                    if dataset.readable(Kind.codes, code_id):
                        errors.append(
                            topics_source.error(
                                at,
                                f"is {code_id!r}, which is not a code we have"
                                f"{did_you_mean(code_id, known_codes)}: codes are the files in "
                                "data/codes/, named by id (like aca for data/codes/aca.yaml)",
                            )
                        )
                    continue
                if not any(p.topic == topic_id for p in code.provisions):
                    errors.append(
                        topics_source.error(
                            at,
                            f"is {code_id!r}, but data/codes/{code_id}.yaml has no provision with "
                            f"topic {topic_id!r}: add the provision (marked unconfirmed if need be), "
                            "or remove the code from this list",
                        )
                    )
    return errors
