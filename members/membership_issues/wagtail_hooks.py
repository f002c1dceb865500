"""Wiring of membership issues: the dashboard panel, the officers' admin, the audit log's
words and the personal data."""

from wagtail import hooks

from home.extension_points import DASHBOARD_PANELS, PERSONAL_DATA, Panel
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


@hooks.register("register_log_actions")
def register_membership_issue_log_actions(actions):
    actions.register_action(
        "kcp.membership_issue_raised", "Raise membership issue", "Membership issue raised"
    )
    actions.register_action(
        "kcp.membership_issue_viewed", "View membership issue", "Membership issue viewed"
    )


@hooks.register(PERSONAL_DATA)
def membership_issues_data():
    return MembershipIssuesData()
