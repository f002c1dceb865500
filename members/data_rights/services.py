"""Data rights: everything the site holds about a member, gathered from every app's
`kcp_personal_data` holder, and erasure through the same holders; audit entries name the member
by id only."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    ModelLogEntry,
)

from home.audit import record_access
from home.extension_points import (
    personal_data_holders,
    rows,
)
from members.audit.actions import Action
from members.data_rights.background_work import (
    background_work_naming,
    erase_background_work,
    identifying_strings,
)
from members.models import (
    Member,
    User,
)
from members.partnership import retention
from members.partnership.personal_data import erase_membership, export_membership
from members.postal.personal_data import export_postal_letters


def export_member(member: Member) -> dict:
    """Everything the site holds about the member, by holder; JSON-ready."""
    held: dict[str, dict | list] = {}
    if member.user_id:
        for holder in personal_data_holders():
            held[holder.name] = holder.export(member.user)
    else:
        held["Wider partnership membership"] = export_membership(member)
        held["Postal letters"] = export_postal_letters(member)
        held["Background work"] = rows(background_work_naming(identifying_strings(member)))
        # Holders that keep data against the membership itself (recorded responses).
        for holder in personal_data_holders():
            if hasattr(holder, "export_member"):
                held[holder.name] = holder.export_member(member)
    return {"generated_at": timezone.now().isoformat(), "held": held}


def export_for_officer(officer, member: Member) -> dict:
    record_access(officer, Action.DOWNLOADED, subject=member)
    return export_member(member)


@transaction.atomic
def erase_member(member: Member, *, by=None) -> int:
    """Erase the member and their account through every holder. Returns the member's old id,
    which is all the audit log keeps."""
    member_id = member.pk
    user = member.user if member.user_id else None
    # First, while the name and address are still there to find it by.
    erase_background_work(identifying_strings(member, user), user.email if user else "")
    # Then what holders keep against the membership, before deleting it only unlinks it.
    for holder in personal_data_holders():
        if hasattr(holder, "erase_member"):
            holder.erase_member(member)
    if user is not None:
        # The security log (members.audit) names accounts by their label: keep only the id.
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).update(label=f"User {user.pk}")
        for holder in personal_data_holders():
            holder.erase(user)
        User.objects.filter(pk=user.pk).delete()
    else:
        erase_membership(member)
    record_access(
        by if by != user else None,
        Action.ERASED,
        subject=("members.member", member_id),
        details={"by": "officer" if by is not None and by != user else "member_or_site"},
    )
    return member_id


def erase_memberships_past_retention(now=None) -> list[int]:
    """The scheduled job: erase each membership past the retention period (with no activity
    and no renewed consent); returns their old ids, which the audit log keeps."""
    return [erase_member(member) for member in retention.members_past_retention(now)]
