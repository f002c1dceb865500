"""An event's places and its waiting list: taking a place, passing a freed place on, offers.

The rules that keep places right:
- `EventPlaces.taken` counts places confirmed or held for an offer. A place is taken only by
  `UPDATE … SET taken = taken + 1 WHERE taken < capacity` (`_take_place`): PostgreSQL
  re-checks the condition on the newest row after waiting for a concurrent update, so two
  people can never both get the last place.
- Everything that gives a place back or passes it on (cancelling, an offer running out,
  officers changing places) first locks the event's places row (`SELECT … FOR UPDATE`), so
  the first person waiting is chosen by one transaction at a time: nobody is offered twice.
- A freed place goes to the first person waiting (oldest first), held for them for
  KCP_EVENT_OFFER_HOLD_MS; it stays counted in `taken` while offered. After the waiting list
  closes, the offer ends no later than KCP_EVENT_LAST_OFFER_HOURS before the start; when even
  that has passed, the place is given back instead of offered.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q

from . import emails
from .models import EventPage, EventPlaces, Registration

Status = Registration.Status


def offer_hold() -> datetime.timedelta:
    return datetime.timedelta(milliseconds=settings.KCP_EVENT_OFFER_HOLD_MS)


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


def offer_ends_at(event: EventPage, now: datetime.datetime) -> datetime.datetime | None:
    """When an offer made now ends: the usual hold, cut short once the waiting list has closed.
    None when no offer could be held any more before the event."""
    ends = now + offer_hold()
    if not event.is_waiting_list_open(now):
        last = event.start - datetime.timedelta(hours=settings.KCP_EVENT_LAST_OFFER_HOURS)
        ends = min(ends, last)
    return ends if ends > now else None


def _event_times(event_id: int) -> EventPage:
    return EventPage.objects.only("start", "waiting_list_closes").get(pk=event_id)


def _offer(registration: Registration, now: datetime.datetime, ends: datetime.datetime) -> None:
    registration.status = Status.OFFERED
    registration.offered_at = now
    registration.offer_expires_at = ends
    registration.save(update_fields=["status", "offered_at", "offer_expires_at"])
    _send_after_commit(registration, "offered")


def _pass_place_on(event_id: int, now: datetime.datetime) -> Registration | None:
    """A held place is free (the places row is locked): offer it to the first person waiting,
    or give it back. Returns whoever was offered it."""
    ends = offer_ends_at(_event_times(event_id), now)
    waiting = _first_waiting(event_id) if ends else None
    if waiting is not None:
        _offer(waiting, now, ends)
        return waiting
    EventPlaces.objects.filter(event_id=event_id).update(taken=F("taken") - 1)
    return None


def _offer_free_places(places: EventPlaces, now: datetime.datetime) -> int:
    """Offer every free place to those waiting, first come first served (row locked)."""
    offered = 0
    ends = offer_ends_at(_event_times(places.event_id), now)
    while ends and places.taken < places.capacity:
        waiting = _first_waiting(places.event_id)
        if waiting is None:
            break
        _offer(waiting, now, ends)
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
