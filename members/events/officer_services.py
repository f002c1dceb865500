"""What officers do with an event's registrations: the number of places, check-in,
cancelling and moving with a note, and deleting special-category needs after the event."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from home.audit import record_access

from .access import is_partnership_officer
from .audit import Action
from .exceptions import (
    AlreadyRegistered,
    CapacityBelowTaken,
    EventFull,
    NotAllowed,
    NoWayToContact,
    OfferNotAvailable,
    RegistrationNotFound,
)
from .models import EventPage, EventPlaces, Registration, RegistrationNeeds
from .places import _lock_places, _offer_free_places, _send_after_commit, _take_place
from .services import Applicant, active_registration, cancel_registration, register_for_event

Status = Registration.Status


def _require_officer(user) -> None:
    if not is_partnership_officer(user):
        raise NotAllowed()


def set_places(event: EventPage, capacity: int, *, by, now=None) -> EventPlaces:
    """Change the number of places at once (no publishing): more places go to those waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        places = _lock_places(event.pk)
        if capacity < places.taken:
            raise CapacityBelowTaken(
                f"{places.taken} places are taken or offered, so the event cannot have fewer "
                f"than {places.taken}: cancel registrations first, or choose a larger number."
            )
        before = places.capacity
        places.capacity = capacity
        places.save(update_fields=["capacity"])
        offered = _offer_free_places(places, now)
        if before != capacity:
            record_access(
                by,
                Action.CAPACITY,
                page=event,
                details={
                    "detail": f"{before} → {capacity} places; {offered} offered from the waiting "
                    "list"
                },
            )
    return places


def register_someone(event: EventPage, applicant: Applicant, *, by, now=None) -> Registration:
    """An officer registers someone (a place, or the waiting list when full), perhaps by
    telephone for someone without email, who is then on the officers' telephone list."""
    _require_officer(by)
    if not applicant.email.strip() and not applicant.telephone.strip():
        raise NoWayToContact()
    registration = register_for_event(event, applicant, join_waiting_list_if_full=True, now=now)
    record_access(by, Action.REGISTERED, page=event, subject=registration)
    return registration


def registration_of(event: EventPage, registration_id) -> Registration:
    """A registration of this event, by id from an officer's screen; never another event's."""
    registration = Registration.objects.filter(pk=registration_id, event=event).first()
    if registration is None:
        raise RegistrationNotFound()
    return registration


def check_in(registration: Registration, *, by, now=None) -> Registration:
    if registration.status != Status.CONFIRMED:
        raise OfferNotAvailable(f"{registration.name} does not hold a confirmed place.")
    if registration.checked_in_at is None:
        registration.checked_in_at = now or timezone.now()
        registration.save(update_fields=["checked_in_at"])
        record_access(by, Action.CHECKED_IN, page=registration.event, subject=registration)
    return registration


def cancel_by_officer(registration: Registration, *, by, note: str, now=None) -> Registration:
    _require_officer(by)
    return cancel_registration(registration, by=by, note=note, now=now)


def move_registration(
    registration: Registration, to_event: EventPage, *, by, note: str, now=None
) -> Registration:
    """Move someone to another event: a place there (never over its capacity), their answers
    and needs with them, and their place here passed on. Refused if the other event is full."""
    _require_officer(by)
    now = now or timezone.now()
    if to_event.pk == registration.event_id:
        raise RegistrationNotFound("Choose a different event to move this registration to.")
    with transaction.atomic():
        if active_registration(to_event, registration.email, registration.user) is not None:
            raise AlreadyRegistered(
                f"{registration.name} is already registered for {to_event.title}."
            )
        if not _take_place(to_event.pk):
            raise EventFull(f"{to_event.title} has no places left: nothing has been changed.")
        moved = Registration.objects.create(
            event=to_event,
            user=registration.user,
            name=registration.name,
            email=registration.email,
            answers=registration.answers,
            status=Status.CONFIRMED,
            created_at=now,
            confirmed_at=now,
            officer_note=note,
        )
        needs = RegistrationNeeds.objects.filter(registration=registration).first()
        if needs is not None:
            RegistrationNeeds.objects.create(
                registration=moved,
                access_needs=needs.access_needs,
                dietary_needs=needs.dietary_needs,
                consent_given_at=needs.consent_given_at,
            )
        cancel_registration(registration, now=now, note=f"Moved to {to_event.title}. {note}")
        record_access(
            by,
            Action.MOVED,
            page=registration.event,
            subject=registration,
            details={"detail": note},
        )
        record_access(by, Action.MOVED, page=to_event, subject=moved, details={"detail": note})
        _send_after_commit(moved, "confirmed")
    return moved


# --- Special-category data ------------------------------------------------------------------


def erase_needs_after_events(now: datetime.datetime | None = None) -> int:
    """The scheduler's job: access and dietary needs are deleted KCP_EVENT_NEEDS_KEPT_DAYS
    after their event ends. Returns how many registrations' needs were deleted."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.KCP_EVENT_NEEDS_KEPT_DAYS)
    due = RegistrationNeeds.objects.filter(registration__event__end__lt=cutoff)
    counts = {}
    for event_id in due.values_list("registration__event_id", flat=True):
        counts[event_id] = counts.get(event_id, 0) + 1
    with transaction.atomic():
        deleted, _ = due.delete()
        for event_id, count in counts.items():
            record_access(
                None,
                Action.NEEDS_ERASED,
                page=EventPage.objects.filter(pk=event_id).first(),
                count=count,
            )
    return deleted
