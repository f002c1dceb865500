"""The members app's models, one module per domain (see shared/DESIGN.md)."""

from members.models.accounts import EmailUserManager, User
from members.models.alerts import AlertDelivery, DigestSettings, Posting
from members.models.attendance import AttendanceSettings, MeetingAttendance
from members.models.audit import MemberDataAuditEntry
from members.models.consent import ConsentRecord
from members.models.induction import (
    InductionDocument,
    InductionIndexPage,
    InductionModulePage,
    InductionProgress,
    InductionReminder,
    ModuleCompletion,
)
from members.models.partnership import Member, MembershipChange
from members.models.postal import PostalBatch, PostalLetter
from members.models.retention import MembershipRetentionSettings
from members.models.shadowing import Pairing
from members.models.skills_audit import SkillsAuditAnswers

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
