"""The outbox's messages: every email the site sends, with its state and attempts
(sent by home.outbox)."""

from django.db import models


class OutgoingEmail(models.Model):
    """One email in the outbox: queued in the transaction that decides to send it, delivered
    by the background worker (home.outbox), kept with its attempts and last error."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: will not be retried"
        WITHDRAWN = "withdrawn", "Withdrawn before sending: no longer for this person"

    idempotency_key = models.CharField(
        max_length=200,
        unique=True,
        help_text="The same key is never queued twice, so a repeated decision sends nothing.",
    )
    kind = models.CharField(max_length=100, help_text="What the email is, e.g. a password reset.")
    from_email = models.CharField(max_length=300)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(
        default=list,
        blank=True,
        help_text="Small text files sent with the message (an event's .ics): "
        "[{filename, content, mimetype}].",
    )
    is_confidential = models.BooleanField(
        default=False,
        help_text="Sign-in codes, verification and password-reset links: the body is never "
        "shown in the admin.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {', '.join(self.to)}"

    @property
    def recipients(self) -> list[str]:
        return [*self.to, *self.cc, *self.bcc]
