"""What people do with event registrations: register, cancel, accept an offered place, and
the scheduler's expiry of offers. The rules that keep places right are in `places`; what
officers do is in `officer_services`."""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from home.audit import record_access

from .audit import Action
from .exceptions import (
    AlreadyLeft,
    AlreadyRegistered,
    EventFull,
    NeedsWithoutConsent,
    NotOnWaitingList,
    OfferExpired,
    OfferNotAvailable,
    RegistrationClosed,
    WaitingListClosed,
)
from .models import EventPage, Registration, RegistrationNeeds
from .places import (
    _lock_places,
    _pass_place_on,
    _send_after_commit,
    _take_place,
    waiting_list_position,
)

Status = Registration.Status


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
    telephone: str = ""

    @property
    def has_needs(self) -> bool:
        return bool(self.access_needs.strip() or self.dietary_needs.strip())


# --- Registering ----------------------------------------------------------------------------


def active_registration(event: EventPage, email: str, user=None) -> Registration | None:
    # Someone registered by an officer without an email address matches nobody by email.
    match = Q(email__iexact=email.strip()) if email.strip() else Q(pk__in=[])
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
    it and the waiting list is open, or EventFull / WaitingListClosed (nothing saved). Closed
    events, a second registration of the same person and needs without consent are refused
    with nothing saved."""
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
            if not has_place and not event.is_waiting_list_open(now):
                raise WaitingListClosed()
            registration = Registration.objects.create(
                event=event,
                user=user,
                name=applicant.name.strip(),
                email=email,
                telephone=applicant.telephone.strip(),
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
            record_access(
                by, Action.CANCELLED, page=current.event, subject=current, details={"detail": note}
            )
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


def decline_offer(registration: Registration, *, now=None) -> Registration:
    """Turn down an offered place: it goes at once to the next person waiting. Declining
    again changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_places(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.OFFER_DECLINED:
            return current
        if current.status != Status.OFFERED:
            raise OfferNotAvailable()
        current.status = Status.OFFER_DECLINED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        _pass_place_on(current.event_id, now)
        _send_after_commit(current, "cancelled")
    return current


def leave_waiting_list(registration: Registration, *, now=None) -> Registration:
    """The waiting list's own link: leave it (those behind move up), or turn down the place
    offered meanwhile. AlreadyLeft when used again; NotOnWaitingList for a confirmed place."""
    current = Registration.objects.get(pk=registration.pk)
    if current.status == Status.CONFIRMED:
        raise NotOnWaitingList()
    if current.status == Status.OFFERED:
        return decline_offer(current, now=now)
    if current.status != Status.WAITING:
        raise AlreadyLeft()
    return cancel_registration(current, now=now)


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
