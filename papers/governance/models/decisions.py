"""What a meeting decided on each agenda item, and the minute paragraph that records it."""

from django.db import models
from django.utils import timezone

from papers.numbering import anchor_for


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    APPROVED_WITH_AMENDMENTS = "approved_with_amendments", "Approved with amendments"
    NOTED = "noted", "Noted"
    DEFERRED = "deferred", "Deferred"
    NOT_APPROVED = "not_approved", "Not approved"


class Decision(models.Model):
    """One agenda item's outcome. `minutes` and `minute_number` point at the paragraph of the
    minutes that records it; numbers are frozen when minutes are published, so the anchor
    (#para-5-2) keeps pointing at the same words."""

    meeting = models.ForeignKey(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="meeting_decisions"
    )
    item_title = models.CharField("agenda item", max_length=255)
    paper = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_decisions",
        help_text="The paper the item was about, if it had one.",
    )
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    wording = models.TextField(help_text="The decision as the minutes word it.")
    minutes = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_decisions",
    )
    minute_number = models.CharField(max_length=20, blank=True, help_text="For example: 5.2")
    decided_on = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)
    imported = models.BooleanField(
        default=False, help_text="Brought in with its minutes: a re-import replaces it."
    )

    class Meta:
        ordering = ["-decided_on", "meeting_id", "minute_number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "paper"],
                condition=models.Q(paper__isnull=False),
                name="one_decision_per_paper_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_title}: {self.get_outcome_display()}"

    @property
    def anchor(self) -> str:
        return anchor_for(self.minute_number)

    @property
    def anchor_id(self) -> str:
        """Where the decisions register lists this decision (a fragment id)."""
        return f"decision-{self.pk}"
