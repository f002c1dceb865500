"""Steering Group seats and the role they give: whoever holds a current seat is in the
Steering Group members' group, and nobody else is. Wagtail's view restrictions check that
group, so a seat's change reaches every restricted page and document at once."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import SteeringGroupSeat
from .page_cache import start_new_generation
from .roles import STEERING_GROUP_MEMBERS


@transaction.atomic
def sync_steering_group_role(on: datetime.date | None = None) -> tuple[int, int]:
    """Make the Steering Group members' group exactly the people holding a seat on the day
    (today by default). Someone added to the group by hand, without a seat, is taken out: the
    seats are the record. Returns how many people were (added, removed)."""
    group, _ = Group.objects.get_or_create(name=STEERING_GROUP_MEMBERS)
    holders = set(
        SteeringGroupSeat.objects.current(on)
        .filter(person__is_active=True)
        .values_list("person_id", flat=True)
    )
    members = set(group.user_set.values_list("pk", flat=True))
    to_add, to_remove = holders - members, members - holders
    if to_add:
        group.user_set.add(*to_add)
    if to_remove:
        group.user_set.remove(*to_remove)
    if to_add or to_remove:
        # The Steering Group's public page lists current members.
        start_new_generation()
    return len(to_add), len(to_remove)


def current_members():
    """Current seat holders, for the public Steering Group page: names and organisations."""
    return (
        SteeringGroupSeat.objects.current()
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__last_name", "person__first_name")
    )


def _resync_after_seat_change(sender, instance, **kwargs) -> None:
    sync_steering_group_role()


def _resync_after_account_change(sender, instance, update_fields=None, **kwargs) -> None:
    """A deactivated account loses the role with its seats (a sign-in, which saves only
    last_login, costs nothing here)."""
    if update_fields is not None and "is_active" not in update_fields:
        return
    if instance.steering_group_seats.exists():
        sync_steering_group_role()


def connect_signals() -> None:
    post_save.connect(_resync_after_seat_change, sender=SteeringGroupSeat)
    post_delete.connect(_resync_after_seat_change, sender=SteeringGroupSeat)
    post_save.connect(_resync_after_account_change, sender=get_user_model())
