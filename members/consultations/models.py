"""Responses to consultations and to papers open for comments, and the audit log of who
looked at, exported or changed them. Responses are never published: only their totals and
the officers' summary are."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


class Response(models.Model):
    """One person's response to one consultation or paper. Online, the person is the account
    (`user`) or a confirmed email address (`email`, for a non-member); recorded by an officer,
    a postal member (`member`) or a name and address. One per person per page."""

    class Channel(models.TextChoices):
        ONLINE = "online", "Online"
        POST = "post", "By post"
        TELEPHONE = "telephone", "By telephone"
        EVENT = "event", "At an event"

    OFFLINE = (Channel.POST, Channel.TELEPHONE, Channel.EVENT)

    page = models.ForeignKey(Page, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
    )
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
        help_text="A postal member the response came from.",
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    organisation = models.CharField(
        max_length=200, blank=True, help_text="The organisation the person responds for."
    )
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    received_on = models.DateField(default=timezone.localdate)
    answers = models.JSONField(
        default=list, blank=True, help_text='[{"key", "question", "answer"}], in order.'
    )
    paragraph = models.CharField(
        max_length=40, blank=True, help_text="The numbered paragraph a comment is on, e.g. 2.6.4."
    )
    is_read = models.BooleanField(default=False)
    is_anonymised = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who recorded a response received by post, telephone or at an event.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["received_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=Q(user__isnull=False),
                name="one_response_per_user",
            ),
            models.UniqueConstraint(
                fields=["page", "email"], condition=~Q(email=""), name="one_response_per_email"
            ),
            models.UniqueConstraint(
                fields=["page", "member"],
                condition=Q(member__isnull=False),
                name="one_response_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.page_id}"

    @property
    def responder_name(self) -> str:
        if self.is_anonymised:
            return "(erased)"
        if self.member_id and not self.name:
            return self.member.name
        if self.user_id and not self.name:
            return self.user.get_full_name() or self.user.email
        return self.name

    @property
    def answer_text(self) -> str:
        return " ".join(str(answer.get("answer", "")) for answer in self.answers)
