"""Accounts, wider-partnership membership, alerts, the members' area and event sign-ups."""

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import signals

        signals.connect()
