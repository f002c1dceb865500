"""Shadowing and meet-a-member: officers pair a new member with an existing one; both get
an introduction email; either marks the pairing done."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from home.models import SteeringGroupSeat
from home.outbox import queue_templated_email
from home.site_address import absolute_url
from members.exceptions import InvalidPairing
from members.models import Pairing


def _holds_seat(user) -> bool:
    return SteeringGroupSeat.objects.current().filter(person=user, person__is_active=True).exists()


def check_pairing(pairing: Pairing) -> None:
    """Raise InvalidPairing with what to change, before anything is saved."""
    if pairing.new_member_id == pairing.existing_member_id:
        raise InvalidPairing("Choose two different people: a new member and an existing one.")
    for person, role in ((pairing.new_member, "new"), (pairing.existing_member, "existing")):
        if not _holds_seat(person):
            raise InvalidPairing(
                f"{person} holds no current Steering Group seat. Record their seat first, "
                f"or choose another {role} member."
            )
    if pairing.kind == Pairing.Kind.SHADOWING and not pairing.meeting_id:
        raise InvalidPairing(
            "Shadowing happens at a meeting: choose the meeting, or pick “A conversation "
            "outside meetings”."
        )


@transaction.atomic
def arrange_pairing(pairing: Pairing, *, arranged_by) -> Pairing:
    """Save a new pairing and queue, in the same transaction, the email introducing each
    person to the other (each queued once, whatever happens after)."""
    check_pairing(pairing)
    pairing.arranged_by = arranged_by
    pairing.save()
    dashboard_url = absolute_url(reverse("members_dashboard"))
    for person in (pairing.new_member, pairing.existing_member):
        queue_templated_email(
            kind="Pairing introduction",
            to=[person.email],
            template="members/email/pairing_introduction",
            context={
                "pairing": pairing,
                "person": person,
                "other": pairing.other_than(person),
                "is_new_member": person.pk == pairing.new_member_id,
                "dashboard_url": dashboard_url,
            },
            idempotency_key=f"pairing:{pairing.pk}:introduction:{person.pk}",
        )
    return pairing


def pairings_of(user):
    """The pairings a person is in, either side."""
    return (
        Pairing.objects.filter(Q(new_member=user) | Q(existing_member=user))
        .select_related("new_member", "existing_member", "meeting")
        .order_by("completed_at", "-arranged_at")
    )


@transaction.atomic
def mark_pairing_done(user, pairing_id: int) -> Pairing:
    """Either person in the pairing may mark it done; for anybody else it does not exist."""
    pairing = pairings_of(user).select_for_update(of=("self",)).filter(pk=pairing_id).first()
    if pairing is None:
        raise InvalidPairing(
            "That pairing is not one of yours. Your pairings are listed on your dashboard."
        )
    if pairing.completed_at is None:
        pairing.completed_at = timezone.now()
        pairing.completed_by = user
        pairing.save(update_fields=["completed_at", "completed_by"])
    return pairing
