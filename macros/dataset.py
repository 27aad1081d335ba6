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
    Clause,
    Code,
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


def clauses_for(template: Template, profession_id: str) -> list[Clause]:
    """The clauses a profession's version of a template prints, in order."""
    return [c for c in template.clauses if not c.professions or profession_id in c.professions]
