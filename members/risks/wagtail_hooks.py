"""Wiring of the risk register: the officers' admin, the members' dashboard panel, and the
personal data it keeps."""

from wagtail import hooks

from home.extension_points import DASHBOARD_PANELS, PERSONAL_DATA, Panel
from home.roles import is_partnership_officer, is_steering_group_member

from .admin_views import RegisterReviewViewSet, RiskViewSet
from .models import Risk
from .personal_data import RisksData
from .scoring import band
from .services import next_review_due


@hooks.register("register_admin_viewset")
def register_risk_viewset():
    return RiskViewSet("risks")


@hooks.register("register_admin_viewset")
def register_review_viewset():
    return RegisterReviewViewSet("risk_reviews")


@hooks.register(DASHBOARD_PANELS)
def risks_panel(request) -> Panel | None:
    if not (is_steering_group_member(request) or is_partnership_officer(request.user)):
        return None
    scores = list(
        Risk.objects.filter(is_closed=False).values_list("likelihood_after", "impact_after")
    )
    return Panel(
        template_name="risks/panels/risks.html",
        context={
            "open_count": len(scores),
            "high_count": sum(1 for lik, imp in scores if band(lik * imp) == "high"),
            "next_review_on": next_review_due(),
        },
        order=60,
    )


@hooks.register(PERSONAL_DATA)
def risks_personal_data():
    return RisksData()
