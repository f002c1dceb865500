"""Outreach: the lists of groups and people who are not members yet, the campaigns that ask
them to join (letters, posters, flyers, email), the short codes that trace each sign-up to the
channel that brought it, and the membership figures over time.

A sub-app of `members` with its own label (`outreach`), as events and consultations are: its
own tables, URLs, templates and migrations, so it never clashes with other work on `members`'
migrations. It reads memberships (members.partnership) and is told of sign-ups through
allauth's `user_signed_up` signal; nothing below it knows it exists."""

from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "members.outreach"
    label = "outreach"
    verbose_name = "Outreach and membership figures"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers (Django's documented way)
