"""Admin and serving hooks of the base app, and the Steering Group seats' admin screens."""

from django.shortcuts import render
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .extension_points import PERSONAL_DATA
from .models import SteeringGroupSeat
from .personal_data import SeatsData


@hooks.register("before_serve_page")
def refuse_signed_in_people_outside_the_pages_groups(page, request, serve_args, serve_kwargs):
    """Wagtail sends anyone a group restriction refuses to the login page, and the login page
    sends a signed-in person straight back: an endless loop. A signed-in person who is not in
    the page's groups gets a 403 page saying who may see it and whom to ask instead."""
    if not request.user.is_authenticated:
        return None
    for restriction in page.get_view_restrictions():
        if (
            restriction.restriction_type == PageViewRestriction.GROUPS
            and not restriction.accept_request(request)
        ):
            response = render(
                request,
                "403.html",
                {"allowed_groups": [group.name for group in restriction.groups.all()]},
                status=403,
            )
            response["Cache-Control"] = "private, no-cache, no-store"
            return response
    return None


class SteeringGroupSeatViewSet(SnippetViewSet):
    """Officers keep the seats (only they hold its permissions): who, for whom, since when."""

    model = SteeringGroupSeat
    icon = "group"
    menu_label = "Steering Group seats"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["person", "organisation", "title", "joined", "left"]
    list_filter = ["organisation"]
    search_fields = ["title", "deputy"]
    ordering = ["organisation__name", "joined"]


register_snippet(SteeringGroupSeatViewSet)


@hooks.register(PERSONAL_DATA)
def seats_personal_data() -> SeatsData:
    return SeatsData()
