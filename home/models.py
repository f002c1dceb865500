"""Home page, content pages, accessibility statement, privacy notice, site settings, the
partner organisations every app shares and the Steering Group's seats."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

# The audit trail's model, registered with the rest of home's (it lives beside its writer).
from .audit import AuditEntry as AuditEntry
from .blocks import ContentStreamBlock
from .extension_points import HOME_PAGE_PANELS, data_protection_register, panels
from .site_chrome import ViewRestrictionsFromMemoryMixin, settings_for_request


@register_setting(icon="site")
class PartnershipSettings(BaseSiteSetting):
    """How the public reaches the Partnership today: used in the footer and on every paper."""

    partnership_name = models.CharField(
        max_length=120, default="Kensington and Chelsea Partnership"
    )
    contact_email = models.EmailField(default="kcp@rbkc.gov.uk")
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)

    panels = [
        FieldPanel("partnership_name"),
        FieldPanel("contact_email", help_text="Where requests for papers in other formats go."),
        FieldPanel("phone"),
        FieldPanel("address"),
    ]

    class Meta:
        verbose_name = "Partnership contact details"

    @classmethod
    def for_request(cls, request):
        """Pages read the settings from the site chrome (no query); the admin edits the row
        itself through for_site."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            setattr(request, attr_name, settings_for_request(request) or cls.for_site(None))
        return getattr(request, attr_name)


class HomePage(ViewRestrictionsFromMemoryMixin, Page):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    introduction = models.TextField(
        blank=True, help_text="One or two sentences saying what the Partnership is for."
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        HelpPanel(
            content="The latest papers and the next meetings are listed on the home page "
            "automatically when they are published."
        ),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        """The panels other apps add (kcp_home_page_panels): the latest papers, the next
        meetings."""
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = [panel.render(request) for panel in panels(HOME_PAGE_PANELS, request)]
        return context

    def route(self, request, path_components):
        """Finds the page at the path in one query, however deep it sits, where Wagtail walks
        the tree with two queries a level. No page type below overrides `route`; a path that
        names no page is left to Wagtail's walk (which answers 404)."""
        if not path_components:
            return super().route(request, path_components)
        page = (
            Page.objects.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                path__startswith=self.path,
                url_path=f"{self.url_path}{'/'.join(path_components)}/",
            )
            .specific()
            .first()
        )
        if page is None:
            return super().route(request, path_components)
        if not page.live:
            raise Http404
        return page.route(request, [])


class ContentPage(ViewRestrictionsFromMemoryMixin, Page):
    """What every free content page has: an introduction and a body of headings, text and
    calls to action. The site's pages (StandardPage) and each group's (GroupContentPage)
    are its concrete kinds, each in its own table."""

    introduction = models.TextField(blank=True, help_text="A sentence or two shown first.")
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class StandardPage(ContentPage):
    """A plain content page: about the Partnership, how to get involved, and so on."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "content page"


class AccessibilityStatementPage(ViewRestrictionsFromMemoryMixin, Page):
    """The statement the Public Sector Bodies Accessibility Regulations 2018 require, with the
    sections of the GOV.UK model statement so none is forgotten."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    COMPLIANCE_CHOICES = [
        ("full", "fully compliant"),
        ("partial", "partially compliant"),
        ("none", "not compliant"),
    ]

    introduction = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="Who runs the site and what you want people to be able to do on it.",
    )
    compliance_status = models.CharField(
        max_length=10, choices=COMPLIANCE_CHOICES, default="partial"
    )
    compliance_details = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="Say which standard (WCAG 2.2 AA) and, if partial, why.",
    )
    non_accessible_content = RichTextField(
        features=["bold", "italic", "link", "ul", "h3"],
        help_text="What is not accessible, why, and when you plan to fix it.",
    )
    other_formats = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How to request a paper in large print, easy read, audio or Braille.",
    )
    reporting_problems = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How to report an accessibility problem and when you will reply.",
    )
    enforcement_procedure = RichTextField(
        features=["bold", "italic", "link"],
        help_text="The Equality and Human Rights Commission's role and the EASS contact.",
    )
    testing = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How and when the site was tested, and by whom.",
    )
    date_prepared = models.DateField(help_text="When this statement was first prepared.")
    date_reviewed = models.DateField(help_text="When it was last reviewed.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("compliance_status"), FieldPanel("compliance_details")],
            heading="Compliance status",
        ),
        FieldPanel("non_accessible_content"),
        FieldPanel("other_formats"),
        FieldPanel("reporting_problems"),
        FieldPanel("enforcement_procedure"),
        FieldPanel("testing"),
        MultiFieldPanel(
            [FieldPanel("date_prepared"), FieldPanel("date_reviewed")], heading="Dates"
        ),
    ]

    class Meta:
        verbose_name = "accessibility statement"


