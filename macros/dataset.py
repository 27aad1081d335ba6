"""The handbook's data as one typed object, with the lookups pages and checks share.

`macros.loading` builds a `Dataset` from `data/`; `macros.checks` look for problems
in it; `macros.validate` does both and raises once. Renderers receive a checked
dataset and never see one with errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from .errors import SourceFile
from .models import (
    AppliesRule,
    Clause,
    Code,
    Combination,
    Jurisdiction,
    OnboardingFile,
    OnePager,
    Profession,
    Provision,
    Reference,
    Resource,
    StudyAid,
    Template,
    Topic,
    Tree,
)
from .models.translations import ResourcesTranslation, TreeTranslation


class Kind(str, Enum):
    """The kinds of data file, as `data/README.md` lists them."""

    codes = "codes"
    topics = "topics"
    jurisdictions = "jurisdictions"
    professions = "professions"
    references = "references"
    resources = "resources"
    trees = "trees"
    onboarding = "onboarding"
    one_pagers = "one_pagers"
    templates = "templates"
    study_aids = "study_aids"
    combinations = "combinations"


@dataclass
class Dataset:
    """All the handbook's data. `sources` says where each item came from, for messages."""

    codes: dict[str, Code] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    professions: dict[str, Profession] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    trees: dict[str, Tree] = field(default_factory=dict)
    onboarding: OnboardingFile | None = None
    one_pagers: dict[str, OnePager] = field(default_factory=dict)
    one_pagers_reviewed: date | None = None
    templates: dict[str, Template] = field(default_factory=dict)
    templates_reviewed: date | None = None
    study_aids: dict[str, StudyAid] = field(default_factory=dict)  # host -> what it is
    combinations: dict[str, Combination] = field(default_factory=dict)
    # Data in other languages (macros/models/translations.py): (language, tree id) ->
    # the tree's text, language -> the resources' text; and where each came from.
    tree_translations: dict[tuple[str, str], TreeTranslation] = field(default_factory=dict)
    resource_translations: dict[str, ResourcesTranslation] = field(default_factory=dict)
    translation_sources: dict[tuple[str, str, str], SourceFile] = field(default_factory=dict)
    # Where each item came from: (kind, id) for a file per item, (kind, "") for a list file.
    sources: dict[tuple[Kind, str], SourceFile] = field(default_factory=dict)
    # What could not be read or validated: (kind, id) per bad file, (kind, "") for a bad list
    # file. Checks stay quiet about a reference to something listed here: its own file's
    # errors are reported already, and a second message would only add noise.
    unreadable: set[tuple[Kind, str]] = field(default_factory=set)

    # --- where things came from ---------------------------------------------

    def source(self, kind: Kind, item_id: str = "") -> SourceFile | None:
        return self.sources.get((kind, item_id))

    def readable(self, kind: Kind, item_id: str = "") -> bool:
        """False when the file for this kind (or this item's own file) failed to load."""
        return (kind, "") not in self.unreadable and (kind, item_id) not in self.unreadable

    # --- lookups ------------------------------------------------------------

    def provisions_on(self, topic_id: str) -> list[tuple[Code, Provision]]:
        """Every (code, provision) on a topic: the topic's listed codes first, in its order,
        then the other codes by short name; a code's provisions in file order."""
        listed = list(self.topics[topic_id].codes) if topic_id in self.topics else []
        others = sorted((c for c in self.codes if c not in listed), key=lambda c: self.codes[c].short_name.lower())
        return [
            (self.codes[code_id], provision)
            for code_id in listed + others
            if code_id in self.codes
            for provision in self.codes[code_id].provisions
            if provision.topic == topic_id
        ]

    def provision(self, code_id: str, section: str) -> Provision | None:
        code = self.codes.get(code_id)
        return next((p for p in code.provisions if p.section == section), None) if code else None

    def applicable_provisions(self, profession: Profession, jurisdiction_id: str) -> list[tuple[Code, Provision]]:
        """Every provision that binds or guides a profession in a jurisdiction, honouring
        each rule's list of sections."""
        out = []
        for rule in profession.applies.get(jurisdiction_id, []):
            code = self.codes[rule.code]
            out += [(code, p) for p in code.provisions if not rule.sections or p.section in rule.sections]
        return out

    def rules_pages(self) -> list[tuple[Profession, Jurisdiction]]:
        """Every (profession, jurisdiction) that has a rules page, in data order."""
        return [
            (profession, self.jurisdictions[jurisdiction_id])
            for profession in self.professions.values()
            for jurisdiction_id in profession.applies
            if jurisdiction_id in self.jurisdictions
        ]

    def rules_jurisdictions(self) -> list[Jurisdiction]:
        """Jurisdictions with at least one rules page, in the order of data/jurisdictions.yaml."""
        used = {j for profession in self.professions.values() for j in profession.applies}
        return [j for j in self.jurisdictions.values() if j.id in used]

    def credentials(self) -> dict[str, Credential]:
        """Every licence, certification and membership a reader can hold, derived from
        data/professions.yaml (see `derive_credentials`), by id."""
        return derive_credentials(self)


