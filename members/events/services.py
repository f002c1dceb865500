"""What people and officers do with event registrations: register, cancel, accept an offered
place, and what officers do (places, check-in, moving and cancelling with a note).

The rules that keep places right:
- `EventPlaces.taken` counts places confirmed or held for an offer. A place is taken only by
  `UPDATE … SET taken = taken + 1 WHERE taken < capacity` (`_take_place`): PostgreSQL
  re-checks the condition on the newest row after waiting for a concurrent update, so two
  people can never both get the last place.
- Everything that gives a place back or passes it on (cancelling, an offer running out,
  officers changing places) first locks the event's places row (`SELECT … FOR UPDATE`), so
  the first person waiting is chosen by one transaction at a time: nobody is offered twice.
- A freed place goes to the first person waiting (oldest first), held for them for
  KCP_EVENT_OFFER_HOLD_MS; it stays counted in `taken` while offered.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import GroupPagePermission

from home.roles import PARTNERSHIP_OFFICERS

from . import emails
from .exceptions import (
    AlreadyRegistered,
    CapacityBelowTaken,
    EventFull,
    NeedsWithoutConsent,
    NotAllowed,
    OfferExpired,
    OfferNotAvailable,
    RegistrationClosed,
    RegistrationNotFound,
)
from .models import (
    EventPage,
    EventPlaces,
    PersonalDataAuditEntry,
    Registration,
    RegistrationNeeds,
)

Status = Registration.Status
Action = PersonalDataAuditEntry.Action


@dataclasses.dataclass(frozen=True)
class Applicant:
    """What a person gives when they register."""

    name: str
    email: str
    answers: list[dict] = dataclasses.field(default_factory=list)
    access_needs: str = ""
    dietary_needs: str = ""
    has_consented_to_needs: bool = False
    user: object = None

    @property
    def has_needs(self) -> bool:
        return bool(self.access_needs.strip() or self.dietary_needs.strip())


def offer_hold() -> datetime.timedelta:
    return datetime.timedelta(milliseconds=settings.KCP_EVENT_OFFER_HOLD_MS)


# --- Who may see what ---------------------------------------------------------------------


def is_partnership_officer(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=PARTNERSHIP_OFFICERS).exists()
    )


def is_lead_officer_for(user, event: EventPage) -> bool:
    """A lead officer of the group that runs the event: someone holding edit rights on that
    group's own page (how themegroups provisions lead officers)."""
    return bool(
        user.is_authenticated
        and event.run_by_id
        and GroupPagePermission.objects.filter(
            group__user=user, page_id=event.run_by_id, permission__codename="change_page"
        ).exists()
    )


def may_manage(user, event: EventPage) -> bool:
    return is_partnership_officer(user) or is_lead_officer_for(user, event)


def events_managed_by(user):
    events = EventPage.objects.order_by("-start").select_related("places")
    if is_partnership_officer(user):
        return events
    run_by = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values("page_id")
    return events.filter(run_by__in=run_by)


def record(actor, action, event, registration=None, *, included_needs=False, detail=""):
    return PersonalDataAuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        event=event,
        registration=registration,
        included_needs=included_needs,
        detail=detail,
    )


# --- Places ---------------------------------------------------------------------------------


def _take_place(event_id: int) -> bool:
    """Take one place if any is left: one conditional UPDATE, true when it took one."""
    return (
        EventPlaces.objects.filter(event_id=event_id, taken__lt=F("capacity")).update(
            taken=F("taken") + 1
        )
        == 1
    )


def _lock_places(event_id: int) -> EventPlaces:
    places, _ = EventPlaces.objects.get_or_create(event_id=event_id)
    return EventPlaces.objects.select_for_update().get(pk=places.pk)


