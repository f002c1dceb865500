"""The vocabulary every app shares: partner organisations and the interests members choose."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet


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
