"""Template tags of the indicators: the chart, and figures written as a person writes them."""

from django import template

from home.charts import format_number

register = template.Library()


@register.simple_tag
def indicator_chart(figures, chart_id: str):
    return figures.chart(chart_id)


@register.filter
def figure(value) -> str:
    return format_number(value) if value is not None else ""
