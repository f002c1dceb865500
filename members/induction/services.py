"""Induction: keeping the section and its documents for the Steering Group only, marking
modules done, officers' view of everyone's progress, and reminders about members who have
not started."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from home.audit import record_access
from home.models import SteeringGroupSeat
from home.outbox import queue_templated_email
from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS
from home.site_address import absolute_url
from members.audit.actions import Action
from members.exceptions import NotASteeringGroupMember, UnknownModule
from members.induction.models import INDUCTION_COLLECTION_NAME
from members.models import (
    InductionIndexPage,
    InductionModulePage,
    InductionReminder,
    ModuleCompletion,
)


def _steering_group() -> Group:
    return Group.objects.get_or_create(name=STEERING_GROUP_MEMBERS)[0]


def induction_collection() -> Collection:
    """The collection for the induction's documents, only the Steering Group may open."""
    collection = Collection.objects.filter(name=INDUCTION_COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=INDUCTION_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set([_steering_group()])
    return collection


@transaction.atomic
def keep_induction_restricted(index: InductionIndexPage) -> None:
    """The induction section and its documents are for the Steering Group members' group
    only, whatever was changed in the admin's privacy setting."""
    restrictions = PageViewRestriction.objects.filter(page=index)
    restriction = restrictions.filter(
        restriction_type=BaseViewRestriction.GROUPS
    ).first() or PageViewRestriction.objects.create(
        page=index, restriction_type=BaseViewRestriction.GROUPS
    )
    restrictions.exclude(pk=restriction.pk).delete()
    restriction.groups.set([_steering_group()])
    induction_collection()


def _is_steering_group_member(member) -> bool:
    return member.is_authenticated and (member.groups.filter(name=STEERING_GROUP_MEMBERS).exists())


@transaction.atomic
def mark_module_done(member, module_id: int) -> ModuleCompletion:
    """Record that `member` finished the module; done again after an update, it counts from
    now. Only Steering Group members, only live modules."""
    if not _is_steering_group_member(member):
        raise NotASteeringGroupMember(
            "Only Steering Group members take the induction. If you have just joined, ask "
            "the Partnership team to record your seat."
        )
    module = InductionModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        raise UnknownModule(
            "That induction module does not exist or has been withdrawn: choose one from "
            "your induction list."
        )
    completion, created = ModuleCompletion.objects.get_or_create(
        member=member, module=module, defaults={"completed_at": timezone.now()}
    )
    if not created:
        completion.completed_at = timezone.now()
        completion.save(update_fields=["completed_at"])
    return completion


@dataclass(frozen=True)
class MemberProgress:
    """One current Steering Group member's induction, as officers see it."""

    seat: SteeringGroupSeat
    started_at: datetime.datetime | None
    last_done_at: datetime.datetime | None
    done_count: int
    total: int


PROGRESS_VIEWED_ACTION = Action.VIEWED_INDUCTION_PROGRESS


def progress_of_every_member(viewed_by=None) -> list[MemberProgress]:
    """Every current seat holder with their joining date, when they started (finished their
    first module), and how far they are. Three queries however many members or modules, and
    one audit-log entry per member when an officer views it (progress is personal data)."""
    total = InductionModulePage.objects.live().count()
    seats = list(SteeringGroupSeat.objects.current().select_related("person", "organisation"))
    figures = {
        row["member_id"]: row
        for row in ModuleCompletion.objects.filter(
            member_id__in=[seat.person_id for seat in seats], module__live=True
        )
        .values("member_id")
        .annotate(done=Count("id"), started=Min("completed_at"), last=Max("completed_at"))
    }
    rows = []
    for seat in seats:
        row = figures.get(seat.person_id, {})
        rows.append(
            MemberProgress(
                seat=seat,
                started_at=row.get("started"),
                last_done_at=row.get("last"),
                done_count=row.get("done", 0),
                total=total,
            )
        )
        if viewed_by is not None:
            record_access(viewed_by, PROGRESS_VIEWED_ACTION, subject=seat)
    return sorted(rows, key=lambda r: (r.seat.person.last_name, r.seat.person.first_name))


def members_not_started(now: datetime.datetime | None = None) -> list[SteeringGroupSeat]:
    """Seats held for more than KCP_INDUCTION_REMINDER_DAYS whose holder has finished no
    module and about whom officers have not been told yet."""
    now = now or timezone.now()
    cut_off = timezone.localdate(now) - datetime.timedelta(
        days=settings.KCP_INDUCTION_REMINDER_DAYS
    )
    if not InductionModulePage.objects.live().exists():
        return []
    return list(
        SteeringGroupSeat.objects.current(timezone.localdate(now))
        .filter(joined__lte=cut_off, person__is_active=True)
        .exclude(person__induction_completions__isnull=False)
        .exclude(person__induction_reminder__isnull=False)
        .select_related("person", "organisation")
        .order_by("joined")
    )


@transaction.atomic
def remind_officers_about_members_not_started(now: datetime.datetime | None = None) -> int:
    """Queue, through the outbox, one email to the Partnership officers naming the members
    who have not started the induction. Each member is recorded in the same transaction, so
    a second run tells nobody twice. Returns how many members the email names."""
    now = now or timezone.now()
    named = []
    for seat in members_not_started(now):
        _, created = InductionReminder.objects.get_or_create(
            member=seat.person, defaults={"sent_at": now}
        )
        if created:
            named.append(seat)
    officers = (
        list(
            Group.objects.get(name=PARTNERSHIP_OFFICERS)
            .user_set.filter(is_active=True)
            .values_list("email", flat=True)
        )
        if named
        else []
    )
    if named and officers:
        queue_templated_email(
            kind="Induction not started",
            to=officers,
            template="members/email/induction_reminder",
            context={
                "seats": named,
                "days": settings.KCP_INDUCTION_REMINDER_DAYS,
                "progress_url": absolute_url(reverse("members_induction_progress")),
            },
            idempotency_key="induction-not-started:"
            + ",".join(str(seat.person_id) for seat in named),
        )
    return len(named)
