"""What a report prints about itself beyond the usual header and footer: the agenda item it
was, and any contact officers after the first, each kept as printed."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class PrintedFacts(models.Model):
    agenda_item = models.CharField(
        max_length=20, blank=True, help_text="The agenda item the paper was, as printed: 5, 3a."
    )
    other_contacts = models.TextField(
        blank=True,
        help_text="Contact officers after the first, one a line as printed: name, role, "
        "telephone, email.",
    )

    printed_fact_panels = [FieldPanel("agenda_item"), FieldPanel("other_contacts")]

    class Meta:
        abstract = True
