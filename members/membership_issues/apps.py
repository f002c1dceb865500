"""Membership issues: a Steering Group member raises an issue about membership (of the
Steering Group or a sub-group) from their dashboard, "as and when they feel appropriate
throughout the year" (2009 review, 2.3.2); officers see each with its state and move it on.

A sub-app of `members` with its own label (`membership_issues`): its own table and views,
shown on the dashboard through the `kcp_dashboard_panels` hook."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

OFFICER_PERMISSIONS = tuple(
    ("membership_issues", f"{verb}_membershipissue") for verb in ("change", "view", "delete")
)


def grant_officers_issue_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class MembershipIssuesConfig(AppConfig):
    name = "members.membership_issues"
    label = "membership_issues"
    verbose_name = "Membership issues"

    def ready(self):
        # After every app's migrations: auth makes this app's permissions in a receiver of
        # its own connected later (see members.apps).
        post_migrate.connect(
            grant_officers_issue_permissions, dispatch_uid="kcp_membership_issues_officers"
        )
