"""News and Views: lead officers send their group's news for a Steering Group meeting,
officers approve it, reminders go out before the deadline, and the agenda shows it."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from home.outbox import queue_templated_email
from home.roles import is_partnership_officer
from home.site_address import absolute_url
from papers.models import MeetingPage

from ..exceptions import (
    MeetingAlreadyHeld,
    NotALeadOfficer,
    NotAPartnershipOfficer,
    NotASteeringGroupMeeting,
)
from ..models import (
    GroupPage,
    LeadOfficerGroup,
    NewsAndViewsReminder,
    NewsAndViewsUpdate,
)
from .access import groups_led_by, is_lead_officer_of


def steering_group_meetings():
    """Meetings of the Steering Group (or groups) wherever the group page sits."""
    paths = list(
        GroupPage.objects.filter(kind=GroupPage.Kind.STEERING_GROUP).values_list("path", "depth")
    )
    if not paths:
        return MeetingPage.objects.none()
    condition = Q()
    for path, depth in paths:
        condition |= Q(path__startswith=path, depth=depth + 1)
    return MeetingPage.objects.filter(condition)


def news_and_views_deadline(meeting: MeetingPage) -> datetime.datetime:
    return meeting.start - datetime.timedelta(days=settings.KCP_NEWS_AND_VIEWS_DEADLINE_DAYS)


def upcoming_steering_group_meetings(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return (
        steering_group_meetings()
        .filter(start__gt=now)
        .exclude(status=MeetingPage.Status.CANCELLED)
        .order_by("start")
    )


@transaction.atomic
def submit_news_and_views(
    *,
    user,
    group: GroupPage,
    meeting: MeetingPage,
    text: str,
    presenter: str,
    now: datetime.datetime | None = None,
) -> NewsAndViewsUpdate:
    """A lead officer's update for their group at the next Steering Group meeting. Sending
    it again before the meeting replaces the earlier text."""
    now = now or timezone.now()
    if not (is_lead_officer_of(user, group) or is_partnership_officer(user)):
        raise NotALeadOfficer(
            f"Only lead officers of {group.title} can send its News and Views. Ask the "
            "Partnership team to add you as a lead officer."
        )
    if not steering_group_meetings().filter(pk=meeting.pk).exists():
        raise NotASteeringGroupMeeting(
            f"{meeting.title} is not a Steering Group meeting: News and Views go to the "
            "Steering Group. Choose one of its meetings."
        )
    if meeting.start <= now:
        raise MeetingAlreadyHeld(
            f"{meeting.title} has already taken place. Choose the next Steering Group meeting."
        )
    is_approved = (
        is_partnership_officer(user)
        or LeadOfficerGroup.objects.filter(page=group, is_trusted=True).exists()
    )
    update, _ = NewsAndViewsUpdate.objects.update_or_create(
        group=group,
        meeting=meeting,
        defaults={
            "text": text.strip(),
            "presenter": presenter.strip(),
            "submitted_by": user,
            "submitted_at": now,
            "approved_by": user if is_approved else None,
            "approved_at": now if is_approved else None,
        },
    )
    return update


def news_and_views_waiting_for_approval():
    return (
        NewsAndViewsUpdate.objects.filter(
            approved_at__isnull=True, meeting__start__gt=timezone.now()
        )
        .select_related("group", "meeting", "submitted_by")
        .order_by("meeting__start", "group__title")
    )


@transaction.atomic
def approve_news_and_views(*, user, update: NewsAndViewsUpdate) -> NewsAndViewsUpdate:
    """A Partnership officer puts a lead officer's update on the public agenda, as it reads
    now: the same review a lead officer's page goes through."""
    if not is_partnership_officer(user):
        raise NotAPartnershipOfficer(
            "Only Partnership officers approve News and Views. Your update waits for them."
        )
    update.approved_by = user
    update.approved_at = timezone.now()
    update.save(update_fields=["approved_by", "approved_at"])
    return update


def send_news_and_views_reminder(user, meeting: MeetingPage) -> None:
    """Queue the email reminding a lead officer that their group's News and Views update is
    due, in the outbox, inside the transaction that records the reminder: a failed send is
    retried, and a second run sends nothing."""
    queue_templated_email(
        kind="News and Views reminder",
        to=[user.email],
        template="themegroups/email/news_and_views_reminder",
        context={
            "person": user,
            "meeting": meeting,
            "groups": ", ".join(groups_led_by(user).values_list("title", flat=True)),
            "deadline": news_and_views_deadline(meeting),
            "form_url": absolute_url(reverse("themegroups_news_and_views")),
        },
        idempotency_key=f"news-and-views-reminder:{meeting.pk}:{user.pk}",
    )


@transaction.atomic
def remind_lead_officers_about_news_and_views(now: datetime.datetime | None = None) -> int:
    """Email each lead officer whose group has sent no update, once per meeting, from
    KCP_NEWS_AND_VIEWS_REMINDER_DAYS days before the deadline until the deadline. The
    reminder and its email (in the outbox) are recorded in one transaction, so a second run
    sends nothing and a failed send is retried. Returns how many were queued."""
    now = now or timezone.now()
    deadline_days = settings.KCP_NEWS_AND_VIEWS_DEADLINE_DAYS
    reminder_days = settings.KCP_NEWS_AND_VIEWS_REMINDER_DAYS
    meetings = upcoming_steering_group_meetings(now).filter(
        live=True,
        start__gt=now + datetime.timedelta(days=deadline_days),
        start__lte=now + datetime.timedelta(days=deadline_days + reminder_days),
    )
    User = get_user_model()
    queued = 0
    for meeting in meetings:
        answered = NewsAndViewsUpdate.objects.filter(meeting=meeting).values("group_id")
        already = NewsAndViewsReminder.objects.filter(meeting=meeting).values("user_id")
        unanswered = LeadOfficerGroup.objects.exclude(page_id__in=answered)
        people = (
            User.objects.filter(is_active=True, groups__lead_officer_group__in=unanswered)
            .exclude(pk__in=already)
            .distinct()
        )
        for person in people:
            NewsAndViewsReminder.objects.create(meeting=meeting, user=person)
            send_news_and_views_reminder(person, meeting)
            queued += 1
    return queued


def news_and_views_for_meeting(meeting: MeetingPage) -> list[NewsAndViewsUpdate]:
    """The approved updates for the meeting: what the public agenda shows."""
    return list(
        NewsAndViewsUpdate.objects.filter(meeting=meeting, approved_at__isnull=False)
        .select_related("group")
        .order_by("group__title")
    )
