"""What the licences pages show: the chooser (`apply/my-licences/`), the static page of a
common combination (`apply/combinations/<id>/`), and the "In short" box of a rules page.

A reader's credentials (derived in `Dataset.credentials`) bring codes, whole or by section;
the rules that bind them are every such provision, once. Where a topic compares waiting
periods, the strictest is the longest: a rule with no end point ('never', or 'not specified':
the code names no period after which it stops applying) outlasts any number of years; only a
provision with no waiting period recorded is left unranked. A part of a section that is what
still applies after that section's wait (APA 10.08(b) of 10.08) is not a second wait. Where
the strictest is named, the caveats follow (a wait is a minimum; membership; telehealth).
On every other topic the data cannot rank the rules, and the page says so. `docs/assets/javascripts/licences.js` repeats the same
reasoning in the browser for the chooser; tests check that both name the same rules.
No markup here: `templates/licences.html` holds it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

from .. import urls
from ..dataset import ALL_SECTIONS, Credential, Dataset
from ..models import NEVER, NOT_SPECIFIED, Code, Provision, Status, Topic
from .environment import Url
from .views import STATUS_LABELS, Link, ProvisionView, anchor_id, code_view, provision_view, waiting_period_label

KIND_LEGENDS = {
    "licence": ("Licences and registrations", "A state licence or a registration as an associate."),
    "certification": ("Certifications", "A credential from a certifying body or a state-approved registration."),
    "membership": ("Memberships", "An association whose code binds its members."),
}
# When a rule on a rules page reaches the reader, as the "In short" box says it.
IN_SHORT_WHEN = {
    "licence": "through your licence",
    "membership": "if you are a member",
    "certification": "if you hold the certification",
    "law": "by law",
    "guidance": "guidance, not binding",
}
# How a provision's waiting period ranks: a number of years; a rule with no end point above
# every number ('never', and 'not specified': the code names no period after which the rule
# stops applying); a rule that gives no waiting period at all (none recorded) is not ranked.
NEVER_RANK = "never"
NO_END_RANK = "no-end"
# A provision that is the after-the-wait part of another (APA 10.08(b) of 10.08): not ranked.
AFTER_RANK = "after"


def wait_key(provision: Provision) -> str:
    """The waiting period as licences.js reads it from data-wait: years, never, no-end, or ''."""
    value = provision.waiting_period
    if value is None:
        return ""
    if value == NEVER:
        return NEVER_RANK
    if value == NOT_SPECIFIED:
        return NO_END_RANK
    return str(value)


def _rank(key: str) -> float | None:
    if key in (NEVER_RANK, NO_END_RANK):
        return float("inf")
    return float(key) if key and key != AFTER_RANK else None


def wait_label(provision: Provision) -> str:
    """How a verdict names a period: '2 years', 'never ends', 'sets no point after which it
    becomes acceptable' (the words data/codes records for a rule with no period)."""
    if provision.waiting_period == NEVER:
        return "never ends"
    if provision.waiting_period == NOT_SPECIFIED:
        return "sets no point after which it becomes acceptable"
    return waiting_period_label(provision.waiting_period)


def rule_name(code: Code, provision: Provision) -> str:
    """How a verdict names a rule: 'ACA A.5.c', 'Cal. B&P Code § 4999.90(k)'."""
    return f"{code.short_name} {provision.section}"


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def after_parts(rows: list[tuple[Code, Provision]]) -> dict[str, tuple[Code, Provision]]:
    """Provisions that are what still applies after another's wait, by their anchor, with that
    other: a part of a listed section (10.08(b) of 10.08) with the same waiting period, which
    the section's own entry points to. Such a part is not a second wait."""
    out: dict[str, tuple[Code, Provision]] = {}
    for code, part in rows:
        for other_code, main in rows:
            if (
                other_code.id == code.id
                and main is not part
                and part.section.startswith(main.section + "(")
                and part.waiting_period == main.waiting_period
                and part.section in f"{main.rule} {main.after_waiting_period or ''}"
            ):
                out[anchor_id(code.id, part.section)] = (other_code, main)
    return out


