"""News and Views: each group's short update for a Steering Group meeting (review 2.2.2)."""

from django.conf import settings
from django.db import models


class NewsAndViewsUpdate(models.Model):
    """A group's update for one Steering Group meeting, presented by a Steering Group member.
    One per group and meeting: submitting again replaces the text."""

    group = models.ForeignKey(
        "themegroups.GroupPage", on_delete=models.CASCADE, related_name="news_and_views"
    )
    meeting = models.ForeignKey("papers.MeetingPage", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(
        help_text="A short update on the group's work: a paragraph or two, in plain words."
    )
    presenter = models.CharField(
        max_length=255, help_text="The Steering Group member who will present it."
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    # The public sees an update once a Partnership officer approves it (officers' own and a
    # trusted group's updates are approved as they are sent); sending it again clears this.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group__title"]
        verbose_name = "News and Views update"
        constraints = [
            models.UniqueConstraint(
                fields=["group", "meeting"], name="one_news_and_views_update_per_group_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group.title}: {self.meeting.title}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None
