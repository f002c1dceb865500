"""Template tags other apps use to show papers and meetings (the home page's slots)."""

from django import template

register = template.Library()


@register.inclusion_tag("papers/includes/latest_papers.html", takes_context=True)
def latest_papers(context, count: int = 5):
    return {"papers": [], "request": context.get("request")}


@register.inclusion_tag("papers/includes/next_meetings.html", takes_context=True)
def next_meetings(context, count: int = 3):
    return {"meetings": [], "request": context.get("request")}
