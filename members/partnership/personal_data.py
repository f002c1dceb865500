"""What the wider partnership holds about a member (membership, consent, changes, alerts sent,
audit entries about them), its register lines, for export and erasure."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    ModelLogEntry,
)

from home.audit import entries_about
from home.extension_points import (
    RegisterEntry,
    row_as_dict,
    rows,
)
from members.models import (
    AlertDelivery,
    ConsentRecord,
    Member,
    MembershipChange,
)
from members.partnership.retention import retention_months
from members.partnership.services import membership_of
from members.postal.personal_data import erase_postal_letters


def export_membership(member: Member | None) -> dict:
    if member is None:
        return {}
    return {
        "membership": row_as_dict(member),
        "consent_records": rows(member.consents.all()),
        "changes": rows(member.changes.all()),
        "alerts_sent": rows(member.alert_deliveries.all()),
        "audit_entries_about_you": rows(entries_about(member)),
    }


def erase_membership(member: Member) -> None:
    """The membership with its consents, change history and letters; Wagtail's log entries
    about it keep only its number."""
    member_id = member.pk
    erase_postal_letters(member)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Member), object_id=str(member_id)
    ).update(label=f"Member {member_id}", data={})
    member.delete()


def _erase_membership_of(user) -> None:
    member = membership_of(user)
    if member is not None:
        erase_membership(member)
    # Records the person added or changed as an officer stay, without the link to them.
    Member.objects.filter(added_by=user).update(added_by=None)
    ConsentRecord.objects.filter(recorded_by=user).update(recorded_by=None)
    MembershipChange.objects.filter(changed_by=user).update(changed_by=None)


def _membership_register() -> tuple[RegisterEntry, ...]:
    officers = "Partnership officers (the KCP support team) only"
    while_member = (
        f"While you are a member. After {retention_months()} months with no activity and no "
        "renewed consent, officers review it and it is erased unless you renew; or at once "
        "when you delete your membership."
    )
    return (
        RegisterEntry(
            "Your name",
            ("members.Member.name",),
            "To address you in emails and letters.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your email address",
            ("members.User.email", "account.EmailAddress.*"),
            "To send you the news you chose and the codes you sign in with.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your postal address (postal members only)",
            ("members.Member.postal_address", "members.Member.postcode"),
            "To post you the news you chose, if you do not use email.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "What kind of member you are, and your organisation's name",
            ("members.Member.kind", "members.Member.organisation_name"),
            "To know who the partnership reaches, in totals only.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "The subjects you chose and how you want to hear: by post, in large print or "
            "not, with summaries or the full papers, and whether your letters are paused "
            "because one came back and why; by "
            "email, whether our emails are paused because your mail server refused them",
            (
                "members.Member.interests",
                "members.Member.route",
                "members.Member.status",
                "members.Member.is_large_print",
                "members.Member.papers_by_post",
                "members.Member.post_paused_on",
                "members.Member.post_paused_reason",
                "members.Member.email_paused_at",
                "members.Member.email_paused_reason",
            ),
            "To send you only what you asked for, the way you asked.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "When you joined, confirmed your address and last changed your membership, and "
            "which officer added you (postal members)",
            (
                "members.Member.id",
                "members.Member.user",
                "members.Member.joined_at",
                "members.Member.verified_at",
                "members.Member.last_active_at",
                "members.Member.added_by",
            ),
            "To run your membership and to know when to ask you to renew it.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your consent: the words you agreed to, when, how, which version of this notice, "
            "and which officer recorded it",
            ("members.ConsentRecord.*",),
            "To show that you agreed, as the law requires us to be able to.",
            "Legal obligation (UK GDPR articles 6(1)(c) and 7(1))",
            officers,
            "As long as your membership; erased with it.",
        ),
        RegisterEntry(
            "Each change to your membership (subjects, route, pausing, leaving), without "
            "your name or address",
            ("members.MembershipChange.*",),
            "To answer questions about what you were sent and why.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            "As long as your membership; erased with it.",
        ),
        RegisterEntry(
            "The alerts we sent you: which posting, by which route, when, and whether it was "
            "delivered",
            ("members.AlertDelivery.*",),
            "To send each posting once, and to answer questions about what you were sent.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            "As long as your membership; erased with it.",
        ),
    )


@dataclass(frozen=True)
class MembershipData:
    name: str = "Wider partnership membership"
    models: tuple = (Member, MembershipChange, ConsentRecord, AlertDelivery)

    @property
    def register(self) -> tuple[RegisterEntry, ...]:
        """Read each time: the retention period is a site setting."""
        return _membership_register()

    def export(self, user) -> dict:
        return export_membership(membership_of(user))

    def erase(self, user) -> None:
        _erase_membership_of(user)
