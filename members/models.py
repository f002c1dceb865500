"""The members app's models, gathered from each domain's `models` module
(`members/<domain>/models.py`) so that Django registers them under the `members` label, with
their tables as before."""

from members.accounts.models import EmailUserManager, User
from members.alerts.models import AlertDelivery, DigestSettings, Posting
from members.attendance.models import AttendanceSettings, MeetingAttendance
from members.induction.models import (
    InductionDocument,
    InductionIndexPage,
    InductionModulePage,
    InductionProgress,
    InductionReminder,
    ModuleCompletion,
    Pairing,
    SkillsAuditAnswers,
)
from members.partnership.models import (
    ConsentRecord,
    Member,
    MembershipChange,
    MembershipRetentionSettings,
)
from members.postal.models import PostalBatch, PostalLetter, PostalSettings

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
    "MembershipChange",
    "MembershipRetentionSettings",
    "ModuleCompletion",
    "Pairing",
    "PostalBatch",
    "PostalLetter",
    "PostalSettings",
    "Posting",
    "SkillsAuditAnswers",
    "User",
]
