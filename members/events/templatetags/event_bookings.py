"""`{% booking_for page request.user as booking %}`: the person's own booking on an event's
page (the page itself is served from Wagtail's tree, so its model cannot look it up)."""

from django import template

from members.events import bookings

register = template.Library()


@register.simple_tag
def booking_for(event, user):
    return bookings.booking_for(user, event)
