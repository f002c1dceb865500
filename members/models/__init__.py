"""The members app's models, one module per domain (see shared/DESIGN.md)."""

from .accounts import EmailUserManager, User
from .audit import MemberDataAuditEntry
from .consent import ConsentRecord
from .induction import (
    InductionDocument,
    InductionIndexPage,
    InductionModulePage,
    InductionProgress,
    InductionReminder,
    ModuleCompletion,
)
from .partnership import Member, MembershipChange
from .postal import PostalBatch, PostalLetter
from .retention import MembershipRetentionSettings
from .shadowing import Pairing
from .skills_audit import SkillsAuditAnswers

__all__ = [
    "ConsentRecord",
    "EmailUserManager",
    "InductionDocument",
    "InductionIndexPage",
    "InductionModulePage",
    "InductionProgress",
    "InductionReminder",
    "Member",
    "MemberDataAuditEntry",
    "MembershipChange",
    "MembershipRetentionSettings",
    "ModuleCompletion",
    "Pairing",
    "PostalBatch",
    "PostalLetter",
    "SkillsAuditAnswers",
    "User",
]
