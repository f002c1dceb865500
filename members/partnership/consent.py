"""Consent: recording what a member agreed to, and asking for it again when a new version of
the privacy notice needs it."""

import datetime

from django.db import transaction
from django.utils import timezone

from home.models import PrivacyNoticeVersion
from members.models import ConsentRecord, Member, MembershipChange

CONSENT_STATEMENT = (
    "I agree to the Kensington and Chelsea Partnership keeping my name, my contact details, "
    "what kind of member I am and the subjects I chose, to send me news of its papers, "
    "meetings and ways to get involved, as its privacy notice (version {version}) explains. "
    "I can change my choices, pause or leave at any time."
)


def consent_statement(version: PrivacyNoticeVersion | None = None) -> str:
    version = version or PrivacyNoticeVersion.current()
    return CONSENT_STATEMENT.format(version=version.number)


def record_consent(
    member: Member,
    method: str,
    *,
    given_at: datetime.datetime | None = None,
    recorded_by=None,
    version: PrivacyNoticeVersion | None = None,
) -> ConsentRecord:
    version = version or PrivacyNoticeVersion.current()
    return ConsentRecord.objects.create(
        member=member,
        statement=consent_statement(version),
        privacy_notice_version=version,
        method=method,
        given_at=given_at or timezone.now(),
        recorded_by=recorded_by,
    )


def latest_consent(member: Member) -> ConsentRecord | None:
    return member.consents.select_related("privacy_notice_version").first()


def renewal_version() -> PrivacyNoticeVersion | None:
    """The newest version of the notice that asks members to agree again."""
    return PrivacyNoticeVersion.objects.filter(asks_for_renewal=True).first()


def needs_renewal(member: Member) -> bool:
    version = renewal_version()
    consent = latest_consent(member)
    if version is None:
        return False
    return consent is None or consent.privacy_notice_version.number < version.number


def members_needing_renewal():
    """Members whose newest consent predates the newest version that asks for renewal."""
    version = renewal_version()
    if version is None:
        return Member.objects.none()
    return Member.objects.exclude(
        consents__privacy_notice_version__number__gte=version.number
    ).exclude(status=Member.Status.LEFT)


@transaction.atomic
def renew_consent(member: Member, method: str, *, recorded_by=None) -> ConsentRecord:
    """The member agreed again (online, or to an officer by post, telephone or in person)."""
    record = record_consent(member, method, recorded_by=recorded_by)
    member.last_active_at = timezone.now()
    member.save(update_fields=["last_active_at"])
    MembershipChange.objects.create(
        member=member,
        changed_by=recorded_by,
        what="consent_renewed",
        after={"privacy_notice_version": record.privacy_notice_version.number, "method": method},
    )
    return record
