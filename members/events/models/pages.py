"""The event pages: the /events/ listing and each event, with who may see it."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from papers.groups import GroupChooserPanel
from papers.models import PostingSubjects

from .choices import AUDIENCE_GROUPS, Audience, EventKind
from .registrations import EventPlaces

# Addresses under /events/ that the site's own screens use: no event may take them as a slug.
RESERVED_SLUGS = {"registration", "manage"}


def _not_from_the_page_cache(response):
    """The places left change with every registration, which publishes nothing: the page
    cache (home.page_cache) and browsers must ask again each time."""
    response["Cache-Control"] = "no-cache"
    return response


class EventIndexPage(Page):
    """/events/: upcoming and past events, each visitor seeing only those they may attend."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    template = "events/event_index_page.html"

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = "events listing"

    def serve(self, request, *args, **kwargs):
        return _not_from_the_page_cache(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming, past = events_visible_to(request.user, parent=self)
        context.update(upcoming_events=upcoming, past_events=past)
        return context


class EventPageForm(WagtailAdminPageForm):
    """The page editor also sets the number of places. It is kept in a row of its own (not in
    the page's revisions), so a change takes effect at once, before the page is published."""

    places = models.PositiveIntegerField().formfield(
        label="Places",
        min_value=0,
        required=True,
        help_text="How many people can come. A change takes effect as soon as you save, even "
        "as a draft: new places go first to people on the waiting list.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            places = EventPlaces.objects.filter(event_id=self.instance.pk).first()
            self.fields["places"].initial = places.capacity if places else 0
        else:
            self.fields["places"].initial = 30

    def clean_places(self):
        capacity = self.cleaned_data["places"]
        places = EventPlaces.objects.filter(event_id=self.instance.pk).first()
        if places is not None and capacity < places.taken:
            raise ValidationError(
                f"{places.taken} places are taken or offered, so there cannot be fewer than "
                f"{places.taken}: cancel registrations first, or choose a larger number."
            )
        return capacity


class EventPage(PostingSubjects, Page):
    """One event: when and where (with access information), what it is for, its agenda and
    documents, who may take part. Its registration form is at ./register/ (views.py)."""

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    base_form_class = EventPageForm

    start = models.DateTimeField(help_text="The date and time the event starts.")
    end = models.DateTimeField(help_text="When it ends.")
    venue_name = models.CharField(max_length=255, help_text="For example: Kensington Town Hall.")
    venue_address = models.TextField(blank=True, help_text="The full address, with postcode.")
    is_step_free = models.BooleanField(
        "step-free access",
        default=False,
        help_text="Tick when every room can be reached without steps.",
    )
    has_hearing_loop = models.BooleanField("hearing loop", default=False)
    has_accessible_toilet = models.BooleanField("accessible toilet", default=False)
    access_notes = models.TextField(
        "access information",
        blank=True,
        help_text="Anything else a disabled visitor should know: nearest accessible entrance, "
        "parking, quiet room, how to get there.",
    )
    purpose = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="What the event is for and who it is for.",
    )
    audience = models.CharField(
        "who may take part",
        max_length=20,
        choices=Audience.choices,
        default=Audience.WIDER_PARTNERSHIP,
        help_text="Events for the Steering Group or the wider partnership are seen only by "
        "their members when signed in: they never show in public listings, search or feeds.",
    )
    run_by = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The group that runs the event: its lead officers see the registrations "
        "(without anyone's access or dietary needs).",
    )
    kind = models.CharField(
        "kind of event",
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.EVENT,
        help_text="An away day is for the Steering Group only: each member answers attending, "
        "not attending or tentative until the cut-off, and officers chase those who have not.",
    )
    facilitator = models.CharField(
        max_length=255,
        blank=True,
        help_text="For an away day: who facilitates it, with their organisation.",
    )
    reminder_days_before_close = models.PositiveSmallIntegerField(
        "automatic reminder (days before the cut-off)",
        default=3,
        help_text="For an away day: members who have not answered are reminded by email once, "
        "this many days before the cut-off. 0 sends no automatic reminder.",
    )
    is_registration_open = models.BooleanField(
        "registration open", default=True, help_text="Untick to stop taking registrations."
    )
    registration_closes = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Optional: when registration closes. Otherwise it closes when the event starts. "
        "For an away day this is the cut-off for members' answers: they can change their "
        "answer until then.",
    )
    waiting_list_closes = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Optional: when the waiting list closes. Left empty, it closes when an offer "
        "of a freed place could no longer be held for its full time before the event starts.",
    )
    sends_waiting_list_note = models.BooleanField(
        "remind the waiting list too",
        default=False,
        help_text="With each reminder, send people on the waiting list a short note that they "
        "are still on it.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading="When"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("is_step_free"),
                FieldPanel("has_hearing_loop"),
                FieldPanel("has_accessible_toilet"),
                FieldPanel("access_notes"),
            ],
            heading="Where",
        ),
        FieldPanel("purpose"),
        InlinePanel("agenda_items", heading="Agenda", label="Agenda item"),
        InlinePanel("documents", heading="Documents", label="Document"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("facilitator"),
                FieldPanel("reminder_days_before_close"),
            ],
            heading="Away day",
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                GroupChooserPanel("run_by"),
                FieldPanel("places"),
                FieldPanel("is_registration_open"),
                FieldPanel("registration_closes"),
                FieldPanel("waiting_list_closes"),
            ],
            heading="Who may take part",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Reminders go by email to everyone with a place, once each. People "
                    "registered without an email address are listed on the registrations "
                    "screen for you to telephone."
                ),
                InlinePanel("event_reminders", label="Reminder"),
                FieldPanel("sends_waiting_list_note"),
            ],
            heading="Reminders before the event",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Everyone is asked their name and email address, and may tell us "
                    "about access and dietary needs. Add here anything else you need to know, "
                    "such as their organisation or which workshop they will join."
                ),
                InlinePanel("questions", label="Question"),
            ],
            heading="Registration questions",
        ),
        *PostingSubjects.posting_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = "event"

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def posting_group_page_ids(self) -> list[int]:
        """An event carries the interest of the group that runs it."""
        return [*super().posting_group_page_ids(), *([self.run_by_id] if self.run_by_id else [])]

    @property
    def is_away_day(self) -> bool:
        return self.kind == EventKind.AWAY_DAY

    def registration_closes_at(self):
        return self.registration_closes or self.start

    def is_taking_registrations(self, now=None) -> bool:
        return self.is_registration_open and (now or timezone.now()) < self.registration_closes_at()

    def waiting_list_closes_at(self) -> datetime.datetime:
        """Officers' time, or the last minute an offer can still be held for its full time."""
        hold = datetime.timedelta(milliseconds=settings.KCP_EVENT_OFFER_HOLD_MS)
        return self.waiting_list_closes or (self.start - hold).replace(second=0, microsecond=0)

    def is_waiting_list_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.waiting_list_closes_at()

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts: check the end date and time."
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                f"“{self.slug}” is used by the registration screens: choose another address."
            )
        if self.registration_closes and self.end and self.registration_closes > self.end:
            errors["registration_closes"] = (
                "Registration must close before the event ends: choose an earlier time."
            )
        if self.kind == EventKind.AWAY_DAY:
            if self.audience != Audience.STEERING_GROUP:
                errors["audience"] = (
                    "An away day is for Steering Group members only: choose “Steering Group "
                    "members only”, or make this an ordinary event."
                )
            if not self.registration_closes:
                errors["registration_closes"] = (
                    "Set the cut-off for members' answers: when registration closes."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Publishing saves the page too, so the view restriction always follows the
        audience of the live page."""
        result = super().save(*args, **kwargs)
        self.restrict_to_audience()
        EventPlaces.objects.get_or_create(event_id=self.pk)
        return result

    def restrict_to_audience(self) -> None:
        """Wagtail's own view restriction for the audience, so every listing, search, feed and
        sitemap that keeps to `.public()` leaves the event out, and serving checks it."""
        restrictions = PageViewRestriction.objects.filter(page_id=self.pk)
        group_names = AUDIENCE_GROUPS[Audience(self.audience)]
        if not group_names:
            restrictions.delete()
            return
        restriction = restrictions.filter(restriction_type=PageViewRestriction.GROUPS).first()
        restrictions.exclude(pk=getattr(restriction, "pk", None)).delete()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(
                page_id=self.pk, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(Group.objects.filter(name__in=group_names))

    def serve(self, request, *args, **kwargs):
        return _not_from_the_page_cache(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            places=EventPlaces.objects.filter(event_id=self.pk).first(),
            agenda=list(self.agenda_items.all()),
            documents=list(self.documents.select_related("document")),
            is_taking_registrations=self.is_taking_registrations(),
            is_waiting_list_open=self.is_waiting_list_open(),
        )
        return context


def audiences_open_to(user) -> list[str]:
    """The audiences whose events `user` may see and register for."""
    audiences = [Audience.PUBLIC]
    if not user.is_authenticated:
        return audiences
    names = set(user.groups.values_list("name", flat=True))
    for audience, group_names in AUDIENCE_GROUPS.items():
        if audience != Audience.PUBLIC and (user.is_superuser or names & set(group_names)):
            audiences.append(audience)
    return audiences


def events_visible_to(user, parent=None, now=None):
    """Live events `user` may see, (upcoming soonest first, past latest first): two queries
    and one for the user's groups. Anonymous visitors get only `.public()` pages."""
    now = now or timezone.now()
    events = EventPage.objects.live()
    if parent is not None:
        events = events.child_of(parent)
    if user.is_authenticated:
        events = events.filter(audience__in=audiences_open_to(user))
    else:
        events = events.public()
    events = events.select_related("places")
    upcoming = list(events.filter(end__gte=now).order_by("start"))
    past = list(events.filter(end__lt=now).order_by("-start"))
    return upcoming, past
