"""What officers did with registrations' personal data, and the away days' reminders."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .pages import EventPage
from .registrations import Registration


class PersonalDataAuditEntry(models.Model):
    """Who looked at, exported or changed event registrations' personal data, and when."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed registrations"
        EXPORTED = "exported", "Exported registrations"
        PRINTED = "printed", "Printed the sign-in sheet"
        CHECKED_IN = "checked_in", "Checked someone in"
        CANCELLED = "cancelled", "Cancelled a registration"
        MOVED = "moved", "Moved a registration"
        CAPACITY = "capacity", "Changed the number of places"
        NEEDS_ERASED = "needs_erased", "Deleted access and dietary needs"
        REMINDED = "reminded", "Reminded members who had not answered"
        REGISTERED = "registered", "Registered someone"
        EVENT_REMINDED = "event_reminded", "Sent a reminder before the event"

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    event = models.ForeignKey(
        EventPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    included_needs = models.BooleanField(
        default=False, help_text="Whether what was seen included access and dietary needs."
    )
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "personal data audit entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


class AwayDayReminder(models.Model):
    """One reminder sent about an event, a row per sending. For an away day, to the members
    who had not answered: by an officer's action (its `token` comes from the form, so the same
    action submitted twice sends once) or by the scheduler (token "automatic", once per away
    day). Before any event, by the scheduler for each of its EventReminders (token
    "before:<reminder id>"): the row is taken first, so a second run sends nothing."""

    AUTOMATIC = "automatic"
    BEFORE = "before:"

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="reminders")
    token = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who sent it; empty for the automatic reminder.",
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint("event", "token", name="events_one_reminder_per_action")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.recipients} ({self.sent_at:%Y-%m-%d %H:%M})"

    @property
    def is_automatic(self) -> bool:
        return self.token == self.AUTOMATIC
