"""Accounts, wider-partnership membership, alerts, the members' area and event sign-ups."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Member records: Partnership officers only (members.admin_views also requires the role).
OFFICER_PERMISSIONS = (
    ("members", "add_member"),
    ("members", "change_member"),
    ("members", "delete_member"),
    ("members", "view_member"),
    ("members", "view_memberdataauditentry"),
    ("members", "change_membershipretentionsettings"),
)


def grant_officers_members_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        # Connects the audit log's and the membership's receivers.
        from . import signals  # noqa: F401

        # After every app's migration, not only members': auth makes members' permissions
        # in its own post_migrate receiver, which runs after this one (auth is listed later).
        post_migrate.connect(
            grant_officers_members_permissions, dispatch_uid="kcp_members_officers"
        )
