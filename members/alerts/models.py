"""Alerts: the postings members hear about (a page of a kind members hear about, recorded
once when it is first live and public, or again when an officer tells members about a
revision), the record of each alert sent to each member by each route, and the weekly
digest's day and time."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from members.partnership.models import Member


class Posting(models.Model):
    """Something members hear about: a page, with what the alert says about it as it was when
    it was posted. The page itself is read again when sending, to check it is still live and
    that each member may still see it (its view restriction)."""

    class Reason(models.TextChoices):
        FIRST_PUBLISHED = "first_published", "First published"
        REVISION = "revision", "Revision members were told about"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="postings")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The revision that was live when the posting was made.",
    )
    title = models.CharField(max_length=255)
    kind_label = models.CharField(
        "kind", max_length=60, help_text="What the page is, e.g. report, meeting, event."
    )
    summary = models.TextField(blank=True)
    url = models.URLField(max_length=500)
    interests = models.ManyToManyField("home.Interest", related_name="postings")
    revision_note = models.CharField(
        "what changed",
        max_length=300,
        blank=True,
        help_text="For a revision members were told about: what changed.",
    )
    bundle_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The meeting whose items, posted within minutes of each other, go out as "
        "one message.",
    )
    restricted_to_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="+",
        help_text="The groups of the page's view restriction when it was posted (empty: public). "
        "The page's restriction is checked again when sending.",
    )
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the alerts to members who hear at once were queued (empty: not yet).",
    )

    class Meta:
        ordering = ["-posted_at", "-pk"]
        constraints = [
            # The once-rule: a page is posted once when first published ...
            models.UniqueConstraint(
                fields=["page"],
                condition=Q(reason="first_published"),
                name="members_posting_once_per_page",
            ),
            # ... and once for each note of a revision members are told about.
            models.UniqueConstraint(
                fields=["page", "revision_note"],
                condition=Q(reason="revision"),
                name="members_posting_once_per_revision_note",
            ),
        ]
        indexes = [models.Index(fields=["sent_at", "posted_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_revision(self) -> bool:
        return self.reason == self.Reason.REVISION


class AlertDelivery(models.Model):
    """One posting sent (or to be sent) to one member by one route: an email at once, a weekly
    digest, or a letter in a postal batch. Several deliveries share one email when postings
    went out together (a meeting's papers, a digest)."""

    class Channel(models.TextChoices):
        EMAIL_AT_ONCE = "email_at_once", "Email, at once"
        WEEKLY_DIGEST = "weekly_digest", "Weekly digest"
        POST = "post", "Letter"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        WITHDRAWN = "withdrawn", "Withdrawn: the member may no longer see the page"

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="deliveries")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="alert_deliveries")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    queued_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    email = models.ForeignKey(
        "home.OutgoingEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alert_deliveries",
        help_text="The outbox's email that carries it (empty for letters, and once the outbox "
        "has deleted a sent email).",
    )

    class Meta:
        ordering = ["-queued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "member"], name="members_alert_delivery_once_per_member"
            )
        ]
        verbose_name_plural = "alert deliveries"

    def __str__(self) -> str:
        return f"{self.posting} to member {self.member_id}"


@register_setting(icon="mail")
class DigestSettings(BaseSiteSetting):
    """When the weekly digest goes out."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    weekday = models.PositiveSmallIntegerField(
        "day", choices=Weekday.choices, default=Weekday.FRIDAY
    )
    time = models.TimeField(
        default=datetime.time(8, 0), help_text="UK time. The digest goes out within minutes of it."
    )
    last_sent_for = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The scheduled time of the last digest sent, so a week's digest goes once.",
    )

    panels = [
        HelpPanel(
            content="Members who chose the weekly round-up get one email at this time with "
            "everything posted for them since their last one; nothing in a week with nothing new."
        ),
        FieldPanel("weekday"),
        FieldPanel("time"),
    ]

    class Meta:
        verbose_name = "weekly digest"

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} at {self.time:%H:%M}"
