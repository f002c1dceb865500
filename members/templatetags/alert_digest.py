"""`{% postings_by_group postings as groups %}` for the weekly digest's templates."""

from django import template

from members.alerts.digest_groups import by_group

register = template.Library()


@register.simple_tag
def postings_by_group(postings):
    return by_group(postings)