MINIMUM_NOTE = (
    "A wait is a minimum, not a permission: following the strictest meets the others only on how long "
    "to wait, and what each rule says still applies after its wait applies too."
)


class Verdict(NamedTuple):
    """What a topic's rules add up to for this reader. `strictest` holds the anchors of
    the strictest rules (empty when they cannot be ranked)."""

    kind: str  # waiting (periods ranked) | differ (cannot be ranked) | agree (one period)
    strictest: tuple[str, ...]
    text: str


def verdict(topic: Topic, rows: list[tuple[Code, Provision]]) -> Verdict | None:
    """None when one rule, or one code alone, speaks to the topic (a waiting period is
    compared between any two rules); else how its rules compare."""
    if topic.compares_waiting_period:
        parts_of = after_parts(rows)
        after = [(c, p) for c, p in rows if anchor_id(c.id, p.section) in parts_of]
        rows = [(c, p) for c, p in rows if anchor_id(c.id, p.section) not in parts_of]
    if len({code.id for code, _ in rows}) < 2 and not (topic.compares_waiting_period and len(rows) > 1):
        return None
    if topic.compares_waiting_period:
        keyed = [(code, p, wait_key(p)) for code, p in rows]
        ranked = [(code, p, key) for code, p, key in keyed if _rank(key) is not None]
        unranked = [rule_name(code, p) for code, p, key in keyed if _rank(key) is None]
        parts: list[str] = []
        strictest: tuple[str, ...] = ()
        kind = "differ"
        if ranked:
            top = max(_rank(key) for _, _, key in ranked)
            strict = [(code, p) for code, p, key in ranked if _rank(key) == top]
            shorter = [(code, p) for code, p, key in ranked if _rank(key) != top]
            label = wait_label(strict[0][1])
            names = [rule_name(code, p) for code, p in strict]
            strictest = tuple(anchor_id(code.id, p.section) for code, p in strict)
            named = (
                _join([f"{rule_name(c, p)} ({wait_label(p)})" for c, p in strict])
                if top == float("inf")
                else f"{_join(names)} ({label})"
            )
            if shorter:
                kind = "waiting"
                others = _join([f"{rule_name(c, p)} ({wait_label(p)})" for c, p in shorter])
                parts.append(f"Strictest: {named}.")
                if top == float("inf"):
                    parts.append(f"No number of years ends it, so it outlasts {others}.")
                else:
                    parts.append(f"Waiting {label} also waits out {others}.")
            elif len(strict) > 1:
                kind = "agree"
                if top == float("inf"):
                    parts.append(f"None of these rules has an end point: {named}.")
                else:
                    parts.append(f"All set a minimum of {label}: {_join(names)}.")
            else:  # one period stated, beside rules that state none: nothing to rank it against
                strictest = ()
                parts.append(f"{names[0]} {'sets ' + label if top != float('inf') else label}.")
            unchecked = [rule_name(c, p) for c, p in strict if p.status is not Status.confirmed]
            if unchecked:
                parts.append(
                    f"The wording of {_join(unchecked)} is not fully checked: read the code itself before relying on it."
                )
        if after:
            one = len(after) == 1
            parts.append(
                f"After that, {_join([rule_name(c, p) for c, p in after])} still "
                f"{'applies' if one else 'apply'}, as {'its rule' if one else 'their rules'} below "
                f"{'records' if one else 'record'}."
            )
        if unranked:
            one = len(unranked) == 1
            parts.append(
                f"{_join(unranked)} {'states' if one else 'state'} no waiting period, so "
                f"{'it' if one else 'they'} cannot be ranked: meet {'it' if one else 'them'} as well."
            )
        parts.append(MINIMUM_NOTE)
        return Verdict(kind, strictest, " ".join(parts))
    count = len({code.id for code, _ in rows})
    return Verdict(
        "differ",
        (),
        f"These rules come from {count} codes and laws, and this handbook cannot rank them: meet each of them.",
    )


