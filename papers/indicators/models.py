"""The indicators data bank: the index page, one page per indicator with its targets by year,
its results as rows, and the frozen copies of its chart that published papers show."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.site_chrome import ViewRestrictionsFromMemoryMixin

from .figures import IndicatorFigures, ResultRow, TargetRow
from .progress import ON_TRACK_RULE


class IndicatorIndexPage(ViewRestrictionsFromMemoryMixin, Page):
    """Every published public indicator, by theme, with whether each is on track."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["indicators.IndicatorPage"]
    template = "indicators/indicator_index_page.html"

    introduction = models.TextField(
        blank=True, help_text="One or two sentences on what the data bank holds."
    )

    content_panels = [
        HelpPanel(
            content="This page lists the published indicators below it automatically, by theme."
        ),
        *Page.content_panels,
        FieldPanel("introduction"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "indicators data bank"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        indicators = (
            IndicatorPage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_organisation")
            .prefetch_related("targets", "results")
            .order_by("theme", "title")
        )
        themes: dict[str, list] = {}
        for indicator in indicators:
            themes.setdefault(indicator.theme, []).append(indicator)
        context["themes"] = themes
        context["on_track_rule"] = ON_TRACK_RULE
        return context


class IndicatorPage(ViewRestrictionsFromMemoryMixin, Page):
    """One indicator: its definition, targets by year, and its results (entered in the admin
    under Indicator results, or imported from a CSV)."""

    parent_page_types = ["indicators.IndicatorIndexPage"]
    subpage_types = []
    template = "indicators/indicator_page.html"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    theme = models.CharField(
        "theme or strategy",
        max_length=120,
        help_text="As the Community Strategy names it, e.g. Health and well-being.",
    )
    what_is_counted = models.TextField(help_text="In plain words: what one result measures.")
    source = models.CharField(
        max_length=255,
        help_text="Where the figures come from, e.g. Office for National Statistics.",
    )
    frequency = models.CharField(
        "how often", max_length=60, help_text="How often a new figure is published, e.g. Yearly."
    )
    lead_organisation = models.ForeignKey(
        "home.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The partner that reports this indicator.",
    )
    unit = models.CharField(
        max_length=40, help_text="What the numbers are in, e.g. % of working-age residents."
    )
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    baseline_value = models.DecimalField(
        "baseline", max_digits=14, decimal_places=3, null=True, blank=True
    )
    baseline_label = models.CharField(
        "baseline year", max_length=40, blank=True, help_text="e.g. 2003/04."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        MultiFieldPanel(
            [
                FieldPanel("what_is_counted"),
                FieldPanel("source"),
                FieldPanel("frequency"),
                FieldPanel("lead_organisation"),
            ],
            heading="Definition",
        ),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_label")]),
        InlinePanel("targets", heading="Targets by year", label="target"),
        HelpPanel(
            content="Results are entered under Indicator results in the menu, or imported from "
            "a CSV there; they show on the page as soon as they are saved."
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("what_is_counted"),
        index.SearchField("theme"),
        index.SearchField("source"),
        index.FilterField("theme"),
    ]

    class Meta:
        verbose_name = "indicator"

    def figures(self) -> IndicatorFigures:
        """The indicator as it stands now (prefetch `targets` and `results` for a listing)."""
        return IndicatorFigures(
            title=self.title,
            unit=self.unit,
            direction=self.direction,
            baseline_value=self.baseline_value,
            baseline_label=self.baseline_label,
            targets=tuple(
                sorted(TargetRow(year=t.year, value=t.value) for t in self.targets.all())
            ),
            results=tuple(
                sorted(
                    (
                        ResultRow(on=r.on, value=r.value, area=r.area, note=r.note, source=r.source)
                        for r in self.results.all()
                    ),
                    key=lambda row: (row.on, row.area),
                )
            ),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures()
        context["on_track_rule"] = ON_TRACK_RULE
        return context


class IndicatorTarget(Orderable):
    indicator = ParentalKey(IndicatorPage, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="A result dated in this year is measured against this target.",
    )
    value = models.DecimalField("target", max_digits=14, decimal_places=3)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = "target"


class IndicatorResult(models.Model):
    """One dated figure, for the whole borough (no area) or one area such as a ward."""

    indicator = models.ForeignKey(IndicatorPage, on_delete=models.CASCADE, related_name="results")
    on = models.DateField("date", help_text="The date or end of the period the figure is for.")
    value = models.DecimalField(max_digits=14, decimal_places=3)
    area = models.CharField(
        max_length=120, blank=True, help_text="Leave blank for the whole borough; or a ward."
    )
    note = models.CharField(max_length=255, blank=True)
    source = models.CharField(max_length=255, blank=True, help_text="Where this figure is from.")

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("on"), FieldPanel("value"), FieldPanel("area")]),
        FieldPanel("note"),
        FieldPanel("source"),
    ]

    class Meta:
        ordering = ["indicator", "on", "area"]
        verbose_name = "indicator result"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "on", "area"], name="one_result_per_indicator_date_area"
            )
        ]

    def __str__(self) -> str:
        where = f" ({self.area})" if self.area else ""
        return f"{self.indicator.title}, {self.on:%d %B %Y}{where}: {self.value}"

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude)
        except ValidationError:
            raise ValidationError(
                {
                    "on": "This indicator already has a result for that date and area: change "
                    "that result instead, or choose another date or area."
                }
            ) from None


class FrozenIndicatorChart(models.Model):
    """An indicator's figures as they stood when a paper that embeds its chart was first
    published: the paper shows these for ever, so its record never changes after its meeting."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(
        IndicatorPage, null=True, on_delete=models.SET_NULL, related_name="frozen_charts"
    )
    frozen_at = models.DateTimeField()
    figures = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "indicator"], name="one_frozen_chart_per_page_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.figures.get('title', 'Indicator')}, as on {self.frozen_at:%d %B %Y}"
