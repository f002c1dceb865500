"""Minutes: the record of a meeting, its status until a later meeting confirms it, who came
and the actions arising."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from papers.minute_blocks import ActionsArisingBlock, MinutesBodyBlock

from .paper_pages import ImportWarningsPanel, PaperPage
from .postings import PostingSubjects


class MinutesPage(PaperPage):
    """The record of a meeting: who came, what was agreed, and the actions arising."""

    parent_page_types = ["papers.MeetingPage"]
    template = "papers/minutes_page.html"
    is_minutes = True

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        UNCONFIRMED = "unconfirmed", "Unconfirmed: to be agreed at the next meeting"
        CONFIRMED = "confirmed", "Confirmed"

    minutes_status = models.CharField(
        "status of the minutes",
        max_length=20,
        choices=MinutesStatus.choices,
        default=MinutesStatus.UNCONFIRMED,
    )
    confirmed_at_meeting = models.ForeignKey(
        "papers.MeetingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The later meeting that agreed these minutes.",
    )
    attendees = models.TextField("present", blank=True, help_text="One name per line.")
    apologies = models.TextField(blank=True, help_text="One name per line.")
    minutes = StreamField(MinutesBodyBlock(), blank=True)
    actions_arising = StreamField(ActionsArisingBlock(), blank=True)

    content_panels = [
        ImportWarningsPanel(heading="Import warnings"),
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("minutes_status"), FieldPanel("confirmed_at_meeting")],
            heading="Status",
        ),
        FieldRowPanel([FieldPanel("attendees"), FieldPanel("apologies")]),
        FieldPanel("minutes"),
        FieldPanel("actions_arising"),
        MultiFieldPanel(
            [FieldPanel("corrected_on"), FieldPanel("correction_note")],
            heading="Correction",
            help_text="Fill these in when you change minutes after they were published.",
        ),
        *PostingSubjects.posting_panels,
    ]
    search_fields = [*PaperPage.search_fields, index.SearchField("minutes")]

    class Meta:
        verbose_name = "minutes"
        verbose_name_plural = "minutes"

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """A meeting has one set of minutes."""
        return super().can_create_at(parent) and not parent.get_children().type(cls).exists()

    @property
    def attendee_names(self) -> list[str]:
        return [name.strip() for name in self.attendees.splitlines() if name.strip()]

    @property
    def apology_names(self) -> list[str]:
        return [name.strip() for name in self.apologies.splitlines() if name.strip()]

    def clean(self):
        super().clean()
        if self.minutes_status == self.MinutesStatus.CONFIRMED and not self.confirmed_at_meeting_id:
            raise ValidationError(
                {
                    "confirmed_at_meeting": "Choose the meeting that agreed these minutes, or "
                    "set their status back to unconfirmed."
                }
            )
        self._number_stream("minutes", "Minute")
