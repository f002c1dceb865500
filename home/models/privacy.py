"""The published versions of the privacy notice, which consent records name."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class PrivacyNoticeVersion(models.Model):
    """One published version of the privacy notice. Consent records name the version a person
    agreed to; a version that asks for renewal makes everyone who agreed to an older one
    renew their consent."""

    number = models.PositiveIntegerField(unique=True)
    published_on = models.DateField()
    changes = models.TextField(help_text="What changed since the previous version, in a line.")
    asks_for_renewal = models.BooleanField(
        default=False,
        help_text="Tick if the change is one members must agree to again (a new use of their "
        "data, a new recipient): they are asked to renew their consent.",
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("published_on"),
        FieldPanel("changes"),
        FieldPanel("asks_for_renewal"),
    ]

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"

    def __str__(self) -> str:
        return f"Version {self.number} ({self.published_on:%-d %B %Y})"

    @classmethod
    def current(cls) -> "PrivacyNoticeVersion":
        return cls.objects.latest()
