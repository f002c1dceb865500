"""Admin wiring of representation: the officers' composition report and interests in
joining, the audit log's words for them, and the personal data they hold."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import AUDIT_ACTIONS, PERSONAL_DATA
from home.roles import is_partnership_officer

from .admin_views import CompositionReportView, InterestRequestViewSet
from .personal_data import InterestRequestsData


@hooks.register("register_admin_viewset")
def register_interest_request_viewset():
    return InterestRequestViewSet("interest_requests")


@hooks.register("register_admin_urls")
def register_composition_urls():
    return [
        path(
            "representation/composition/",
            CompositionReportView.as_view(),
            name="representation_composition",
        )
    ]


class OfficersOnlyMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_partnership_officer(request.user)


@hooks.register("register_admin_menu_item")
def register_composition_menu_item():
    return OfficersOnlyMenuItem(
        "Composition of groups",
        reverse("representation_composition"),
        name="composition-of-groups",
        icon_name="group",
        order=946,
    )


@hooks.register(AUDIT_ACTIONS)
def representation_audit_actions() -> dict[str, str]:
    return {
        "representation.requested": "Asked to join a group",
        "representation.listed": "Listed interests in joining groups",
        "representation.viewed": "Viewed an interest in joining a group",
        "representation.changed": "Changed an interest in joining a group",
    }


@hooks.register(PERSONAL_DATA)
def interest_requests_data():
    return InterestRequestsData()
