"""Membership figures: joins and leaves counted by month (in total, by kind of member, route and
interest) as they happen, so the figures survive erasure; the series officers read; and the
rounded number of members the home and join pages may show.

A join counts when a membership starts: an online member confirms their email address, or an
officer adds a postal member. A leave counts when an active or paused member leaves, or is
erased without leaving first (so net stays true after an erasure)."""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from members.models import Member

from .models import MemberCount, MembershipTally

Movement = MembershipTally.Movement
Dimension = MembershipTally.Dimension
COUNTED_STATUSES = (Member.Status.ACTIVE, Member.Status.PAUSED)


def month_of(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment).replace(day=1)


def _add(month: datetime.date, movement: str, dimension: str, value: str) -> None:
    tally, _ = MembershipTally.objects.get_or_create(
        month=month, movement=movement, dimension=dimension, value=value
    )
    MembershipTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)


@transaction.atomic
def count_movement(member: Member, movement: str, at: datetime.datetime) -> None:
    """One join or leave, in every dimension: no name, no number, only counts."""
    month = month_of(at)
    _add(month, movement, Dimension.ALL, "")
    _add(month, movement, Dimension.KIND, member.kind)
    _add(month, movement, Dimension.ROUTE, "post" if member.is_postal else "email")
    for slug in member.interests.values_list("slug", flat=True):
        _add(month, movement, Dimension.INTEREST, slug)


# --- The series -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MonthFigures:
    month: datetime.date
    joined: int
    left: int

    @property
    def net(self) -> int:
        return self.joined - self.left


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def monthly(dimension: str = Dimension.ALL, value: str = "") -> list[MonthFigures]:
    """Joined and left in each month from the first counted to this one, empty months shown.
    One query."""
    rows = (
        MembershipTally.objects.filter(dimension=dimension, value=value)
        .values("month", "movement")
        .annotate(total=Sum("count"))
    )
    totals = {(row["month"], row["movement"]): row["total"] for row in rows}
    if not totals:
        return []
    first = min(month for month, _ in totals)
    last = max(max(month for month, _ in totals), timezone.localdate().replace(day=1))
    return [
        MonthFigures(
            month=month,
            joined=totals.get((month, Movement.JOINED), 0),
            left=totals.get((month, Movement.LEFT), 0),
        )
        for month in months_between(first, last)
    ]


@dataclasses.dataclass(frozen=True)
class Breakdown:
    value: str
    joined: int
    left: int

    @property
    def net(self) -> int:
        return self.joined - self.left


def breakdown(dimension: str) -> list[Breakdown]:
    """Joined, left and net for each value of a dimension (kind, route, interest), all time.
    One query."""
    rows = (
        MembershipTally.objects.filter(dimension=dimension)
        .values("value", "movement")
        .annotate(total=Sum("count"))
    )
    totals: dict[str, dict[str, int]] = {}
    for row in rows:
        totals.setdefault(row["value"], {})[row["movement"]] = row["total"]
    return [
        Breakdown(value=value, joined=counts.get("joined", 0), left=counts.get("left", 0))
        for value, counts in sorted(totals.items())
    ]


# --- "About N members" ------------------------------------------------------------------------


def rounded(count: int) -> int:
    """Down to two significant figures (157 -> 150, 1234 -> 1200): a figure that stays true
    for a while, and never claims more members than there are."""
    if count < 100:
        return count - count % 10 if count >= 10 else count
    step = 10 ** (len(str(count)) - 2)
    return count - count % step


def count_members(now: datetime.datetime | None = None) -> MemberCount:
    """The daily job: the number of active members, stored apart from every app whose rows
    forget cached pages, so it never invalidates the page cache; pages show it as they are
    next rendered."""
    return MemberCount.objects.create(
        counted_at=now or timezone.now(),
        active_members=Member.objects.filter(status=Member.Status.ACTIVE).count(),
    )


def members_to_show() -> int | None:
    """The rounded number of members, or None when never counted."""
    latest = MemberCount.objects.order_by("-counted_at", "-pk").first()
    return rounded(latest.active_members) if latest else None
