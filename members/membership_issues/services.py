"""Raising a membership issue, and officers moving it on: each recorded in Wagtail's audit
log, and the officers told through the outbox."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

from home.audit import record_access
from home.outbox import queue_templated_email
from home.roles import PARTNERSHIP_OFFICERS

from .models import MembershipIssue


@transaction.atomic
def raise_issue(member, *, subject: str, details: str) -> MembershipIssue:
    issue = MembershipIssue.objects.create(raised_by=member, subject=subject, details=details)
    record_access(member, "membership_issues.raised", subject=issue)
    officers = list(
        Group.objects.get(name=PARTNERSHIP_OFFICERS)
        .user_set.filter(is_active=True)
        .order_by("email")
        .values_list("email", flat=True)
    )
    if officers:
        queue_templated_email(
            kind="Membership issue raised",
            to=officers,
            template="membership_issues/email/issue_raised",
            context={
                "issue": issue,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("membership_issues:edit", args=[issue.pk]),
            },
            idempotency_key=f"membership-issue:{issue.pk}",
        )
    return issue


@transaction.atomic
def update_issue(officer, issue: MembershipIssue, *, state: str, note: str) -> MembershipIssue:
    issue.state = state
    issue.officers_note = note
    issue.save(update_fields=["state", "officers_note"])
    record_access(officer, "membership_issues.changed", subject=issue)
    return issue


def issues_of(member):
    return MembershipIssue.objects.filter(raised_by=member)
