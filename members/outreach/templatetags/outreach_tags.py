"""{% member_count_sentence %}: "About N members" on the join page, when the setting shows it."""

from django import template
from django.utils.html import format_html

from members.outreach.wagtail_hooks import member_count_to_show

register = template.Library()


@register.simple_tag(takes_context=True)
def member_count_sentence(context):
    request = context.get("request")
    count = member_count_to_show(request) if request is not None else None
    if not count:
        return ""
    return format_html('<p class="member-count">About {} members have joined so far.</p>', count)
