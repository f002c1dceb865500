"""Postal batches: every posting that reached email members since the last batch posted,
as one letter per postal member with the postings that match their interests. A letter is
kept exactly as it was rendered, so a reprint is the same letter, and a letter returned
undelivered is recorded against it."""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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
    enclosures = models.JSONField(
        default=list,
        blank=True,
        help_text="The papers printed after the letter, in order: each a page id and title.",
    )
    page_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="Pages in the envelope, once the PDF is made."
    )
    sheet_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="Sheets of paper in the envelope, once the PDF is made."
    )
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


# Royal Mail second class, 2025 prices: a letter up to 100 g, then large letters by weight.
DEFAULT_POSTAGE_BANDS = (
    "Up to 100 g: £0.87\nUp to 250 g: £2.06\nUp to 500 g: £2.62\nUp to 750 g: £3.20"
)
POSTAGE_BAND = re.compile(
    r"^\s*(?:up to\s*)?(?P<grams>\d+)\s*g?\s*[:=]?\s*£?\s*(?P<price>\d+(?:\.\d{1,2})?)\s*$",
    re.IGNORECASE,
)


def parse_postage_bands(text: str) -> list[tuple[int, Decimal]]:
    """The bands as (up to so many grams, price in pounds), lightest first; ValidationError
    naming the line to fix."""
    bands: list[tuple[int, Decimal]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = POSTAGE_BAND.match(line)
        if match is None:
            raise ValidationError(
                f"Line {number} (“{line.strip()}”) is not a band: write each band on its own "
                "line like “Up to 100 g: £0.87”."
            )
        grams, price = int(match["grams"]), Decimal(match["price"])
        if grams == 0 or (bands and grams <= bands[-1][0]):
            raise ValidationError(
                f"Line {number}: put the bands lightest first, each heavier than the one "
                "before (and more than 0 g)."
            )
        bands.append((grams, price))
    if not bands:
        raise ValidationError("Give at least one band, like “Up to 100 g: £0.87”.")
    return bands


@register_setting(icon="mail")
class PostalSettings(BaseSiteSetting):
    """How the postal batch is printed and what it is expected to cost."""

    print_on_both_sides = models.BooleanField(
        "Print on both sides",
        default=False,
        help_text="Each envelope's pages are then padded to an even number with a blank page, "
        "so no member's letter is printed on the back of another's.",
    )
    postage_bands = models.TextField(
        default=DEFAULT_POSTAGE_BANDS,
        blank=True,  # so that clean() says what an empty field needs, in its own words
        help_text="The price of an envelope by its weight, one band a line, lightest first, "
        "like “Up to 100 g: £0.87”. The batch screen estimates postage with them.",
    )

    panels = [FieldPanel("print_on_both_sides"), FieldPanel("postage_bands")]

    class Meta:
        verbose_name = "Postal mailing"

    def clean(self):
        super().clean()
        try:
            parse_postage_bands(self.postage_bands)
        except ValidationError as error:
            raise ValidationError({"postage_bands": error.messages}) from error

    @property
    def bands(self) -> list[tuple[int, Decimal]]:
        return parse_postage_bands(self.postage_bands)
