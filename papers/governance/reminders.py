"""Reminders of the meeting cycle, run by the scheduler (send_governance_reminders) and sent
through the outbox.

The days are the site setting `MeetingCycleSettings` (Settings > Meeting cycle):
- A draft agenda not yet agreed: the Agenda Planning Group and the officers are reminded on
  each of its agenda reminder days before the meeting (default 21 and 15).
- An open action whose owner has an email address: the owner is reminded on its days before
  the action is due (default 7) and after (default 1 and 14). Owners without an address are
  listed for officers to telephone.

Each reminder's outbox key names the record, the planned day and the recipient, so it goes
once however often the job runs; when the job missed a planned day it sends only the latest
one that has come, never a burst of stale ones."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from home.outbox import queue_templated_email
from home.roles import AGENDA_PLANNING_GROUP, PARTNERSHIP_OFFICERS

from .agendas import agreement_due
from .models import Action, DraftAgenda, MeetingCycleSettings


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _latest_due(days: tuple[int, ...], date, now, *, counting_after: bool = False) -> int | None:
    """Of the planned days before `date` (or after it), the latest whose moment `now` has
    reached: the fewest days before the date, or the most days after it."""
    sign = 1 if counting_after else -1
    due = [day for day in days if now >= date + sign * datetime.timedelta(days=day)]
    if not due:
        return None
    return max(due) if counting_after else min(due)


def agenda_reviewers():
    return (
        get_user_model()
        .objects.filter(
            groups__name__in=[AGENDA_PLANNING_GROUP, PARTNERSHIP_OFFICERS], is_active=True
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def remind_about_agendas(now: datetime.datetime | None = None) -> int:
    """Queue each reminder due of the draft agendas still to be agreed; how many queued."""
    now = now or timezone.now()
    drafts = DraftAgenda.objects.filter(
        meeting__start__gt=now, agreements__isnull=True
    ).select_related("meeting")
    cycle = MeetingCycleSettings.current()
    days = cycle.agenda_reminders
    reviewers = list(agenda_reviewers())
    queued = 0
    for draft in drafts:
        meeting = draft.meeting
        day = _latest_due(days, meeting.start, now)
        if day is None:
            continue
        due_at = agreement_due(meeting, cycle.agreement_days)
        edit_url = site_url(reverse("wagtailsnippets_governance_draftagenda:edit", args=[draft.pk]))
        for person in reviewers:
            queued += bool(
                queue_templated_email(
                    kind="agenda_reminder",
                    to=[person.email],
                    template="governance/email/agenda_reminder",
                    context={
                        "meeting": meeting,
                        "due_at": timezone.localtime(due_at),
                        "days": day,
                        "edit_url": edit_url,
                    },
                    idempotency_key=f"governance:agenda:{draft.pk}:{day}d:{person.pk}",
                )
            )
    return queued


def remind_action_owners(today: datetime.date | None = None) -> int:
    """Queue each reminder due to the owners of open actions; how many queued."""
    today = today or timezone.localdate()
    cycle = MeetingCycleSettings.current()
    before, after = cycle.action_reminders_before, cycle.action_reminders_overdue
    actions = (
        Action.objects.open()
        .filter(owner__isnull=False, due_on__isnull=False)
        .exclude(owner__email="")
        .select_related("owner", "meeting")
    )
    queued = 0
    for action in actions:
        if today > action.due_on:
            day = _latest_due(after, action.due_on, today, counting_after=True)
            moment = f"overdue-{day}"
        else:
            day = _latest_due(before, action.due_on, today)
            moment = f"before-{day}"
        if day is None:
            continue
        queued += bool(
            queue_templated_email(
                kind="action_reminder",
                to=[action.owner.email],
                template="governance/email/action_reminder",
                context={
                    "action": action,
                    "is_overdue": today > action.due_on,
                    "progress_url": site_url(reverse("governance_post_progress", args=[action.pk])),
                },
                idempotency_key=f"governance:action:{action.pk}:{moment}:{action.owner.email}",
            )
        )
    return queued


def owners_to_telephone(today: datetime.date | None = None):
    """Open actions due within the reminder window, or overdue, whose owner has no email
    address: officers ring them."""
    today = today or timezone.localdate()
    window = max(MeetingCycleSettings.current().action_reminders_before, default=0)
    return (
        Action.objects.open()
        .filter(owner__email="", due_on__lte=today + datetime.timedelta(days=window))
        .select_related("owner", "meeting")
        .order_by("due_on", "pk")
    )