class PrivacyNoticePage(ViewRestrictionsFromMemoryMixin, Page):
    """The UK GDPR privacy notice: who the data controller is and what is done with data."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    data_controller = models.CharField(
        max_length=200, help_text="The organisation legally responsible for the personal data."
    )
    data_controller_address = models.TextField()
    data_protection_officer = models.CharField(
        max_length=200, blank=True, help_text="Name or role, and how to contact them."
    )
    body = StreamField(ContentStreamBlock())
    date_reviewed = models.DateField()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("data_controller"),
                FieldPanel("data_controller_address"),
                FieldPanel("data_protection_officer"),
            ],
            heading="Data controller",
        ),
        FieldPanel("body"),
        FieldPanel("date_reviewed"),
    ]

    class Meta:
        verbose_name = "privacy notice"

    def get_context(self, request, *args, **kwargs):
        """The field-by-field part comes from the data-protection register in the code (each
        app's `kcp_personal_data` holders), so the notice says what the site really keeps."""
        context = super().get_context(request, *args, **kwargs)
        context["register"] = data_protection_register()
        context["versions"] = PrivacyNoticeVersion.objects.all()
        return context


@register_snippet
class Organisation(index.Indexed, models.Model):
    """A partner organisation: the Council, an NHS trust, the police, a voluntary group.
    Shared by every app (group pages, membership), so only Partnership officers change one."""

    class Sector(models.TextChoices):
        COUNCIL = "council", "Council"
        HEALTH = "health", "NHS and health"
        POLICE = "police", "Police and community safety"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        BUSINESS = "business", "Business"
        EDUCATION = "education", "Education and skills"
        OTHER = "other", "Other"

    name = models.CharField(max_length=255, unique=True)
    short_name = models.CharField(
        max_length=40, blank=True, help_text="As papers abbreviate it, e.g. RBKC or KCSC."
    )
    sector = models.CharField(max_length=20, choices=Sector.choices, default=Sector.OTHER)
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("sector"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("short_name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "partner organisation"

    def __str__(self) -> str:
        return self.name


class Interest(models.Model):
    """A subject members can ask to hear about: each theme group (made when the group's page
    is, see themegroups.signals) and each subject of the Community Strategy. Shared by every
    app: alerts match papers to members by it."""

    class Kind(models.TextChoices):
        THEME_GROUP = "theme_group", "Theme group"
        STRATEGY_SUBJECT = "strategy_subject", "Community Strategy subject"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(
        max_length=255, blank=True, help_text="One line telling members what news this brings."
    )
    group_page = models.OneToOneField(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interest",
        help_text="The theme group's page, for interests made from a group.",
    )
    is_offered = models.BooleanField(
        default=True, help_text="Untick to stop offering it to people joining; members keep it."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("is_offered"),
    ]

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


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


class SteeringGroupSeatQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Seats held on the day: joined on or before it, and not yet left."""
        on = on or timezone.localdate()
        return self.filter(joined__lte=on).filter(
            models.Q(left__isnull=True) | models.Q(left__gt=on)
        )


class SteeringGroupSeat(models.Model):
    """A seat on the Steering Group: who holds it, for which partner organisation, since and
    until when. A plain record kept by Partnership officers, not page content, so that a
    change takes effect at once, without review or publishing.

    It lives in `home`, the bottom layer, because everything it ties together is already
    here: the person's account, the partner organisation (home.Organisation) and the role it
    gives (home.roles.STEERING_GROUP_MEMBERS). Both the Steering Group's public page
    (themegroups) and the members' area (members) read it; those two are siblings that never
    import each other, and `papers` (meetings and papers) has nothing to say about who sits
    on a group. Whoever holds a current seat has the Steering Group members' role, and only
    they: home.seats keeps that group in step when a seat is saved and when a date passes."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="steering_group_seats",
        help_text="The member's account. Create the account first under Users if they have none.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="steering_group_seats",
        verbose_name="partner organisation",
        help_text="The partner organisation they represent.",
    )
    title = models.CharField(
        "seat",
        max_length=120,
        help_text="For example: Voluntary sector representative.",
    )
    deputy = models.CharField(
        max_length=255,
        blank=True,
        help_text="The named deputy who attends in their place: name and role.",
    )
    joined = models.DateField(
        help_text="The day they took the seat. Access to the members' area starts that day."
    )
    left = models.DateField(
        null=True,
        blank=True,
        help_text="The day they stopped holding the seat. Their access ends that day; "
        "leave blank while they hold it.",
    )

    objects = SteeringGroupSeatQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("deputy"),
        MultiFieldPanel([FieldPanel("joined"), FieldPanel("left")], heading="Dates"),
    ]

    class Meta:
        ordering = ["organisation__name", "joined"]
        verbose_name = "Steering Group seat"

    def __str__(self) -> str:
        return f"{self.person} – {self.title}, {self.organisation}"

    def clean(self):
        super().clean()
        if self.joined and self.left and self.left < self.joined:
            raise ValidationError(
                {
                    "left": "The day they left must be on or after the day they joined: check "
                    "both dates."
                }
            )

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.joined <= on and (self.left is None or self.left > on)


class OutgoingEmail(models.Model):
    """One email in the outbox: queued in the transaction that decides to send it, delivered
    by the background worker (home.outbox), kept with its attempts and last error."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: will not be retried"
        WITHDRAWN = "withdrawn", "Withdrawn before sending: no longer for this person"

    idempotency_key = models.CharField(
        max_length=200,
        unique=True,
        help_text="The same key is never queued twice, so a repeated decision sends nothing.",
    )
    kind = models.CharField(max_length=100, help_text="What the email is, e.g. a password reset.")
    from_email = models.CharField(max_length=300)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(
        default=list,
        blank=True,
        help_text="Small text files sent with the message (an event's .ics): "
        "[{filename, content, mimetype}].",
    )
    is_confidential = models.BooleanField(
        default=False,
        help_text="Sign-in codes, verification and password-reset links: the body is never "
        "shown in the admin.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {', '.join(self.to)}"

    @property
    def recipients(self) -> list[str]:
        return [*self.to, *self.cc, *self.bcc]


class ScheduledJob(models.Model):
    """When each of the scheduler's jobs next falls due: the claim that stops two schedulers
    running the same job (home.scheduling)."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True)
    last_finished_at = models.DateTimeField(null=True)

    def __str__(self):
        return self.name
