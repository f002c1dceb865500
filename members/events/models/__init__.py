"""Event pages and the records of who takes part: places, registrations, the waiting list,
special-category needs and the audit log of who saw or changed personal data.

One module per part: `choices` (the shared words), `pages` (the listing and event pages),
`parts` (agenda, documents, questions), `registrations` (places, registrations, needs),
`records` (the audit log and reminders)."""

from .choices import AUDIENCE_GROUPS, REPLIES_HOLDING_A_PLACE, Audience, EventKind, Reply
from .pages import (
    RESERVED_SLUGS,
    EventIndexPage,
    EventPage,
    EventPageForm,
    audiences_open_to,
    events_visible_to,
)
from .parts import EventAgendaItem, EventDocument, EventQuestion, EventReminder
from .records import AwayDayReminder
from .registrations import EventPlaces, Registration, RegistrationNeeds

__all__ = [
    "AUDIENCE_GROUPS",
    "REPLIES_HOLDING_A_PLACE",
    "RESERVED_SLUGS",
    "Audience",
    "AwayDayReminder",
    "EventAgendaItem",
    "EventDocument",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageForm",
    "EventPlaces",
    "EventQuestion",
    "EventReminder",
    "Registration",
    "RegistrationNeeds",
    "Reply",
    "audiences_open_to",
    "events_visible_to",
]