class Caveat(NamedTuple):
    """A caveat shown where the strictest rule is named, citing a rule as data records it."""

    text: str
    href: Url | None
    name: str | None  # 'ACA H.1.b'
    status_label: str | None
    rule: str | None  # the cited rule as recorded; None when `text` already says what it records


def caveats(dataset: Dataset, link: Link) -> tuple[Caveat, ...]:
    """Not a member is not irrelevant (California's Board of Psychology and the APA code, as
    § 2936 records it); in telehealth the law where the client is may apply (ACA H.1.b)."""

    def cite(code_id: str, section: str) -> tuple[Url | None, str | None, str | None, str | None]:
        code = dataset.codes.get(code_id)
        p = next((p for p in code.provisions if p.section == section), None) if code else None
        if code is None or p is None:
            return None, None, None, None
        href = Url(f"{link(urls.code(code_id))}#{anchor_id(code_id, section)}")
        return href, rule_name(code, p), STATUS_LABELS[p.status], p.rule

    board = cite("ca-bpc", "§ 2936")
    return (
        Caveat(
            "Not being a member does not make a code irrelevant: licensing boards, expert witnesses and "
            "courts may measure your practice against your profession's code."
            + (
                " California's Board of Psychology, for one, measures every psychologist it licenses "
                "against the APA code, whether or not they belong to the APA"
                if board[0]
                else ""
            ),
            *board[:3],
            None,
        ),
        Caveat(
            "In telehealth, the law where the client is located may apply as well as the law where you practise.",
            *cite("aca", "H.1.b"),
        ),
    )


# --- what binds whom ---------------------------------------------------------------


def binding_rows(dataset: Dataset, chosen: Iterable[Credential]) -> list[tuple[Code, Provision]]:
    """Every provision that binds a reader holding `chosen`, once, in each topic's order."""
    chosen = list(chosen)
    return [
        (code, p)
        for topic in dataset.topics.values()
        for code, p in dataset.provisions_on(topic.id)
        if any(c.covers(code.id, p.section) for c in chosen)
    ]


def binds_json(dataset: Dataset, credential: Credential) -> str:
    """What licences.js stores for a credential: code id -> "*" or the anchors of its sections."""
    out: dict[str, object] = {}
    for code_id, sections in credential.binds.items():
        code = dataset.codes[code_id]
        if sections == ALL_SECTIONS:
            out[code_id] = "*"
        else:
            out[code_id] = [anchor_id(code_id, p.section) for p in code.provisions if p.section in sections]
    return json.dumps(out, separators=(",", ":"), sort_keys=True)


class RuleItem(NamedTuple):
    provision: ProvisionView
    name: str  # 'ACA A.5.c'
    wait: str  # see wait_key
    compares_waiting: bool
    through: tuple[str, ...]  # the reader's credentials that bring this rule
    label: str = ""  # the period in a verdict's words, see wait_label
    part_of: str = ""  # for an after-the-wait part: the rule whose wait it follows ('APA 10.08')
    part_of_anchor: str = ""


class TopicResult(NamedTuple):
    id: str
    title: str
    compare_href: Url
    compares_waiting: bool
    verdict: Verdict | None
    items: tuple[RuleItem, ...]
    caveats: tuple[Caveat, ...] = ()  # shown with the verdict where waiting periods are compared


