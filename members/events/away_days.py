"""The away day's sign-up: what Steering Group members and officers do with it.

The rules:
- An away day is an EventPage of kind away day, for the Steering Group only. Who is asked is
  whoever holds a current Steering Group seat (home.SteeringGroupSeat) with an active account:
  the seats are the record, as for the members' role.
- A member's answer is their Registration for the away day, one per member (a unique
  constraint): attending and tentative hold a place (status confirmed), not attending holds
  none (status cancelled), so places, the sign-in sheet, check-in and erasure keep working as
  for any event. Access and dietary needs are RegistrationNeeds, asked with explicit consent,
  seen only by Partnership officers and deleted after the event by `erase_event_needs`.
- Members change their answer until the cut-off (the event's `registration_closes`), never
  after. Each member only ever reaches their own answer: the views look it up by the signed-in
  person, never by an id from the request.
- Reminders go to exactly the members with a current seat who have not answered. Each is
  queued in the outbox under a key naming the away day, the reminder and the member, and each
  reminder is a row with a unique token: an officer's action (its token comes from the form)
  sends once however often it is submitted, and the automatic reminder (token "automatic")
  goes once, `reminder_days_before_close` days before the cut-off.
"""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from home.audit import record_access
from home.models import SteeringGroupSeat

from .audit import Action
from .calendar import event_location
from .emails import access_lines, queue_event_email, site_url
from .exceptions import (
    AnswerChangedElsewhere,
    AnswersClosed,
    EventFull,
    NeedsWithoutConsent,
    NotAnAwayDay,
    NotInvited,
)
from .models import (
    REPLIES_HOLDING_A_PLACE,
    AwayDayReminder,
    EventKind,
    EventPage,
    EventPlaces,
    Registration,
    RegistrationNeeds,
    Reply,
)
from .places import _lock_places, _take_place

Status = Registration.Status


@dataclasses.dataclass(frozen=True)
class AwayDayAnswer:
    """What a member gives when they answer the sign-up."""

    reply: str
    note: str = ""
    access_needs: str = ""
    dietary_needs: str = ""
    has_consented_to_needs: bool = False

    @property
    def has_needs(self) -> bool:
        return bool(self.access_needs.strip() or self.dietary_needs.strip())


# --- Who is asked --------------------------------------------------------------------------


