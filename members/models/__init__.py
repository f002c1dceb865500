"""The members app's models, one module per domain (see shared/DESIGN.md)."""

from ..postal.models import PostalBatch, PostalLetter
from .accounts import EmailUserManager, User
from .alerts import AlertDelivery, DigestSettings, Posting
from .attendance import AttendanceSettings, MeetingAttendance
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
from .retention import MembershipRetentionSettings
from .shadowing import Pairing
from .skills_audit import SkillsAuditAnswers

__all__ = [
    "AlertDelivery",
    "AttendanceSettings",
    "ConsentRecord",
    "DigestSettings",
    "EmailUserManager",
    "InductionDocument",
    "InductionIndexPage",
    "InductionModulePage",
    "InductionProgress",
    "InductionReminder",
    "MeetingAttendance",
    "Member",
    "MemberDataAuditEntry",
    "MembershipChange",
    "MembershipRetentionSettings",
    "ModuleCompletion",
    "Pairing",
    "PostalBatch",
    "PostalLetter",
    "Posting",
    "SkillsAuditAnswers",
    "User",
]
