"""The personal data event registrations hold, for a person's export and erasure
(kcp_personal_data): registrations with their answers, access and dietary needs, and the
reminders sent."""

from dataclasses import dataclass

from django.conf import settings

from home.extension_points import RegisterEntry

from . import services
from .models import AwayDayReminder, Registration, RegistrationNeeds


@dataclass(frozen=True)
class EventRegistrationsData:
    """The personal data event registrations hold, for a person's export and erasure."""

    name: str = "events"
    models: tuple = (Registration, AwayDayReminder)

    @property
    def register(self) -> tuple[RegisterEntry, ...]:
        """Read each time: how long needs are kept is a setting."""
        return (
            RegisterEntry(
                "Your registrations for events and their waiting lists: your name, email address "
                "(or, if an officer registered you without one, your telephone number), "
                "the answers to the event's questions, your place or turn and when you registered; "
                "for a Steering Group away day, your answer (attending, not attending or "
                "tentative), your note and when you gave it",
                ("events.Registration.*",),
                "To give you a place at the event, tell you about it, offer you a freed place and "
                "check you in on the day; for an away day, to plan it and remind members who have "
                "not answered.",
                "Performance of a task in the public interest (UK GDPR article 6(1)(e))",
                "You; Partnership officers; the lead officers of the group running the event, "
                "without your access and dietary needs",
                "As long as the event's records are kept; your name and email address are removed "
                "if you ask us to erase your data.",
            ),
            RegisterEntry(
                "Your access and dietary needs for an event, if you chose to tell us",
                ("events.RegistrationNeeds.*",),
                "To make the event accessible to you and cater for you.",
                "Your explicit consent (UK GDPR articles 6(1)(a) and 9(2)(a))",
                "Partnership officers (the KCP support team) only",
                f"Deleted {settings.KCP_EVENT_NEEDS_KEPT_DAYS} days after the event.",
            ),
            RegisterEntry(
                "The reminders sent about events and to Steering Group members about an away "
                "day: who sent each, when, to how many",
                ("events.AwayDayReminder.*",),
                "To send each reminder once, and to account for what was sent.",
                "Legal obligation (UK GDPR article 6(1)(c))",
                "Partnership officers (the KCP support team) only",
                "As long as the event's records are kept; the officer's name is removed on "
                "erasure.",
            ),
        )

    def export(self, user) -> list[dict]:
        return [
            {
                "event": registration.event.title,
                "status": registration.get_status_display(),
                "name": registration.name,
                "email": registration.email,
                "telephone": registration.telephone,
                "answers": registration.answers,
                "registered": registration.created_at.isoformat(),
                "away_day_answer": registration.get_reply_display() if registration.reply else "",
                "away_day_note": registration.note,
                "access_needs": getattr(registration, "needs", None)
                and registration.needs.access_needs,
                "dietary_needs": getattr(registration, "needs", None)
                and registration.needs.dietary_needs,
            }
            for registration in Registration.objects.filter(user=user).select_related(
                "event", "needs"
            )
        ]

    def erase(self, user) -> None:
        """Active registrations are cancelled (their places pass on); every registration then
        loses its name, email, answers and needs. (The audit trail is home's own holder.)"""
        for registration in Registration.objects.filter(user=user, status__in=Registration.ACTIVE):
            services.cancel_registration(registration, note="Erased at the person's request")
        registrations = Registration.objects.filter(user=user)
        for registration in registrations:
            RegistrationNeeds.objects.filter(registration=registration).delete()
        registrations.update(
            name="(erased)", email="erased@invalid", telephone="", answers=[], user=None
        )
        registrations.update(note="")
        AwayDayReminder.objects.filter(sent_by=user).update(sent_by=None)
