"""Wiring of the risk register: the officers' admin, the members' dashboard panel, and the
personal data it keeps."""

from wagtail import hooks

from home.extension_points import DASHBOARD_PANELS, PERSONAL_DATA, Panel
from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS, role_names_of

from .admin_views import RegisterReviewViewSet, RiskViewSet
from .personal_data import RisksData


@hooks.register("register_admin_viewset")
def register_risk_viewset():
    return RiskViewSet("risks")


@hooks.register("register_admin_viewset")
def register_review_viewset():
    return RegisterReviewViewSet("risk_reviews")


@hooks.register(DASHBOARD_PANELS)
def risks_panel(request) -> Panel | None:
    """A link, no query: the dashboard's query budget is shared by every panel."""
    roles = role_names_of(request)
    if STEERING_GROUP_MEMBERS not in roles and PARTNERSHIP_OFFICERS not in roles:
        return None
    return Panel(template_name="risks/panels/risks.html", order=60)


@hooks.register(PERSONAL_DATA)
def risks_personal_data():
    return RisksData()
