"""Wiring of membership issues: the dashboard panel, the officers' admin, the audit log's
words and the personal data."""

from wagtail import hooks

from home.extension_points import AUDIT_ACTIONS, DASHBOARD_PANELS, PERSONAL_DATA, Panel
from home.roles import is_steering_group_member

from .admin_views import MembershipIssueViewSet
from .personal_data import MembershipIssuesData
from .services import issues_of


@hooks.register(DASHBOARD_PANELS)
def membership_issues_panel(request) -> Panel | None:
    if not is_steering_group_member(request):
        return None
    return Panel(
        template_name="membership_issues/panels/issues.html",
        context={"issues": list(issues_of(request.user)[:5])},
        order=70,
    )


@hooks.register("register_admin_viewset")
def register_membership_issue_viewset():
    return MembershipIssueViewSet("membership_issues")


@hooks.register(AUDIT_ACTIONS)
def membership_issues_audit_actions() -> dict[str, str]:
    return {
        "membership_issues.raised": "Raised a membership issue",
        "membership_issues.listed": "Listed membership issues",
        "membership_issues.viewed": "Viewed a membership issue",
        "membership_issues.changed": "Changed a membership issue",
    }


@hooks.register(PERSONAL_DATA)
def membership_issues_data():
    return MembershipIssuesData()
