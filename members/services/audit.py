"""Writing the audit log of member personal data (members.models.audit)."""

from members.models import MemberDataAuditEntry

Action = MemberDataAuditEntry.Action


def record_access(
    officer, action: str, *, member=None, member_count: int = 0, details: dict | None = None
) -> MemberDataAuditEntry:
    """One audit entry. `details` names filters and fields, never a person's data."""
    return MemberDataAuditEntry.objects.create(
        officer=officer if officer is not None and officer.is_authenticated else None,
        action=action,
        member_id=member.pk if member is not None else None,
        member_count=member_count or (1 if member is not None else 0),
        details=details or {},
    )