def topic_results(
    dataset: Dataset, rows: list[tuple[Code, Provision]], chosen: list[Credential], link: Link
) -> tuple[TopicResult, ...]:
    views = {code.id: code_view(code) for code, _ in rows}
    notes = caveats(dataset, link)
    out = []
    for topic in dataset.topics.values():
        mine = [(c, p) for c, p in rows if p.topic == topic.id]
        if not mine:
            continue
        items = tuple(
            rule_item(
                code,
                p,
                views[code.id],
                topic.compares_waiting_period,
                tuple(c.label for c in chosen if c.covers(code.id, p.section)),
                after_parts(mine) if topic.compares_waiting_period else {},
            )
            for code, p in mine
        )
        out.append(
            TopicResult(
                topic.id,
                topic.title,
                Url(link(urls.topic(topic.id))),
                topic.compares_waiting_period,
                verdict(topic, mine) if chosen else None,
                items,
                notes if topic.compares_waiting_period else (),
            )
        )
    return tuple(out)


def rule_item(
    code: Code,
    p: Provision,
    view,  # noqa: ANN001
    compares: bool,
    through: tuple[str, ...],
    parts_of: dict[str, tuple[Code, Provision]],
) -> RuleItem:
    main = parts_of.get(anchor_id(code.id, p.section))
    return RuleItem(
        provision_view(code, p, view),
        rule_name(code, p),
        AFTER_RANK if main else wait_key(p),
        compares,
        through,
        wait_label(p),
        rule_name(*main) if main else "",
        anchor_id(main[0].id, main[1].section) if main else "",
    )


# --- the chooser -------------------------------------------------------------------


class Choice(NamedTuple):
    id: str
    label: str
    hint: str
    binds: str  # JSON for licences.js


class ChoiceGroup(NamedTuple):
    kind: str
    legend: str
    help: str
    choices: tuple[Choice, ...]


class CombinationLink(NamedTuple):
    href: Url
    title: str


class ChooserView(NamedTuple):
    groups: tuple[ChoiceGroup, ...]
    names: str  # JSON: code id -> short name, for "Showing your codes first (...)"
    topics: tuple[TopicResult, ...]  # every rule any choice brings, shown by licences.js
    combinations: tuple[CombinationLink, ...]
    apply_href: Url


def _hint(dataset: Dataset, credential: Credential) -> str:
    parts = []
    for code_id, sections in credential.binds.items():
        code = dataset.codes[code_id]
        if sections == ALL_SECTIONS:
            parts.append(code.name if credential.kind != "licence" else f"{code.short_name} (the whole code)")
        else:
            count = len(sections)
            parts.append(f"{code.short_name} ({count} section{'s' if count != 1 else ''})")
    return "Brings: " + "; ".join(parts) + "."


def chooser(dataset: Dataset, link: Link) -> ChooserView:
    credentials = dataset.credentials()
    groups = tuple(
        ChoiceGroup(
            kind,
            *KIND_LEGENDS[kind],
            tuple(
                Choice(c.id, c.label, _hint(dataset, c), binds_json(dataset, c))
                for c in credentials.values()
                if c.kind == kind
            ),
        )
        for kind in KIND_LEGENDS
        if any(c.kind == kind for c in credentials.values())
    )
    every = binding_rows(dataset, credentials.values())
    names = json.dumps({code.id: code.short_name for code in dataset.codes.values()}, separators=(",", ":"))
    return ChooserView(
        groups,
        names,
        topic_results(dataset, every, [], link),
        combination_links(dataset, link),
        Url(link("apply/")),
    )


def combination_links(dataset: Dataset, link: Link) -> tuple[CombinationLink, ...]:
    return tuple(CombinationLink(Url(link(urls.combination(c.id))), c.title) for c in dataset.combinations.values())


# --- a combination's static page ---------------------------------------------------


class HeldCredential(NamedTuple):
    label: str
    why: tuple[tuple[Url, str, str, str], ...]  # (code page, short name, basis, why)


class CombinationView(NamedTuple):
    title: str
    note: str | None
    credentials: tuple[HeldCredential, ...]
    topics: tuple[TopicResult, ...]
    chooser_href: Url
    others: tuple[CombinationLink, ...]


