"""The reminders sent about events: away days' and those before any event."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .pages import EventPage


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
