"""The people: accounts, the wider partnership, alerts, post, the members' area, events and
consultations' responses.

Where a feature lives: every domain is a package `members/<domain>/` with the same module
names inside (models, services, views, officer_views, urls, forms, wagtail_hooks,
personal_data, demo); `events` and `consultations` are also Django apps with labels of their
own. The app root only wires the domains together. The README's "Which app owns what" says why."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Member records: Partnership officers only (members.officer_screens also requires the role);
# and they pair new Steering Group members with existing ones.
OFFICER_PERMISSIONS = (
    ("members", "add_member"),
    ("members", "change_member"),
    ("members", "delete_member"),
    ("members", "view_member"),
    ("members", "change_membershipretentionsettings"),
    ("members", "change_digestsettings"),
    ("members", "change_postalsettings"),
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
