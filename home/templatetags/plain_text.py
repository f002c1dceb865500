"""A template filter for showing rich text where only words belong (search results, lists):
its markup taken out and its entities read, so "<p>Tom &amp; Jerry</p>" reads "Tom & Jerry"
(autoescaping then writes it safely once)."""

import html

from django import template
from django.utils.html import strip_tags

register = template.Library()


@register.filter
def plain_text(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())
