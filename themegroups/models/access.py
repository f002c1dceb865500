"""Which Django group makes people lead officers of which group page, and whether officers
trust that group to publish. Kept apart from the page so its revisions never carry it."""

from django.conf import settings
from django.db import models


class LeadOfficerGroup(models.Model):
    """One per group page, made by themegroups.services when the page is created."""

    page = models.OneToOneField(
        "themegroups.GroupPage", on_delete=models.CASCADE, related_name="lead_officer_group"
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="lead_officer_group"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_trusted = models.BooleanField(
        "may publish",
        default=False,
        help_text="Trusted groups' lead officers publish without an officer's approval.",
    )

    class Meta:
        verbose_name = "lead officers' group"

    def __str__(self) -> str:
        return self.group.name


class NewsAndViewsReminder(models.Model):
    """A News and Views reminder sent to a lead officer for a meeting: never sent twice."""

    meeting = models.ForeignKey("papers.MeetingPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_news_and_views_reminder_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.user} for {self.meeting}"
