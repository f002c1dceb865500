"""Today's contact officers: a paper shows its contact as printed and may link to one of these."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class ContactOfficer(models.Model):
    """Someone the public can contact today about a group's papers."""

    name = models.CharField(max_length=255)
    job_title = models.CharField(max_length=255, blank=True)
    organisation = models.CharField(max_length=255, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "contact officer"

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}" if self.job_title else self.name
