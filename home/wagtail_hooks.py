"""Admin and serving hooks of the base app."""

from django.shortcuts import render
from wagtail import hooks
from wagtail.models import PageViewRestriction

from .page_links import PageLinksInOneQuery


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


@hooks.register("register_rich_text_features", order=100)
def make_page_links_in_one_query(features):
    """After Wagtail's own registration (order 0), which this replaces."""
    features.register_link_type(PageLinksInOneQuery)
