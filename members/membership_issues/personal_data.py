"""The personal data membership issues hold: the issues a member raised."""

from django.db import transaction

from home.extension_points import RegisterEntry

from .models import MembershipIssue

ISSUES_REGISTER = (
    RegisterEntry(
        "The membership issues you raised as a Steering Group member: what you wrote, when, "
        "and where each stands",
        ("membership_issues.MembershipIssue.*",),
        "To consider membership issues throughout the year, as the 2009 review asks.",
        "Public task (UK GDPR article 6(1)(e))",
        "You and Partnership officers",
        "As long as your account; deleted with it.",
    ),
)


class MembershipIssuesData:
    name = "membership issues"
    models = (MembershipIssue,)
    register = ISSUES_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "subject": issue.subject,
                "details": issue.details,
                "state": issue.get_state_display(),
                "officers_note": issue.officers_note,
                "raised_at": issue.raised_at.isoformat(),
            }
            for issue in MembershipIssue.objects.filter(raised_by=user)
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        MembershipIssue.objects.filter(raised_by=user).delete()
