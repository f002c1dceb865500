"""The forward plan (items planned for a meeting before any paper exists) and the draft
agenda the Agenda Planning Group agrees through a Wagtail workflow.

The draft agenda is a record of its own, not the meeting page's revision: a page has only one
workflow, and the officers' approval workflow already covers every Steering Group page. Its
workflow is assigned by content type. Each agreement is kept (who, when, which items), and a
meeting whose agenda differs from the last agreement cannot be published."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)


class ItemKind(models.TextChoices):
    CORE_BUSINESS = "core_business", "Core business"
    ITEM_OF_INTEREST = "item_of_interest", "Item of interest"
    NEWS_AND_VIEWS = "news_and_views", "News and Views"


class PlannedItem(models.Model):
    """An item planned for a meeting before its paper exists. Never public on its own: the
    forward plan lists it only while its meeting is live, public and still to come."""

    meeting = models.ForeignKey(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="planned_items"
    )
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=30, choices=ItemKind.choices, default=ItemKind.CORE_BUSINESS)
    lead = models.ForeignKey(
        "papers.ContactOfficer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_items",
        help_text="Who brings the item, with their organisation.",
    )
    paper_due_on = models.DateField("paper due", null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting_id", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title


class DraftAgenda(WorkflowMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """One meeting's draft agenda, built from its planned items. Publishing it is agreeing
    it: only the Agenda Planning Group's workflow task does that."""

    meeting = models.OneToOneField(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="draft_agenda"
    )
    note = models.TextField(blank=True, help_text="Anything the group should know.")

    panels = [
        HelpPanel(
            content="Order the items as they will be taken, then submit the draft to the "
            "Agenda Planning Group. Once they agree it, it becomes the meeting's agenda."
        ),
        FieldPanel("meeting", read_only=True),
        FieldPanel("note"),
        InlinePanel("items", heading="Items", label="Item"),
    ]

    class Meta:
        verbose_name = "draft agenda"
        verbose_name_plural = "draft agendas"

    def __str__(self) -> str:
        return f"Draft agenda: {self.meeting.title}"

    @property
    def titles(self) -> list[str]:
        return [item.title for item in self.items.all()]


class DraftAgendaItem(Orderable):
    draft_agenda = ParentalKey(DraftAgenda, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=30, choices=ItemKind.choices, default=ItemKind.CORE_BUSINESS)
    presenter = models.CharField(max_length=255, blank=True)
    purpose = models.CharField(max_length=255, blank=True, help_text="For example: For decision.")

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("presenter"),
        FieldPanel("purpose"),
    ]

    def __str__(self) -> str:
        return self.title


class AgendaAgreement(models.Model):
    """The Agenda Planning Group agreed this list of items, at this time."""

    draft_agenda = models.ForeignKey(
        DraftAgenda, on_delete=models.CASCADE, related_name="agreements"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    titles = models.JSONField(default=list)
    agreed_at = models.DateTimeField(default=timezone.now)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-agreed_at", "-pk"]
        get_latest_by = "agreed_at"

    def __str__(self) -> str:
        return f"Agreed {self.agreed_at:%Y-%m-%d %H:%M}"
