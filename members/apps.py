"""Accounts, wider-partnership membership, alerts, the members' area and event sign-ups."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# What Partnership officers may do with the members' records in the admin.
OFFICER_PERMISSIONS = ("add_pairing", "change_pairing", "delete_pairing", "view_pairing")


def grant_officer_permissions(**kwargs) -> None:
    # Why here: models cannot be imported while apps.py loads.
    from django.contrib.auth.models import Group, Permission

    from home.roles import PARTNERSHIP_OFFICERS

    officers = Group.objects.filter(name=PARTNERSHIP_OFFICERS).first()
    if officers:
        officers.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=OFFICER_PERMISSIONS
            )
        )


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import signals

        signals.connect_signals()
        post_migrate.connect(grant_officer_permissions, dispatch_uid="kcp_members_officers")
