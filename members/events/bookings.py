"""A person's own bookings ("Your bookings" on the dashboard and on an event's page): each
registration with what it is now (a place, a turn on the waiting list and its position, an
offer awaiting an answer, or cancelled) and its signed link to view or cancel it."""

import dataclasses

from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .links import leave_path, registration_path
from .models import EventPage, Registration

Status = Registration.Status


@dataclasses.dataclass(frozen=True)
class Booking:
    registration: Registration
    position: int | None

    @property
    def event(self) -> EventPage:
        return self.registration.event

    @property
    def link(self) -> str:
        return registration_path(self.registration)

    @property
    def leave_link(self) -> str:
        return leave_path(self.registration)

    @property
    def summary(self) -> str:
        status = self.registration.status
        if status == Status.CONFIRMED:
            return "Registered: your place is confirmed"
        if status == Status.WAITING:
            return f"On the waiting list: number {self.position}"
        if status == Status.OFFERED:
            expires = timezone.localtime(self.registration.offer_expires_at)
            return f"A place is offered to you: accept it by {expires:%-d %B %Y, %H:%M}"
        if status == Status.OFFER_EXPIRED:
            return "Cancelled: the offer of a place ran out"
        if status == Status.OFFER_DECLINED:
            return "Cancelled: you turned down the place offered"
        return "Cancelled"


def _with_positions(registrations):
    """Each registration with how many wait ahead of it (one subquery, not one per row)."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Status.WAITING)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(ahead=Coalesce(Subquery(ahead), Value(0)))


def _bookings(registrations) -> list[Booking]:
    return [
        Booking(r, r.ahead + 1 if r.status == Status.WAITING else None)
        for r in _with_positions(registrations.select_related("event"))
    ]


def bookings_of(user, now=None) -> list[Booking]:
    """The person's bookings for events not yet over, soonest first: two queries whatever
    their number. Away-day answers have their own panel."""
    if not user.is_authenticated:
        return []
    registrations = Registration.objects.filter(
        user=user, reply="", event__end__gte=now or timezone.now()
    ).order_by("event__start", "-created_at", "-pk")
    return _bookings(registrations)


def booking_for(user, event: EventPage) -> Booking | None:
    """The person's latest booking for this event, or None."""
    if not user.is_authenticated:
        return None
    registrations = Registration.objects.filter(user=user, event=event, reply="").order_by(
        "-created_at", "-pk"
    )[:1]
    bookings = _bookings(registrations)
    return bookings[0] if bookings else None
