"""Accounts, wider-partnership membership, alerts, the members' area and event sign-ups."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Member records: Partnership officers only (members.admin_views also requires the role);
# and they pair new Steering Group members with existing ones.
OFFICER_PERMISSIONS = (
    ("members", "add_member"),
    ("members", "change_member"),
    ("members", "delete_member"),
    ("members", "view_member"),
    ("members", "view_memberdataauditentry"),
    ("members", "change_membershipretentionsettings"),
    ("members", "change_digestsettings"),
    ("members", "add_pairing"),
    ("members", "change_pairing"),
    ("members", "delete_pairing"),
    ("members", "view_pairing"),
)


def grant_officers_members_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        # signals imports the members' models, which cannot load before the registry is ready.
        from members import signals

        signals.connect_signals()
        # After every app's migrations, not only members': Django makes an app's permissions
        # in a post_migrate receiver of its own, connected after this one (auth comes after
        # members in INSTALLED_APPS), so by the last app's signal they all exist.
        post_migrate.connect(
            grant_officers_members_permissions, dispatch_uid="kcp_members_officers"
        )
