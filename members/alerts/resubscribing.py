"""Starting alerts again from the page an unsubscribe link leads to: the signed token is the
credential (as for stopping), and agreeing again to the consent statement is recorded as new
consent, since the member's last agreement may be under an older privacy notice."""

from django.db import transaction
from django.utils import timezone

from members.models import ConsentRecord, Member, MembershipChange
from members.partnership import consent


@transaction.atomic
def resubscribe(member: Member) -> bool:
    """Alerts start again, with new consent. Returns False when they had not stopped."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status != Member.Status.PAUSED:
        return False
    MembershipChange.objects.create(
        member=member,
        what="resubscribed",
        before={"status": member.status},
        after={"status": Member.Status.ACTIVE},
    )
    member.status = Member.Status.ACTIVE
    member.last_active_at = timezone.now()
    member.save(update_fields=["status", "last_active_at"])
    consent.renew_consent(member, ConsentRecord.Method.RENEWED_ONLINE)
    return True
