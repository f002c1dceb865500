"""The members app's models, one module per domain (see shared/DESIGN.md)."""

from .accounts import EmailUserManager, User
from .audit import MemberDataAuditEntry
from .consent import ConsentRecord
from .partnership import Member, MembershipChange
from .retention import MembershipRetentionSettings

__all__ = [
    "ConsentRecord",
    "EmailUserManager",
    "Member",
    "MemberDataAuditEntry",
    "MembershipChange",
    "MembershipRetentionSettings",
    "User",
]
