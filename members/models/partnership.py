"""The wider partnership: its members (online, with an account, or postal, without one), what
they want to hear about and how, and the record of every change to their membership."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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
    def is_email_paused(self) -> bool:
        return self.email_paused_at is not None

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else ""


class MembershipChange(models.Model):
    """One change to a membership (joined, verified, interests, route, paused, left), by the
    member or by an officer. Values are interest slugs and choice codes, never a name or an
    address, so the history itself holds nothing to erase but its link to the member."""

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
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.what} on {self.changed_at:%Y-%m-%d}"
