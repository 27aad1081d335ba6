"""Typed models of the handbook's data files (pydantic v2): the bottom layer.

The field descriptions are written for the person editing the YAML: they show up
as hover text in editors (through the JSON Schemas generated from these models, see
`macros.schemas`) and at the end of error messages, so each reads as an instruction.
Rules that span fields or files live in `macros.checks`, which can name the exact field.
"""

from .audiences import (
    MAX_ONE_PAGER_POINTS,
    Clause,
    OnboardingFile,
    OnePager,
    OnePagersFile,
    Resource,
    ResourcesFile,
    Step,
    Template,
    TemplatesFile,
)
from .codes import Code, CodeKind, Provision
from .common import (
    COUNTING_KINDS,
    HTTPS_PATTERN,
    MAX_QUOTE_WORDS,
    NEVER,
    NOT_SPECIFIED,
    SLUG_PATTERN,
    HttpsUrl,
    Model,
    Section,
    Slug,
    Source,
    SourceKind,
    Status,
    Text,
    describe_character,
    invisible_character,
)
from .credentials import Combination, CombinationsFile
from .jurisdictions import Jurisdiction, JurisdictionsFile
from .professions import AppliesRule, Basis, Profession, ProfessionsFile
from .study_aids import StudyAid, StudyAidsFile
from .topics import Topic, TopicsFile
from .trees import (
    MAX_DEPTH,
    NODE_KIND_ERROR,
    Answer,
    Citation,
    Node,
    Outcome,
    Question,
    Readers,
    Reference,
    ReferencesFile,
    Tree,
    paths,
    walk_edges,
)

__all__ = [name for name in dir() if not name.startswith("_")]
