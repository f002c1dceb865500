"""The risk register: risks, every (re-)score of each, and the annual reviews of the whole
register with what each changed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from .scoring import SCORING_RULE, band

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def _score_field(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, validators=SCORE_VALIDATORS)


class Risk(models.Model):
    class Category(models.TextChoices):
        FUNDING = "funding", "Funding and resources"
        PARTNERSHIP = "partnership", "Partners and engagement"
        GOVERNANCE = "governance", "Governance and decision-making"
        INFORMATION = "information", "Information and data protection"
        REPUTATION = "reputation", "Reputation"
        DELIVERY = "delivery", "Delivery of the Community Strategy"

    title = models.CharField(max_length=255)
    cause = models.TextField(help_text="What could bring the risk about.")
    effect = models.TextField(help_text="What would happen to the Partnership if it did.")
    category = models.CharField(max_length=20, choices=Category.choices)
    owner = models.ForeignKey(
        "papers.ContactOfficer",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The contact who owns the risk; their organisation is shown with them.",
    )
    likelihood_before = _score_field("likelihood before controls")
    impact_before = _score_field("impact before controls")
    controls = models.TextField(blank=True, help_text="One control a line.")
    likelihood_after = _score_field("likelihood after controls")
    impact_after = _score_field("impact after controls")
    related_actions = models.TextField(
        blank=True,
        help_text="One action a line: its title, or the address of the action in the action "
        "tracker.",
    )
    review_on = models.DateField("next review", help_text="When the risk is next looked at.")
    is_closed = models.BooleanField("closed", default=False)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        HelpPanel(content=SCORING_RULE),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("owner")]),
        FieldPanel("cause"),
        FieldPanel("effect"),
        FieldRowPanel([FieldPanel("likelihood_before"), FieldPanel("impact_before")]),
        FieldPanel("controls"),
        FieldRowPanel([FieldPanel("likelihood_after"), FieldPanel("impact_after")]),
        FieldPanel("related_actions"),
        MultiFieldPanel(
            [
                FieldPanel("review_on"),
                FieldRowPanel([FieldPanel("is_closed"), FieldPanel("closed_on")]),
            ],
            heading="Review",
        ),
    ]

    class Meta:
        ordering = ["is_closed", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.is_closed and not self.closed_on:
            raise ValidationError({"closed_on": "Give the day the risk was closed."})
        if self.closed_on and not self.is_closed:
            raise ValidationError(
                {"is_closed": "Tick closed, or clear the closing day if the risk is still open."}
            )

    @property
    def score_before(self) -> int:
        return self.likelihood_before * self.impact_before

    @property
    def score(self) -> int:
        """The current score: after controls."""
        return self.likelihood_after * self.impact_after

    @property
    def band(self) -> str:
        return band(self.score)

    @property
    def control_lines(self) -> list[str]:
        return [line.strip() for line in self.controls.splitlines() if line.strip()]

    @property
    def action_lines(self) -> list[str]:
        return [line.strip() for line in self.related_actions.splitlines() if line.strip()]

    def scores(self) -> tuple[int, int, int, int]:
        return (
            self.likelihood_before,
            self.impact_before,
            self.likelihood_after,
            self.impact_after,
        )


class RiskScore(models.Model):
    """One (re-)score of a risk: the four scores as set, who set them and when."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="history")
    likelihood_before = _score_field("likelihood before controls")
    impact_before = _score_field("impact before controls")
    likelihood_after = _score_field("likelihood after controls")
    impact_after = _score_field("impact after controls")
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField()

    class Meta:
        ordering = ["risk", "-scored_at", "-pk"]
        get_latest_by = "scored_at"

    def __str__(self) -> str:
        return (
            f"{self.risk}: {self.likelihood_after}×{self.impact_after} on {self.scored_at:%d %B %Y}"
        )

    @property
    def score(self) -> int:
        return self.likelihood_after * self.impact_after


class RegisterReview(models.Model):
    """The annual review of the whole register: who reviewed it, and (filled in when it is
    recorded) which risks were added, changed or closed since the review before."""

    reviewed_on = models.DateField()
    reviewers = models.TextField(
        help_text="Who reviewed the register, e.g. the Community Strategy sub group: names."
    )
    summary = models.TextField(blank=True, help_text="What the review concluded.")
    next_review_on = models.DateField(help_text="Officers are reminded when this day comes.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    report = models.ForeignKey(
        "papers.ReportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    panels = [
        HelpPanel(
            content="When you save, the review lists the risks added, re-scored and closed "
            "since the review before."
        ),
        FieldPanel("reviewed_on"),
        FieldPanel("reviewers"),
        FieldPanel("summary"),
        FieldPanel("next_review_on"),
    ]

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = "register review"

    def __str__(self) -> str:
        return f"Review of the risk register, {self.reviewed_on:%d %B %Y}"

    def clean(self):
        super().clean()
        if self.reviewed_on and self.next_review_on and self.next_review_on <= self.reviewed_on:
            raise ValidationError(
                {"next_review_on": "The next review must come after this one: usually a year on."}
            )


class ReviewChange(models.Model):
    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Re-scored"
        CLOSED = "closed", "Closed"

    review = models.ForeignKey(RegisterReview, on_delete=models.CASCADE, related_name="changes")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    score_then = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["kind", "risk__title"]

    def __str__(self) -> str:
        return f"{self.risk}: {self.get_kind_display().lower()}"


class ReviewReminder(models.Model):
    """One per due date: the reminder that the review fell due went to officers then."""

    due_on = models.DateField(unique=True)
    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Review due {self.due_on:%d %B %Y}"
