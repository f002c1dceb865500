"""A membership issue a Steering Group member raised, with its state."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel


class MembershipIssue(models.Model):
    class State(models.TextChoices):
        NEW = "new", "New"
        IN_HAND = "in_hand", "Being looked at"
        RESOLVED = "resolved", "Resolved"

    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="membership_issues",
    )
    subject = models.CharField(max_length=200)
    details = models.TextField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.NEW)
    officers_note = models.TextField(
        blank=True, help_text="What was done: the member sees this with the state."
    )
    raised_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("state"), FieldPanel("officers_note")]

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return self.subject