def combination_page(dataset: Dataset, combination, link: Link) -> CombinationView:  # noqa: ANN001
    from .views import BASIS_LABELS

    credentials = dataset.credentials()
    chosen = [credentials[c] for c in combination.credentials]
    held = tuple(
        HeldCredential(
            c.label,
            tuple(
                (
                    Url(link(urls.code(rule.code))),
                    dataset.codes[rule.code].short_name + (f" ({', '.join(rule.sections)})" if rule.sections else ""),
                    BASIS_LABELS[rule.basis.value],
                    rule.why,
                )
                for _, _, rule in _unique_rules(c)
            ),
        )
        for c in chosen
    )
    rows = binding_rows(dataset, chosen)
    return CombinationView(
        combination.title,
        combination.note,
        held,
        topic_results(dataset, rows, chosen, link),
        Url(link(urls.my_licences())),
        tuple(
            CombinationLink(Url(link(urls.combination(c.id))), c.title)
            for c in dataset.combinations.values()
            if c.id != combination.id
        ),
    )


def _unique_rules(credential: Credential) -> list:
    """A membership listed under several professions and places gives one reason: the first."""
    seen: set[str] = set()
    out = []
    for item in credential.rules:
        if item[2].code not in seen:
            seen.add(item[2].code)
            out.append(item)
    return out


# --- the "In short" box of a rules page --------------------------------------------


class InShortLine(NamedTuple):
    basis: str
    codes: tuple[tuple[Url, str], ...]


class InShort(NamedTuple):
    lines: tuple[InShortLine, ...]
    waiting: tuple[RuleItem, ...]  # the waiting periods that bind here, longest first
    waiting_topic: str | None
    waiting_href: Url | None
    verdict: Verdict | None
    chooser_href: Url
    caveats: tuple[Caveat, ...] = ()


def in_short(dataset: Dataset, profession, jurisdiction: str, link: Link) -> InShort:  # noqa: ANN001
    """Who binds you, by basis; and where a topic compares waiting periods, each binding
    period, longest first, with the strictest named."""
    from .views import BASIS_LABELS

    lines: dict[str, list[tuple[Url, str]]] = {}
    for rule in profession.applies[jurisdiction]:
        code = dataset.codes[rule.code]
        name = code.short_name + (f" ({len(rule.sections)} sections)" if len(rule.sections) > 1 else "")
        if len(rule.sections) == 1:
            name = f"{code.short_name} {rule.sections[0]}"
        lines.setdefault(BASIS_LABELS[rule.basis.value], []).append((Url(link(urls.code(code.id))), name))
    topic = next((t for t in dataset.topics.values() if t.compares_waiting_period), None)
    waiting: tuple[RuleItem, ...] = ()
    found = None
    if topic is not None:
        rows = [
            (c, p)
            for c, p in dataset.applicable_provisions(profession, jurisdiction)
            if p.topic == topic.id and p.waiting_period is not None
        ]
        parts_of = after_parts(rows)

        def key(cp: tuple[Code, Provision]) -> float:  # an after-the-wait part ranks as its rule
            c, p = parts_of.get(anchor_id(cp[0].id, cp[1].section), cp)
            return -(_rank(wait_key(p)) or -1.0)

        rows.sort(key=key)
        views = {code.id: code_view(code) for code, _ in rows}
        basis = {r.code: IN_SHORT_WHEN[r.basis.value] for r in profession.applies[jurisdiction]}
        waiting = tuple(rule_item(c, p, views[c.id], True, (basis[c.id],), parts_of) for c, p in rows)
        found = verdict(topic, rows)
    return InShort(
        tuple(InShortLine(basis, tuple(codes)) for basis, codes in lines.items()),
        waiting,
        topic.title if topic else None,
        Url(link(urls.topic(topic.id))) if topic else None,
        found,
        Url(link(urls.my_licences())),
        caveats(dataset, link) if found else (),
    )


STATUS_LEGEND = {status.value: label for status, label in STATUS_LABELS.items()}
