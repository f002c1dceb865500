"""Events: away days, the annual Partnership Event and workshops, with registration, capacity,
the waiting list and check-in.

A sub-app of `members` with its own label (`events`) because it stands on its own: its own
page types under /events/, its own tables (places, registrations, special-category needs, the
audit log of personal data), its own URLs, templates, emails and scheduler jobs. It needs
nothing else from `members` but the user model (through AUTH_USER_MODEL), and the rest of
`members` needs nothing from it: the members' dashboard shows its panel through the
`kcp_dashboard_panels` hook and the calendar feeds take its events through
`kcp_calendar_sources`."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "members.events"
    label = "events"
    verbose_name = "Events"
