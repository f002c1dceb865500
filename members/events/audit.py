"""The actions on registrations' personal data that events write to the one audit trail
(home.audit), with the words officers read on its screen."""

from django.db import models


class Action(models.TextChoices):
    VIEWED = "events.viewed", "Viewed registrations"
    EXPORTED = "events.exported", "Exported registrations"
    PRINTED = "events.printed", "Printed the sign-in sheet"
    CHECKED_IN = "events.checked_in", "Checked someone in"
    CANCELLED = "events.cancelled", "Cancelled a registration"
    MOVED = "events.moved", "Moved a registration"
    CAPACITY = "events.capacity", "Changed the number of places"
    NEEDS_ERASED = "events.needs_erased", "Deleted access and dietary needs"
    REMINDED = "events.reminded", "Reminded members who had not answered"
    REGISTERED = "events.registered", "Registered someone"
    EVENT_REMINDED = "events.event_reminded", "Sent a reminder before the event"