def current_seats(now: datetime.datetime | None = None) -> list[SteeringGroupSeat]:
    """The seats held today by people with an active account, one per person (a person with
    two seats is asked once), by name. One query."""
    today = timezone.localdate(now or timezone.now())
    seats = (
        SteeringGroupSeat.objects.current(today)
        .filter(person__is_active=True)
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    by_person = {}
    for seat in seats:
        by_person.setdefault(seat.person_id, seat)
    return list(by_person.values())


def is_invited(user, now: datetime.datetime | None = None) -> bool:
    """Whether `user` holds a current Steering Group seat: the away day's sign-up is theirs."""
    if not user.is_authenticated or not user.is_active:
        return False
    today = timezone.localdate(now or timezone.now())
    return SteeringGroupSeat.objects.current(today).filter(person=user).exists()


def open_away_days(now: datetime.datetime | None = None):
    """Live away days still taking answers, soonest first."""
    now = now or timezone.now()
    return (
        EventPage.objects.live()
        .filter(kind=EventKind.AWAY_DAY, is_registration_open=True, registration_closes__gt=now)
        .order_by("start")
    )


# --- A member's answer ---------------------------------------------------------------------


def answer_of(event: EventPage, user) -> Registration | None:
    """The member's own answer, with their needs (they may see and change what they told us)."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(reply="")
        .select_related("needs")
        .first()
    )


def answers_of(user, events) -> dict[int, Registration]:
    """The member's answers to these away days, by event id: one query."""
    return {
        registration.event_id: registration
        for registration in Registration.objects.filter(
            user=user, event__in=[event.pk for event in events]
        ).exclude(reply="")
    }


def is_taking_answers(event: EventPage, now: datetime.datetime | None = None) -> bool:
    return event.is_away_day and event.is_taking_registrations(now)


def answer_away_day(
    event: EventPage, user, answer: AwayDayAnswer, *, now: datetime.datetime | None = None
) -> Registration:
    """Save or change `user`'s answer before the cut-off. Attending or tentative takes a
    place if the member held none (EventFull when none is left); not attending gives it back.
    Refused with nothing saved: not an away day, not a current seat holder, after the cut-off,
    needs without consent."""
    now = now or timezone.now()
    if not event.is_away_day:
        raise NotAnAwayDay()
    if not is_invited(user, now):
        raise NotInvited()
    if not is_taking_answers(event, now):
        raise AnswersClosed()
    if answer.reply not in Reply.values:
        raise ValueError(f"No away-day reply {answer.reply!r}.")
    if answer.has_needs and not answer.has_consented_to_needs:
        raise NeedsWithoutConsent()
    wants_a_place = answer.reply in REPLIES_HOLDING_A_PLACE
    try:
        with transaction.atomic():
            _lock_places(event.pk)
            current = (
                Registration.objects.select_for_update()
                .filter(event=event, user=user)
                .exclude(reply="")
                .first()
            )
            held_a_place = current is not None and current.status == Status.CONFIRMED
            if wants_a_place and not held_a_place and not _take_place(event.pk):
                raise EventFull(
                    f"Every place at {event.title} is taken, so you cannot be marked as "
                    "attending or tentative: nothing has been saved. Contact the Partnership "
                    "team, who can add places."
                )
            if held_a_place and not wants_a_place:
                EventPlaces.objects.filter(event_id=event.pk).update(taken=F("taken") - 1)
            registration = current or Registration(event=event, user=user, created_at=now)
            registration.name = user.get_full_name() or user.email
            registration.email = user.email.lower()
            registration.reply = answer.reply
            registration.note = answer.note.strip()
            registration.replied_at = now
            if wants_a_place:
                registration.status = Status.CONFIRMED
                registration.confirmed_at = registration.confirmed_at or now
                registration.cancelled_at = None
            else:
                registration.status = Status.CANCELLED
                registration.cancelled_at = now
            registration.save()
            _keep_needs(registration, answer, now)
    except IntegrityError as error:
        # The same member answering from two windows at once: the unique constraint lets one
        # through and rolls the other back whole.
        raise AnswerChangedElsewhere() from error
    return registration


def _keep_needs(registration: Registration, answer: AwayDayAnswer, now) -> None:
    """Needs given are kept (consent dated now); needs cleared are deleted at once."""
    if not answer.has_needs:
        RegistrationNeeds.objects.filter(registration=registration).delete()
        return
    RegistrationNeeds.objects.update_or_create(
        registration=registration,
        defaults={
            "access_needs": answer.access_needs.strip(),
            "dietary_needs": answer.dietary_needs.strip(),
            "consent_given_at": now,
        },
    )


# --- Officers ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Replies:
    """An away day's answers, by reply, and who has not answered (officers' screen)."""

    answers: list[Registration]
    non_repliers: list[SteeringGroupSeat]

    def with_reply(self, reply: str) -> list[Registration]:
        return [answer for answer in self.answers if answer.reply == reply]


def replies(event: EventPage, *, by, now: datetime.datetime | None = None) -> Replies:
    """Every answer with its needs and who has not answered: three queries whatever the size
    of the Steering Group, and an audit entry (needs are special-category data)."""
    seats = current_seats(now)
    answers = list(
        Registration.objects.filter(event=event)
        .exclude(reply="")
        .select_related("needs")
        .order_by("name", "pk")
    )
    organisations = {seat.person_id: seat.organisation.name for seat in seats}
    for answer in answers:
        answer.organisation_name = organisations.get(answer.user_id, "No current seat")
    answered = {answer.user_id for answer in answers}
    record_access(
        by,
        Action.VIEWED,
        page=event,
        details={"included_needs": True, "detail": "Away-day answers"},
    )
    return Replies(
        answers=answers,
        non_repliers=[seat for seat in seats if seat.person_id not in answered],
    )


def non_repliers(event: EventPage, now: datetime.datetime | None = None):
    answered = set(
        Registration.objects.filter(event=event).exclude(reply="").values_list("user_id", flat=True)
    )
    return [seat for seat in current_seats(now) if seat.person_id not in answered]


def remind_non_repliers(
    event: EventPage, *, token: str, by=None, now: datetime.datetime | None = None
) -> AwayDayReminder | None:
    """Email every member who has not answered, once for this `token`: None when the
    reminder was sent already (the same action again). Refused after the cut-off."""
    now = now or timezone.now()
    if not event.is_away_day:
        raise NotAnAwayDay()
    if not is_taking_answers(event, now):
        raise AnswersClosed("The cut-off for answers has passed, so no reminder has been sent.")
    with transaction.atomic():
        reminder, created = AwayDayReminder.objects.get_or_create(
            event=event,
            token=token,
            defaults={
                "sent_at": now,
                "sent_by": by if by is not None and by.is_authenticated else None,
            },
        )
        if not created:
            return None
        seats = non_repliers(event, now)
        answer_url = site_url(reverse("events_answer", args=[event.slug]))
        for seat in seats:
            queue_event_email(
                event,
                kind="away_day_reminder",
                to=seat.person.email,
                template="events/email/away_day_reminder",
                context={
                    "name": seat.person.get_full_name() or seat.person.email,
                    "event": event,
                    "start": timezone.localtime(event.start),
                    "end": timezone.localtime(event.end),
                    "access_lines": access_lines(event),
                    "place": event_location(event),
                    "closes_at": timezone.localtime(event.registration_closes),
                    "answer_url": answer_url,
                    "event_url": site_url(event.get_url() or "/events/"),
                },
                key=f"events:away-day:{event.pk}:reminder:{token}:{seat.person_id}",
            )
        reminder.recipients = len(seats)
        reminder.save(update_fields=["recipients"])
        record_access(
            by,
            Action.REMINDED,
            page=event,
            details={
                "detail": f"{len(seats)} members reminded"
                + (" (automatic)" if token == AwayDayReminder.AUTOMATIC else "")
            },
        )
    return reminder


def automatic_reminder_due(event: EventPage, now: datetime.datetime) -> bool:
    if not event.reminder_days_before_close or not is_taking_answers(event, now):
        return False
    due_from = event.registration_closes - datetime.timedelta(days=event.reminder_days_before_close)
    return now >= due_from


def send_automatic_reminders(now: datetime.datetime | None = None) -> int:
    """The scheduler's job: each open away day's one automatic reminder, once it is due.
    Returns how many members were reminded."""
    now = now or timezone.now()
    reminded = 0
    due = open_away_days(now).exclude(reminders__token=AwayDayReminder.AUTOMATIC)
    for event in due:
        if automatic_reminder_due(event, now):
            reminder = remind_non_repliers(event, token=AwayDayReminder.AUTOMATIC, now=now)
            reminded += reminder.recipients if reminder else 0
    return reminded
