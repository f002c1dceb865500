"""The members app's models, one module per domain (see shared/DESIGN.md)."""

from .accounts import EmailUserManager, User
from .induction import (
    InductionDocument,
    InductionIndexPage,
    InductionModulePage,
    InductionProgress,
    InductionReminder,
    ModuleCompletion,
)
from .shadowing import Pairing
from .skills_audit import SkillsAuditAnswers

__all__ = [
    "EmailUserManager",
    "InductionDocument",
    "InductionIndexPage",
    "InductionModulePage",
    "InductionProgress",
    "InductionReminder",
    "ModuleCompletion",
    "Pairing",
    "SkillsAuditAnswers",
    "User",
]