def _first_waiting(event_id: int) -> Registration | None:
    return (
        Registration.objects.select_for_update()
        .filter(event_id=event_id, status=Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )


def _offer(registration: Registration, now: datetime.datetime) -> None:
    registration.status = Status.OFFERED
    registration.offered_at = now
    registration.offer_expires_at = now + offer_hold()
    registration.save(update_fields=["status", "offered_at", "offer_expires_at"])
    _send_after_commit(registration, "offered")


def _pass_place_on(event_id: int, now: datetime.datetime) -> Registration | None:
    """A held place is free (the places row is locked): offer it to the first person waiting,
    or give it back. Returns whoever was offered it."""
    waiting = _first_waiting(event_id)
    if waiting is not None:
        _offer(waiting, now)
        return waiting
    EventPlaces.objects.filter(event_id=event_id).update(taken=F("taken") - 1)
    return None


def _offer_free_places(places: EventPlaces, now: datetime.datetime) -> int:
    """Offer every free place to those waiting, first come first served (row locked)."""
    offered = 0
    while places.taken < places.capacity:
        waiting = _first_waiting(places.event_id)
        if waiting is None:
            break
        _offer(waiting, now)
        places.taken += 1
        offered += 1
    EventPlaces.objects.filter(pk=places.pk).update(taken=places.taken)
    return offered


def _send_after_commit(registration: Registration, kind: str) -> None:
    registration_id = registration.pk
    transaction.on_commit(lambda: emails.send_registration_email(registration_id, kind))


def waiting_list_position(registration: Registration) -> int:
    waiting = Registration.objects.filter(event_id=registration.event_id, status=Status.WAITING)
    ahead = waiting.filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


# --- Registering ----------------------------------------------------------------------------


def active_registration(event: EventPage, email: str, user=None) -> Registration | None:
    match = Q(email__iexact=email.strip())
    if user is not None and user.is_authenticated:
        match |= Q(user=user)
    return Registration.objects.filter(match, event=event, status__in=Registration.ACTIVE).first()


def register_for_event(
    event: EventPage,
    applicant: Applicant,
    *,
    join_waiting_list_if_full: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """A place if one is left; otherwise a turn on the waiting list when the person asked for
    it, or EventFull (nothing saved). Closed events, a second registration of the same person
    and needs without consent are refused with nothing saved."""
    now = now or timezone.now()
    if not event.is_taking_registrations(now):
        raise RegistrationClosed()
    if applicant.has_needs and not applicant.has_consented_to_needs:
        raise NeedsWithoutConsent()
    email = applicant.email.strip().lower()
    user = applicant.user if getattr(applicant.user, "is_authenticated", False) else None
    if active_registration(event, email, user) is not None:
        raise AlreadyRegistered()
    try:
        with transaction.atomic():
            has_place = _take_place(event.pk)
            if not has_place and not join_waiting_list_if_full:
                raise EventFull()
            registration = Registration.objects.create(
                event=event,
                user=user,
                name=applicant.name.strip(),
                email=email,
                answers=applicant.answers,
                status=Status.CONFIRMED if has_place else Status.WAITING,
                created_at=now,
                confirmed_at=now if has_place else None,
            )
            if applicant.has_needs:
                RegistrationNeeds.objects.create(
                    registration=registration,
                    access_needs=applicant.access_needs.strip(),
                    dietary_needs=applicant.dietary_needs.strip(),
                    consent_given_at=now,
                )
            _send_after_commit(registration, "confirmed" if has_place else "waiting")
    except IntegrityError as error:
        # The same person registering twice at the same moment: the unique constraint on
        # active registrations lets one through, and the place the other took is rolled back.
        raise AlreadyRegistered() from error
    return registration


def outcome_message(registration: Registration) -> str:
    """What the person is told once their registration is saved."""
    if registration.status == Status.CONFIRMED:
        return (
            f"Your place at {registration.event.title} is confirmed. We have emailed "
            f"{registration.email} the details and a link to cancel if you cannot come."
        )
    if registration.status == Status.WAITING:
        return (
            f"All places are taken, so you are number {waiting_list_position(registration)} on "
            f"the waiting list. If a place comes free we will email {registration.email} and "
            "hold it for you for a while."
        )
    return registration.get_status_display()


# --- Cancelling and offers ------------------------------------------------------------------


def cancel_registration(
    registration: Registration, *, by=None, note: str = "", now=None
) -> Registration:
    """Cancel a place or a turn on the waiting list; a freed place goes to the first person
    waiting. Cancelling what is already cancelled changes nothing (a link used twice)."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_places(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            return current
        held_a_place = current.status in Registration.HOLDS_A_PLACE
        current.status = Status.CANCELLED
        current.cancelled_at = now
        if note:
            current.officer_note = note
        current.save(update_fields=["status", "cancelled_at", "officer_note"])
        if held_a_place:
            _pass_place_on(current.event_id, now)
        if by is not None:
            record(by, Action.CANCELLED, current.event, current, detail=note)
        _send_after_commit(current, "cancelled")
    return current


def accept_offer(registration: Registration, *, now=None) -> Registration:
    """Confirm an offered place while the offer stands; an offer accepted too late is refused
    (and passed on at once if the scheduler has not yet done so)."""
    now = now or timezone.now()
    expired = False
    with transaction.atomic():
        _lock_places(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.CONFIRMED:
            return current
        if current.status == Status.OFFER_EXPIRED:
            expired = True
        elif current.status != Status.OFFERED:
            raise OfferNotAvailable()
        elif current.offer_expires_at <= now:
            _expire_offer(current, now)
            expired = True
        else:
            current.status = Status.CONFIRMED
            current.confirmed_at = now
            current.save(update_fields=["status", "confirmed_at"])
            _send_after_commit(current, "confirmed")
    if expired:
        raise OfferExpired()
    return current


def _expire_offer(registration: Registration, now) -> None:
    registration.status = Status.OFFER_EXPIRED
    registration.save(update_fields=["status"])
    _pass_place_on(registration.event_id, now)


def expire_offers(now: datetime.datetime | None = None) -> int:
    """The scheduler's job: offers not accepted in time pass to the next person waiting.
    Each in its own transaction under the event's lock; returns how many expired."""
    now = now or timezone.now()
    due = list(
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .order_by("offer_expires_at", "pk")
        .values_list("pk", "event_id")
    )
    expired = 0
    for registration_id, event_id in due:
        with transaction.atomic():
            _lock_places(event_id)
            current = Registration.objects.select_for_update().get(pk=registration_id)
            if current.status == Status.OFFERED and current.offer_expires_at <= now:
                _expire_offer(current, now)
                expired += 1
    return expired


# --- Officers -------------------------------------------------------------------------------


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
            record(
                by,
                Action.CAPACITY,
                event,
                detail=f"{before} → {capacity} places; {offered} offered from the waiting list",
            )
    return places


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
        record(by, Action.CHECKED_IN, registration.event, registration)
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
        record(by, Action.MOVED, registration.event, registration, detail=note)
        record(by, Action.MOVED, to_event, moved, detail=note)
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
            PersonalDataAuditEntry.objects.create(
                action=Action.NEEDS_ERASED,
                event_id=event_id,
                detail=f"{count} registrations' access and dietary needs deleted",
            )
    return deleted
