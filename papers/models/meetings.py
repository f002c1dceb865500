"""A group's meetings: when and where, how to attend, and the agenda with its papers."""

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.extension_points import AgendaExtra, agenda_extras, reason_not_to_publish
from home.site_chrome import ViewRestrictionsFromMemoryMixin, known_restrictions, public_pages_q
from papers.groups import SitsUnderGroups

from ..exceptions import PublishRefused
from .postings import PostingSubjects

logger = logging.getLogger(__name__)

PAPER_PAGE_TYPES = [
    "papers.ReportPage",
    "papers.ActionPlanPage",
    "papers.ProgressReportPage",
    "papers.MinutesPage",
]

# What a calendar app shows of a meeting: a change to any of them is a new calendar sequence.
CALENDAR_FIELDS = ("title", "start", "end", "status", "venue_name", "venue_address")


class MeetingPage(SitsUnderGroups, ViewRestrictionsFromMemoryMixin, PostingSubjects, Page):
    """One meeting of a group. Its papers and minutes sit below it."""

    parent_page_types = []  # and the group pages (SitsUnderGroups)
    subpage_types = [
        "papers.ReportPage",
        "papers.ActionPlanPage",
        "papers.ProgressReportPage",
        "papers.MinutesPage",
    ]
    template = "papers/meeting_page.html"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"

    start = models.DateTimeField(help_text="The date and time the meeting starts.")
    end = models.DateTimeField(null=True, blank=True, help_text="Optional: when it should end.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    venue_name = models.CharField(max_length=255, help_text="For example: The Town Hall.")
    venue_address = models.TextField(blank=True, help_text="The full address, with postcode.")
    is_away_from_town_hall = models.BooleanField(
        "away from the Town Hall",
        default=False,
        help_text="Tick when the meeting is held in the community rather than the Town Hall.",
    )
    is_step_free = models.BooleanField(
        "step-free access",
        default=False,
        help_text="Tick when the room can be reached without steps.",
    )
    has_hearing_loop = models.BooleanField("hearing loop", default=False)
    access_notes = models.TextField(
        "access information",
        blank=True,
        help_text="Anything else a disabled visitor should know: nearest accessible entrance, "
        "parking, toilets.",
    )
    public_attendance = models.TextField(
        "how the public can attend",
        blank=True,
        help_text="Whether members of the public may come, and how to ask a question.",
    )
    group_name = models.CharField(
        "group", max_length=255, blank=True, editable=False, help_text="Copied from the group."
    )
    calendar_sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="How many times the published time, place or status has changed: calendar "
        "apps replace their copy of the meeting when it goes up.",
    )

    content_panels = [
        HelpPanel(
            content="Give the meeting a title such as “Steering Group meeting, 13 May 2009”. "
            "Its web address is the date of the meeting unless you change it under Promote."
        ),
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("status")],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("is_away_from_town_hall"),
                FieldPanel("is_step_free"),
                FieldPanel("has_hearing_loop"),
                FieldPanel("access_notes"),
            ],
            heading="Where",
        ),
        FieldPanel("public_attendance"),
        InlinePanel(
            "agenda_items",
            heading="Agenda",
            label="Agenda item",
            help_text="In the order they will be taken. Papers are linked once they are "
            "published; confidential items are listed without their papers.",
        ),
        *PostingSubjects.posting_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.RelatedFields("agenda_items", [index.SearchField("title")]),
    ]

    class Meta:
        verbose_name = "meeting"

    @property
    def local_start(self):
        return timezone.localtime(self.start) if self.start else None

    def is_ready_to_post(self) -> bool:
        """Members hear about a meeting when its agenda is first published."""
        return self.agenda_items.exists()

    def posting_summary(self) -> str:
        when_and_where = self.posting_when_and_where()
        ending = "" if when_and_where.endswith(".") else "."
        return f"The agenda of the meeting on {when_and_where}{ending}"

    def posting_bundle_page_id(self) -> int | None:
        return self.pk

    @property
    def is_upcoming(self) -> bool:
        return bool(self.start and self.start >= timezone.now())

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError(
                {"end": "The meeting must end after it starts: check the end date and time."}
            )

    def full_clean(self, *args, **kwargs):
        """A new meeting's web address is its date (/steering-group/2009-05-13/), unless the
        editor typed another or a meeting of the group already has that address."""
        if self.start and not self.first_published_at:
            date_slug = self.local_start.date().isoformat()
            generated_from_title = not self.slug or self.slug == _slugify(self.title)
            if generated_from_title and self.slug != date_slug and self._date_slug_free(date_slug):
                self.slug = date_slug
        if self.depth and not self.group_name:
            self.group_name = self.get_parent().title
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(update_fields) & set(CALENDAR_FIELDS)):
            self.calendar_sequence = self._next_calendar_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "calendar_sequence"}
        return super().save(*args, **kwargs)

    def _next_calendar_sequence(self) -> int:
        """The saved sequence, plus one when what a calendar shows has changed. Counted from
        the database, never from a revision, so it only ever goes up."""
        saved = (
            MeetingPage.objects.filter(pk=self.pk)
            .values(*CALENDAR_FIELDS, "calendar_sequence")
            .first()
        )
        if saved is None:
            return self.calendar_sequence
        changed = any(saved[field] != getattr(self, field) for field in CALENDAR_FIELDS)
        return saved["calendar_sequence"] + int(changed)

    def _date_slug_free(self, date_slug: str) -> bool:
        if not self.depth:
            return True
        siblings = Page.objects.child_of(self.get_parent()).filter(slug=date_slug)
        return not siblings.exclude(pk=self.pk).exists()

    def publish(self, revision, *args, **kwargs):
        """Every publish passes here (the admin, a workflow, `publish_scheduled`), so the
        apps' publish checks are asked here, for superusers too. A refused scheduled publish
        is taken off the schedule, so it neither publishes nor stops the others."""
        reason = reason_not_to_publish(revision.as_object())
        if reason is None:
            return super().publish(revision, *args, **kwargs)
        if kwargs.get("log_action") == "wagtail.publish.scheduled":
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            logger.warning("Scheduled publishing of %r refused: %s", self.title, reason)
            return None
        raise PublishRefused(reason)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        agenda = list(self.agenda_items.select_related("paper").order_by("sort_order"))
        restricted_paths, _ = known_restrictions()
        for position, item in enumerate(agenda, start=1):
            item.display_number = item.number or str(position)
            item.extras = []
            paper = item.paper
            is_published = (
                paper is not None and paper.live and not paper.path.startswith(restricted_paths)
            )
            item.published_paper = paper if is_published and not item.is_confidential else None
        context["agenda"] = agenda
        extras = agenda_extras(self, request)
        context["agenda_extra_items"] = _place_agenda_extras(agenda, extras, request)
        children = list(
            self.get_children().live().filter(public_pages_q()).specific().order_by("path")
        )
        context["papers"] = [page for page in children if not _is_minutes(page)]
        context["minutes"] = next((page for page in children if _is_minutes(page)), None)
        return context


