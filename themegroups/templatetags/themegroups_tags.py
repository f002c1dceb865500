"""Template tags of theme groups for other apps' templates: the News and Views item of a
Steering Group meeting's agenda. The meeting template loads this library, so papers' Python
never imports themegroups."""

from django import template

from themegroups.services import news_and_views_for_meeting

register = template.Library()


@register.simple_tag
def news_and_views_updates(meeting) -> list:
    """The groups' updates for this meeting, by group name (one query)."""
    return news_and_views_for_meeting(meeting)


@register.filter
def is_news_and_views_item(agenda_item) -> bool:
    return "news and views" in (agenda_item.title or "").lower()


@register.filter
def has_news_and_views_item(agenda) -> bool:
    return any(is_news_and_views_item(item) for item in agenda)
