"""The block papers use to show an indicator's chart: the figures as they stood when the paper
was first published, with a link to the live indicator."""

from wagtail import blocks

from .figures import IndicatorFigures
from .models import FrozenIndicatorChart


class IndicatorChartBlock(blocks.StructBlock):
    indicator = blocks.PageChooserBlock(page_type="indicators.IndicatorPage")
    caption = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="Optional: a sentence on what the reader should see in the chart.",
    )

    class Meta:
        icon = "table"
        label = "Indicator chart"
        template = "indicators/blocks/indicator_chart.html"
        help_text = (
            "Shows the indicator's results and targets. When the paper is first published the "
            "figures are kept as they are then, so the paper never changes after its meeting; "
            "it links to the live indicator."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        indicator = value.get("indicator")
        page = (parent_context or {}).get("page")
        frozen = None
        if indicator is not None and page is not None and page.pk:
            frozen = FrozenIndicatorChart.objects.filter(
                page_id=page.pk, indicator_id=indicator.pk
            ).first()
        if frozen is not None:
            context["figures"] = IndicatorFigures.from_json(frozen.figures)
            context["frozen_at"] = frozen.frozen_at
        elif indicator is not None:
            context["figures"] = indicator.specific.figures()
        context["chart_id"] = _next_chart_id(parent_context, indicator)
        context["indicator_is_public"] = (
            indicator is not None and indicator.live and not indicator.get_view_restrictions()
        )
        return context


def _next_chart_id(parent_context, indicator) -> str:
    """Unique on the page, even when a paper shows the same indicator twice, and the same at
    every render (a cached page, a backup restored, the chart's own accessible name): the
    charts are numbered in the order the page renders them. Rendered without a request (a
    PDF), the indicator names it."""
    request = (parent_context or {}).get("request")
    if request is None:
        return f"indicator-chart-{indicator.pk if indicator is not None else 0}"
    request.kcp_indicator_charts = getattr(request, "kcp_indicator_charts", 0) + 1
    return f"indicator-chart-{request.kcp_indicator_charts}"
