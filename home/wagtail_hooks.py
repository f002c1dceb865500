"""Admin and serving hooks of the base app, and the Steering Group seats' admin screens."""

from django.shortcuts import render
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import outbox_views
from .admin_menu import OfficersMenuItem
from .audit import AuditEntry
from .audit_views import AuditTrailViewSet
from .extension_points import AUDIT_ACTIONS, FRONT_CACHE_LISTINGS, PERSONAL_DATA
from .models import Interest, PrivacyNoticeVersion, SteeringGroupSeat
from .officer_screens import ReadOnlyOfficersPolicy
from .page_links import PageLinksInOneQuery
from .personal_data import AuditTrailData, SeatsData


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


@hooks.register(PERSONAL_DATA)
def audit_trail_personal_data() -> AuditTrailData:
    return AuditTrailData()


@hooks.register("register_admin_urls")
def outbox_admin_urls():
    return [
        path("outbox/", outbox_views.OutboxView.as_view(), name="home_outbox"),
        path(
            "outbox/<int:email_id>/",
            outbox_views.OutgoingEmailView.as_view(),
            name="home_outgoing_email",
        ),
        path(
            "outbox/<int:email_id>/retry/",
            outbox_views.RetryEmailView.as_view(),
            name="home_retry_email",
        ),
    ]


@hooks.register("register_admin_menu_item")
def outbox_menu_item():
    return OfficersMenuItem("Outbox", reverse("home_outbox"), icon_name="mail", order=910)


@hooks.register(AUDIT_ACTIONS)
def outbox_audit_actions() -> dict[str, str]:
    return {
        "home.viewed_email": "Viewed an email in the outbox",
        "home.retried_email": "Asked for an email in the outbox to be sent now",
    }


# The one personal data audit trail: officers read it, nobody changes it. Its URLs keep the
# name and path of the member data audit log it replaced (admin/member_audit/), for bookmarks.
register_permission_policy(AuditEntry, ReadOnlyOfficersPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def audit_trail_viewset():
    return AuditTrailViewSet("member_audit")


@hooks.register("register_admin_menu_item")
def audit_trail_menu_item():
    return OfficersMenuItem(
        "Personal data audit trail", reverse("member_audit:index"), icon_name="list-ul", order=870
    )


@hooks.register("insert_global_admin_css")
def outbox_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-outbox.css"))


@hooks.register("register_rich_text_features", order=100)
def make_page_links_in_one_query(features):
    """After Wagtail's own registration (order 0), which this replaces."""
    features.register_link_type(PageLinksInOneQuery)


@hooks.register(FRONT_CACHE_LISTINGS)
def home_page_shows_the_latest(page) -> list[str]:
    """The home page's panels list the latest pages of every kind: it goes with any page."""
    return ["/"]