def _place_agenda_extras(agenda: list, extras: list[AgendaExtra], request) -> list[dict]:
    """Render each extra another app adds to the agenda (kcp_meeting_agenda_extras) into the
    first item it belongs to; the ones that belong to none become items of their own."""
    own_items = []
    for extra in extras:
        item = next((item for item in agenda if extra.belongs_to(item.title)), None)
        if item is None:
            own_items.append({"title": extra.item_title, "html": extra.render(request)})
        else:
            item.extras.append(extra.render(request))
    return own_items


def _is_minutes(page: Page) -> bool:
    """Papers say whether they are minutes (PaperPage.is_minutes), so meetings need not import
    the paper page types that sit below them."""
    return getattr(page, "is_minutes", False)


def _slugify(title: str) -> str:
    return slugify(title or "")


class AgendaItem(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(
        max_length=10, blank=True, help_text="Leave blank to number the items 1, 2, 3 in order."
    )
    title = models.CharField(max_length=255)
    time = models.CharField(max_length=20, blank=True, help_text="As printed, e.g. 6.30 pm.")
    presenter = models.CharField(max_length=255, blank=True, help_text="Who introduces it.")
    purpose = models.CharField(
        max_length=255, blank=True, help_text="For example: For decision, or For information."
    )
    paper = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The paper for this item. It is shown as a link once the paper is published.",
    )
    is_confidential = models.BooleanField(
        "confidential",
        default=False,
        help_text="Tick to list the item without its paper (a Part 2 item).",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title"), FieldPanel("time")]),
        FieldRowPanel([FieldPanel("presenter"), FieldPanel("purpose")]),
        PageChooserPanel("paper", PAPER_PAGE_TYPES),
        FieldPanel("is_confidential"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "agenda item"

    def __str__(self) -> str:
        return self.title
