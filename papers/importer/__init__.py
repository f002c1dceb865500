"""The paper importer: reads .txt, .md, .docx and .pdf papers, minutes and agendas into parsed
dataclasses."""

from .describing import PaperFact, describe, paper_facts
from .parsed import (
    ActionPlanRow,
    ActionPlanSection,
    BodyItem,
    Bullet,
    ContactOfficer,
    ImportWarning,
    Objective,
    PaperHeader,
    ParsedActionPlan,
    ParsedPaper,
    ParsedProgressReport,
    ParsedReport,
    ProgressAction,
    Section,
)
from .parsing import parse_paper
from .reading import read_paper_text

__all__ = [
    "ActionPlanRow",
    "ActionPlanSection",
    "BodyItem",
    "Bullet",
    "ContactOfficer",
    "ImportWarning",
    "Objective",
    "PaperFact",
    "PaperHeader",
    "ParsedActionPlan",
    "ParsedPaper",
    "ParsedProgressReport",
    "ParsedReport",
    "ProgressAction",
    "Section",
    "describe",
    "paper_facts",
    "parse_paper",
    "read_paper_text",
]
