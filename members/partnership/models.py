"""The wider partnership: its members (online, with an account, or postal, without one), what
they want to hear about and how, and the record of every change to their membership."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Member(models.Model):
    """A member of the wider partnership. People who join online have an account (`user`);
    postal members, added by officers, have none and are reached by letter."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", "I live in the borough"
        WORKER = "worker", "I work in the borough"
        ORGANISATION = "organisation", "On behalf of a local group or organisation"
        AGENCY = "agency", "On behalf of a statutory or regional agency"

    class Route(models.TextChoices):
        EMAIL_AT_ONCE = "email_at_once", "By email, as soon as something is posted"
        WEEKLY_DIGEST = "weekly_digest", "By email, in one weekly round-up"
        POST = "post", "By post"

    class Status(models.TextChoices):
        AWAITING_VERIFICATION = "awaiting_verification", "Waiting for the email to be confirmed"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        LEFT = "left", "Left"

    class PapersByPost(models.TextChoices):
        SUMMARIES = "summaries", "Summaries only"
        INTERESTED = "interested", "The full papers on the subjects they chose"
        CONSULTATIONS = "consultations", "The full papers of open consultations only"

    KINDS_WITH_ORGANISATION = (Kind.ORGANISATION, Kind.AGENCY)
    EMAIL_ROUTES = (Route.EMAIL_AT_ONCE, Route.WEEKLY_DIGEST)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="membership",
    )
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    organisation_name = models.CharField(max_length=200, blank=True)
    interests = models.ManyToManyField("home.Interest", related_name="members")
    route = models.CharField(max_length=20, choices=Route.choices)
    postal_address = models.TextField(
        max_length=500, blank=True, help_text="Street, town: each part on its own line."
    )
    postcode = models.CharField(max_length=10, blank=True)
    is_large_print = models.BooleanField(
        "Large print letters",
        default=False,
        help_text="Postal members who asked for large print get their letters in 16 pt or larger.",
    )
    papers_by_post = models.CharField(
        "What their letters bring",
        max_length=20,
        choices=PapersByPost.choices,
        default=PapersByPost.SUMMARIES,
        help_text="Postal members: a summary of each paper, or a printed copy of the full "
        "papers (all of those on their subjects, or only open consultations) in the envelope.",
    )
    post_paused_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day a letter came back undelivered: no more letters are sent until an "
        "officer checks the address and resumes them.",
    )
    post_paused_reason = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=30, choices=Status.choices, default=Status.AWAITING_VERIFICATION
    )
    joined_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    last_active_at = models.DateTimeField(
        default=timezone.now,
        help_text="The last time the member changed their membership or renewed consent.",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who added a postal member.",
    )
    email_paused_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the mail server refused an alert for good: no more alerts are emailed "
        "until the member or an officer checks the address.",
    )
    email_paused_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["status", "route"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_postal(self) -> bool:
        return self.route == self.Route.POST

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_post_paused(self) -> bool:
        return self.post_paused_on is not None

    @property
    def is_email_paused(self) -> bool:
        return self.email_paused_at is not None

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else ""


class MembershipChange(models.Model):
    """One change to a membership (joined, verified, interests, route, paused, left), by the
    member or by an officer. Values are interest slugs and choice codes, never a name or an
    address, so the history itself holds nothing to erase but its link to the member."""

    class HowAsked(models.TextChoices):
        ONLINE = "", "Online, or by the site"
        POST = "post", "By post"
        TELEPHONE = "telephone", "By telephone"
        IN_PERSON = "in_person", "In person"

    OFFICER_CHANNELS = (HowAsked.POST, HowAsked.TELEPHONE, HowAsked.IN_PERSON)

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the member made the change themselves or the site did.",
    )
    what = models.CharField(max_length=40)
    how_asked = models.CharField(
        max_length=20,
        choices=HowAsked.choices,
        blank=True,
        help_text="How the member asked, when an officer recorded it for them.",
    )
    asked_on = models.DateField(
        null=True, blank=True, help_text="The day the member asked, when an officer recorded it."
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.what} on {self.changed_at:%Y-%m-%d}"


class ConsentRecord(models.Model):
    class Method(models.TextChoices):
        ONLINE = "online", "Online, on the join form"
        RENEWED_ONLINE = "renewed_online", "Renewed online"
        PAPER_FORM = "paper_form", "On a paper form"
        TELEPHONE = "telephone", "By telephone"
        AT_EVENT = "at_event", "In person, at an event"

    OFFICER_METHODS = (Method.PAPER_FORM, Method.TELEPHONE, Method.AT_EVENT)

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="consents")
    statement = models.TextField(help_text="The words the person agreed to.")
    privacy_notice_version = models.ForeignKey(
        "home.PrivacyNoticeVersion", on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=20, choices=Method.choices)
    given_at = models.DateTimeField(default=timezone.now)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who recorded consent given on paper, by telephone or in person.",
    )

    class Meta:
        ordering = ["-given_at", "-pk"]
        get_latest_by = "given_at"

    def __str__(self) -> str:
        return f"{self.get_method_display()} on {self.given_at:%Y-%m-%d}"


@register_setting(icon="lock")
class MembershipRetentionSettings(BaseSiteSetting):
    retention_months = models.PositiveSmallIntegerField(
        default=24,
        help_text="A membership with no activity and no renewed consent for this many months "
        "is listed in the retention report, and erased by the nightly job unless renewed.",
    )
    warning_days = models.PositiveSmallIntegerField(
        default=30,
        help_text="The report also lists memberships that reach the limit within this many days.",
    )

    panels = [FieldPanel("retention_months"), FieldPanel("warning_days")]

    class Meta:
        verbose_name = "membership retention"
