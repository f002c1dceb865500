"""Admin and serving hooks of the base app."""

from django.shortcuts import render
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Interest, PrivacyNoticeVersion


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


class InterestViewSet(SnippetViewSet):
    """The subjects members choose from. Theme groups add theirs; officers add the rest."""

    model = Interest
    icon = "tag"
    menu_label = "Interests"
    list_display = ["name", "kind", "is_offered"]
    list_filter = ["kind", "is_offered"]


class PrivacyNoticeVersionViewSet(SnippetViewSet):
    model = PrivacyNoticeVersion
    icon = "lock"
    menu_label = "Privacy notice versions"
    list_display = ["number", "published_on", "asks_for_renewal", "changes"]


register_snippet(InterestViewSet)
register_snippet(PrivacyNoticeVersionViewSet)
