"""Consent: what each member agreed to, when, how, recorded by whom, under which version of
the privacy notice."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from members.models.partnership import Member


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
