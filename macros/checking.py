"""Rules that span fields or files: references between files, and honesty rules.

Each rule returns `DataError`s naming the file, line and key path; nothing here
raises, so one run reports every problem.
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import TYPE_CHECKING, Iterable

from .errors import DataError
from .models import Status

if TYPE_CHECKING:
    from .loading import Dataset


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _topic_index(dataset: Dataset) -> dict[str, int]:
    source = dataset.sources.get("topics")
    items = source.content.get("topics", []) if source else []
    return {item.get("id"): index for index, item in enumerate(items) if isinstance(item, dict)}


def check_dataset(dataset: Dataset, today: date | None = None) -> list[DataError]:
    """Every cross-field and cross-file rule, over whatever loaded cleanly."""
    today = today or date.today()
    errors: list[DataError] = []
    topic_lines = _topic_index(dataset)
    known_topics = dataset.topics
    known_codes = dataset.codes

    for code_id, code in known_codes.items():
        source = dataset.code_source(code_id)
        if code.verified_on > today:
            errors.append(
                source.error(
                    ("verified_on",),
                    f"is {code.verified_on.isoformat()}, which is in the future: "
                    "give the date the file was actually checked",
                )
            )
        seen_sections: dict[str, int] = {}
        for index, provision in enumerate(code.provisions):
            at = ("provisions", index)
            if provision.section in seen_sections:
                errors.append(
                    source.error(
                        at + ("section",),
                        f"is {provision.section!r}, which provisions[{seen_sections[provision.section]}] "
                        "already uses: each section may appear once per code (merge the two, or "
                        "give the sub-section, like 3.05(a) and 3.05(b))",
                    )
                )
            else:
                seen_sections[provision.section] = index

            topic = known_topics.get(provision.topic)
            if topic is None:
                if "topics" in dataset.sources:
                    errors.append(
                        source.error(
                            at + ("topic",),
                            f"is {provision.topic!r}, which is not a topic in data/topics.yaml"
                            f"{_did_you_mean(provision.topic, known_topics)}: use one of its ids, "
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

    if "topics" in dataset.sources:
        topics_source = dataset.sources["topics"]
        for topic_id, topic in known_topics.items():
            index = topic_lines.get(topic_id)
            has_rules = any(
                p.topic == topic_id for code in known_codes.values() for p in code.provisions
            )
            if not has_rules and len(known_codes) == len(dataset.code_files):
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
                    if code_id not in dataset.code_files:
                        errors.append(
                            topics_source.error(
                                at,
                                f"is {code_id!r}, which is not a code we have"
                                f"{_did_you_mean(code_id, known_codes)}: codes are the files in "
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
    errors.extend(_check_professions(dataset))
    return errors


def _check_professions(dataset: Dataset) -> list[DataError]:
    source = dataset.sources.get("professions")
    if source is None:
        return []
    errors: list[DataError] = []
    items = source.content.get("professions", [])
    positions = {item.get("id"): i for i, item in enumerate(items) if isinstance(item, dict)}
    for profession_id, profession in dataset.professions.items():
        index = positions.get(profession_id)
        for jurisdiction in ("national", "california"):
            seen: set[str] = set()
            for position, rule in enumerate(getattr(profession, jurisdiction)):
                at = ("professions", index, jurisdiction, position)
                if rule.code in seen:
                    errors.append(source.error(at + ("code",), f"is {rule.code!r}, which this list already has: list each code once"))
                    continue
                seen.add(rule.code)
                code = dataset.codes.get(rule.code)
                if code is None:
                    if rule.code not in dataset.code_files:
                        errors.append(
                            source.error(
                                at + ("code",),
                                f"is {rule.code!r}, which is not a code we have"
                                f"{_did_you_mean(rule.code, dataset.codes)}: codes are the files in "
                                "data/codes/, named by id (like aca for data/codes/aca.yaml)",
                            )
                        )
                    continue
                known = [p.section for p in code.provisions]
                for spot, section in enumerate(rule.sections):
                    if section not in known:
                        errors.append(
                            source.error(
                                at + ("sections", spot),
                                f"is {section!r}, which data/codes/{code.id}.yaml does not have"
                                f"{_did_you_mean(section, known)}: use a section exactly as it is "
                                "written there",
                            )
                        )
    return errors