ALL_SECTIONS: frozenset[str] = frozenset()  # in `Credential.binds`: every provision of the code


@dataclass(frozen=True)
class Credential:
    """A licence, certification or membership that binds a reader, and the codes it brings.

    `binds` maps a code id to the sections it brings (ALL_SECTIONS: the whole code);
    `rules` are the professions.yaml entries it comes from, as (profession, jurisdiction, rule)."""

    id: str
    kind: str  # licence | certification | membership
    label: str
    binds: dict[str, frozenset[str]]
    rules: tuple[tuple[Profession, Jurisdiction, AppliesRule], ...]

    def covers(self, code_id: str, section: str) -> bool:
        sections = self.binds.get(code_id)
        return sections is not None and (sections == ALL_SECTIONS or section in sections)


CREDENTIAL_KINDS = ("licence", "certification", "membership")


def derive_credentials(dataset: Dataset) -> dict[str, Credential]:
    """The choices a reader has, from the `applies` entries of data/professions.yaml:

    - a licence per profession and jurisdiction with an entry of basis `licence`
      (`licence-<profession>-<jurisdiction>`): those entries, and that jurisdiction's
      entries of basis `law` (a law binds everyone it names);
    - a certification per profession and state for an entry of basis `certification` whose
      code is that state's (`certified-<profession>-<jurisdiction>`), with the state's `law`
      entries; one per code for a national certification (`certified-<code>`);
    - a membership per association (`member-<code>`), wherever it is listed.

    An entry's `sections` limit what it brings; entries for one credential add up.
    `guidance` binds no one, so it is never a choice."""
    found: dict[str, dict] = {}

    def add(cid: str, kind: str, label: str, profession, jurisdiction, rules) -> None:  # noqa: ANN001
        item = found.setdefault(cid, {"kind": kind, "label": label, "binds": {}, "rules": []})
        for rule in rules:
            if rule.code not in dataset.codes:
                continue
            item["rules"].append((profession, jurisdiction, rule))
            have = item["binds"].get(rule.code)
            if not rule.sections or have == ALL_SECTIONS:
                item["binds"][rule.code] = ALL_SECTIONS
            else:
                item["binds"][rule.code] = (have or frozenset()) | frozenset(rule.sections)

    for profession in dataset.professions.values():
        for jurisdiction_id, rules in profession.applies.items():
            jurisdiction = dataset.jurisdictions.get(jurisdiction_id)
            if jurisdiction is None:
                continue
            laws = [r for r in rules if r.basis.value == "law"]
            licences = [r for r in rules if r.basis.value == "licence"]
            if licences:
                add(
                    f"licence-{profession.id}-{jurisdiction.id}",
                    "licence",
                    f"{profession.title}, licensed or registered {jurisdiction.where}",
                    profession,
                    jurisdiction,
                    licences + laws,
                )
            for rule in rules:
                code = dataset.codes.get(rule.code)
                if code is None:
                    continue
                if rule.basis.value == "certification":
                    if code.jurisdiction == jurisdiction.id and jurisdiction.id not in ("national", "international"):
                        add(
                            f"certified-{profession.id}-{jurisdiction.id}",
                            "certification",
                            f"{profession.title}, certified or registered {jurisdiction.where}",
                            profession,
                            jurisdiction,
                            [rule, *laws],
                        )
                    else:
                        add(
                            f"certified-{code.id}",
                            "certification",
                            f"Certified by {code.short_name}",
                            profession,
                            jurisdiction,
                            [rule],
                        )
                elif rule.basis.value == "membership":
                    add(
                        f"member-{code.id}",
                        "membership",
                        f"Member of {code.short_name}",
                        profession,
                        jurisdiction,
                        [rule],
                    )
    order = {kind: n for n, kind in enumerate(CREDENTIAL_KINDS)}
    items = sorted(found.items(), key=lambda kv: order[kv[1]["kind"]])  # stable: data order within a kind
    return {cid: Credential(cid, v["kind"], v["label"], dict(v["binds"]), tuple(v["rules"])) for cid, v in items}


def clauses_for(template: Template, profession_id: str) -> list[Clause]:
    """The clauses a profession's version of a template prints, in order."""
    return [c for c in template.clauses if not c.professions or profession_id in c.professions]
