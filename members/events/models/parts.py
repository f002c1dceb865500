"""What an event page holds besides its own fields: agenda items, documents and the
questions asked of everyone who registers."""

import datetime

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


class EventReminder(Orderable):
    """A reminder officers set for one event: sent by the scheduler once to each person with a
    place (and, if the event says so, a note to those waiting), a set time before the start."""

    class Unit(models.TextChoices):
        DAYS = "days", "days before"
        HOURS = "hours", "hours before"

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_reminders")
    is_enabled = models.BooleanField("send this reminder", default=True)
    amount = models.PositiveSmallIntegerField(
        "how long before", default=2, help_text="For example: 2 days, or 3 hours."
    )
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.DAYS)
    message = models.TextField(
        "your own words (optional)",
        blank=True,
        help_text="Added to the reminder above the event's details.",
    )

    panels = [
        FieldPanel("is_enabled"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("unit")]),
        FieldPanel("message"),
    ]

    def __str__(self) -> str:
        unit = "day" if self.unit == self.Unit.DAYS else "hour"
        return f"{self.amount} {unit}{'' if self.amount == 1 else 's'} before"

    def sends_at(self, event: EventPage) -> datetime.datetime:
        return event.start - datetime.timedelta(**{self.unit: self.amount})

    def clean(self):
        if not self.amount:
            raise ValidationError(
                {"amount": "Choose how long before the event to remind people: 1 or more."}
            )
