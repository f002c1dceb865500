"""Actions agreed at meetings, who owns them, and every progress note and status change."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from home.site_chrome import known_restrictions
from papers.numbering import anchor_for


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    SOME_SLIPPAGE = "some_slippage", "Some slippage"
    NOT_ON_TRACK = "not_on_track", "Not on track"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today: datetime.date):
        return self.open().filter(due_on__lt=today)

    def done(self):
        return self.filter(status=ActionStatus.DONE)

    def public(self):
        """Actions of meetings the public may see: live, and in no restricted section; and
        from no page the public cannot see (draft minutes keep their actions to themselves)."""
        restricted = Q()
        for path in known_restrictions()[0]:
            restricted &= ~Q(meeting__path__startswith=path)
        source = Q(source_page__live=True)
        for path in known_restrictions()[0]:
            source &= ~Q(source_page__path__startswith=path)
        return self.filter(restricted, Q(source_page__isnull=True) | source, meeting__live=True)


class Action(models.Model):
    """Something a meeting agreed someone would do. It comes from a decision, a minute
    paragraph or a paper's recommendation: `source_page` and `source_number` name the
    paragraph (its anchor never moves once the page is published)."""

    meeting = models.ForeignKey(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="meeting_actions"
    )
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sourced_actions",
        help_text="The minutes or paper the action came from.",
    )
    source_number = models.CharField(
        "paragraph", max_length=20, blank=True, help_text="For example: 2.2.1"
    )
    text = models.TextField("action")
    owner = models.ForeignKey(
        "papers.ContactOfficer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governance_actions",
    )
    # Imported minutes print an owner's name, not a contact: it is kept as printed, never
    # matched to a contact by name (two people can share one, and owners act by email).
    owner_name = models.CharField("owner as printed", max_length=255, blank=True)
    due_on = models.DateField("due", null=True, blank=True)
    imported = models.BooleanField(
        default=False, help_text="Brought in with its minutes: a re-import replaces it."
    )
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    dropped_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        reference = f"{self.source_number} " if self.source_number else ""
        return f"{reference}{self.text[:60]}"

    @property
    def anchor(self) -> str:
        return anchor_for(self.source_number)

    @property
    def anchor_id(self) -> str:
        return f"action-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Past its due date and neither done nor dropped."""
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today

    @property
    def who(self) -> str:
        """The owner's name: the contact's, or as the minutes printed it."""
        return self.owner.name if self.owner else self.owner_name


class ActionUpdate(models.Model):
    """A dated progress note, and the status it left the action in: the history of an
    action's status is the run of these."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    noted_on = models.DateField(default=timezone.localdate)
    note = models.TextField(blank=True)
    previous_status = models.CharField(max_length=20, choices=ActionStatus.choices)
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action_id", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.noted_on}: {self.get_status_display()}"

    @property
    def is_status_change(self) -> bool:
        return self.status != self.previous_status
