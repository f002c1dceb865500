"""Event pages and the records of who takes part: places, registrations, the waiting list,
special-category needs and the audit log of who saw or changed personal data."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS
from papers.groups import GroupChooserPanel
from papers.models import PostingSubjects

# Addresses under /events/ that the site's own screens use: no event may take them as a slug.
RESERVED_SLUGS = {"registration", "manage"}


class Audience(models.TextChoices):
    STEERING_GROUP = "steering_group", "Steering Group members only"
    WIDER_PARTNERSHIP = "wider_partnership", "Members of the wider partnership"
    PUBLIC = "public", "Anyone, the public too"


# Who may see (and so register for) an event of each audience: the Django groups of its view
# restriction. Officers are in every list so they can check restricted pages as visitors do.
AUDIENCE_GROUPS = {
    Audience.STEERING_GROUP: (STEERING_GROUP_MEMBERS, PARTNERSHIP_OFFICERS),
    Audience.WIDER_PARTNERSHIP: (
        WIDER_PARTNERSHIP_MEMBERS,
        STEERING_GROUP_MEMBERS,
        PARTNERSHIP_OFFICERS,
    ),
    Audience.PUBLIC: (),
}


def _not_from_the_page_cache(response):
    """The places left change with every registration, which publishes nothing: the page
    cache (home.page_cache) and browsers must ask again each time."""
    response["Cache-Control"] = "no-cache"
    return response


class EventKind(models.TextChoices):
    EVENT = "event", "An event people register for"
    AWAY_DAY = "away_day", "A Steering Group away day (members answer the sign-up)"


class Reply(models.TextChoices):
    """A Steering Group member's answer to an away day's sign-up."""

    ATTENDING = "attending", "Attending"
    TENTATIVE = "tentative", "Tentative"
    NOT_ATTENDING = "not_attending", "Not attending"


# Replies that hold a place: a tentative member may come, so a place is kept for them.
REPLIES_HOLDING_A_PLACE = (Reply.ATTENDING, Reply.TENTATIVE)


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
            ],
            heading="Who may take part",
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
        )
        return context


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


class EventPlaces(models.Model):
    """How many places an event has and how many are taken (confirmed or held for an offer).
    A row of its own, not a page field: pages are revisioned and locked while published, and
    every registration updates this row with `taken < capacity` in its WHERE clause."""

    event = models.OneToOneField(
        EventPage, primary_key=True, on_delete=models.CASCADE, related_name="places"
    )
    capacity = models.PositiveIntegerField(default=0)
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "event places"
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=models.F("capacity")),
                name="events_places_taken_within_capacity",
            )
        ]

    def __str__(self) -> str:
        return f"{self.taken} of {self.capacity} places taken"

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)


class Registration(models.Model):
    """One person's registration for one event: a place, or a turn on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Place confirmed"
        WAITING = "waiting", "On the waiting list"
        OFFERED = "offered", "Offered a place"
        CANCELLED = "cancelled", "Cancelled"
        OFFER_EXPIRED = "offer_expired", "Offer not taken up in time"

    ACTIVE = (Status.CONFIRMED, Status.WAITING, Status.OFFERED)
    HOLDS_A_PLACE = (Status.CONFIRMED, Status.OFFERED)

    event = models.ForeignKey(EventPage, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(max_length=200)
    email = models.EmailField()
    answers = models.JSONField(
        default=list, blank=True, help_text="The event's own questions: [{question, answer}]."
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    officer_note = models.TextField(blank=True)
    reply = models.CharField(
        max_length=20,
        choices=Reply.choices,
        blank=True,
        help_text="An away day's answer. Attending and tentative hold a place (status "
        "confirmed); not attending holds none (status cancelled). Blank for other events.",
    )
    note = models.TextField(blank=True, help_text="The member's own note with their answer.")
    replied_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member last gave or changed their answer."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                "email",
                condition=Q(status__in=["confirmed", "waiting", "offered"]),
                name="events_one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                "event",
                "user",
                condition=Q(status__in=["confirmed", "waiting", "offered"]),
                name="events_one_active_registration_per_user",
            ),
            models.UniqueConstraint(
                "event",
                "user",
                condition=~Q(reply=""),
                name="events_one_away_day_answer_per_member",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class RegistrationNeeds(models.Model):
    """Access and dietary needs: special-category data (they can reveal health or religion).
    Kept apart from the registration so only officers' screens ever load it, asked with
    explicit consent, and deleted a set time after the event (KCP_EVENT_NEEDS_KEPT_DAYS)."""

    registration = models.OneToOneField(
        Registration, primary_key=True, on_delete=models.CASCADE, related_name="needs"
    )
    access_needs = models.TextField(blank=True)
    dietary_needs = models.TextField(blank=True)
    consent_given_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "registration needs"

    def __str__(self) -> str:
        return "Access and dietary needs"


class PersonalDataAuditEntry(models.Model):
    """Who looked at, exported or changed event registrations' personal data, and when."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed registrations"
        EXPORTED = "exported", "Exported registrations"
        PRINTED = "printed", "Printed the sign-in sheet"
        CHECKED_IN = "checked_in", "Checked someone in"
        CANCELLED = "cancelled", "Cancelled a registration"
        MOVED = "moved", "Moved a registration"
        CAPACITY = "capacity", "Changed the number of places"
        NEEDS_ERASED = "needs_erased", "Deleted access and dietary needs"
        REMINDED = "reminded", "Reminded members who had not answered"

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    event = models.ForeignKey(
        EventPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    included_needs = models.BooleanField(
        default=False, help_text="Whether what was seen included access and dietary needs."
    )
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "personal data audit entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


class AwayDayReminder(models.Model):
    """One reminder of an away day to the members who had not answered: sent by an officer's
    action (its `token` comes from the form, so the same action submitted twice sends once) or
    by the scheduler (token "automatic", once per away day)."""

    AUTOMATIC = "automatic"

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="reminders")
    token = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who sent it; empty for the automatic reminder.",
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint("event", "token", name="events_one_reminder_per_action")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.recipients} ({self.sent_at:%Y-%m-%d %H:%M})"

    @property
    def is_automatic(self) -> bool:
        return self.token == self.AUTOMATIC


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
