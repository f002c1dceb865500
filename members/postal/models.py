"""Postal batches: every posting that reached email members since the last batch posted,
as one letter per postal member with the postings that match their interests. A letter is
kept exactly as it was rendered, so a reprint is the same letter, and a letter returned
undelivered is recorded against it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PostalBatch(models.Model):
    """One mailing: built by an officer, printed (as a PDF, or from the browser), posted.
    At most one batch is open (built but not yet posted) at a time."""

    class PdfState(models.TextChoices):
        NOT_STARTED = "not_started", "Not made yet"
        RENDERING = "rendering", "Being made"
        READY = "ready", "Ready to download"
        FAILED = "failed", "Could not be made"

    built_at = models.DateTimeField(default=timezone.now)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    covers_from = models.DateTimeField(
        null=True, blank=True, help_text="Postings after this; empty for the first batch."
    )
    covers_until = models.DateTimeField(help_text="Postings up to and including this.")
    postings = models.ManyToManyField("members.Posting", related_name="postal_batches")
    envelope = models.CharField(max_length=10, default="DL")
    posted_at = models.DateTimeField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf = models.FileField(upload_to="postal-batches/", blank=True)
    pdf_state = models.CharField(
        max_length=20, choices=PdfState.choices, default=PdfState.NOT_STARTED
    )
    pdf_error = models.TextField(blank=True)
    pdf_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf_finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-built_at", "-pk"]
        verbose_name_plural = "postal batches"
        constraints = [
            models.UniqueConstraint(
                fields=["posted_at"],
                condition=models.Q(posted_at__isnull=True),
                name="one_open_postal_batch",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"Postal batch {self.pk}"

    @property
    def is_posted(self) -> bool:
        return self.posted_at is not None


class PostalLetter(models.Model):
    """One member's letter in a batch, frozen as rendered (`html`) with the address it was
    sent to (`address_lines`, for the labels)."""

    batch = models.ForeignKey(PostalBatch, on_delete=models.CASCADE, related_name="letters")
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="postal_letters"
    )
    position = models.PositiveIntegerField()
    address_lines = models.JSONField(default=list)
    is_large_print = models.BooleanField(default=False)
    html = models.TextField()
    postings = models.ManyToManyField("members.Posting", related_name="postal_letters")
    returned_on = models.DateField(null=True, blank=True)
    returned_reason = models.CharField(max_length=200, blank=True)
    returned_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "member"], name="one_letter_per_member"),
        ]

    def __str__(self) -> str:
        return f"Letter {self.position} of batch {self.batch_id}"

    @property
    def is_returned(self) -> bool:
        return self.returned_on is not None
