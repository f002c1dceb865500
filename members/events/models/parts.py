"""What an event page holds besides its own fields: agenda items, documents and the
questions asked of everyone who registers."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .pages import EventPage


class EventAgendaItem(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    time = models.CharField(max_length=20, blank=True, help_text="For example: 10.30 am.")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)

    panels = [FieldRowPanel([FieldPanel("time"), FieldPanel("title")]), FieldPanel("description")]

    def __str__(self) -> str:
        return self.title


class EventDocument(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        max_length=255, blank=True, help_text="Leave blank to use the document's own title."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class EventQuestion(Orderable):
    """A question officers ask everyone who registers for one event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")

    class Kind(models.TextChoices):
        TEXT = "text", "A short answer"
        LONG_TEXT = "long_text", "A longer answer"
        CHOICE = "choice", "One of a list of choices"

    label = models.CharField("question", max_length=255, help_text="For example: Organisation.")
    help_text = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(
        blank=True, help_text="For a list of choices: one choice on each line."
    )
    is_required = models.BooleanField("must be answered", default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_required")]),
        FieldPanel("choices"),
    ]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == self.Kind.CHOICE and not self.choice_list:
            raise ValidationError(
                {"choices": "List the choices, one on each line, or pick another kind of answer."}
            )
