"""Addresses of the decisions register, the action tracker and the forward plan."""

from django.urls import path

from . import progress_views, views

urlpatterns = [
    path("decisions/", views.decisions_register, name="governance_decisions"),
    path("decisions/decisions.csv", views.decisions_csv, name="governance_decisions_csv"),
    path("decisions/feed/", views.DecisionsFeed(), name="governance_decisions_feed"),
    path("actions/", views.action_tracker, name="governance_actions"),
    path(
        "actions/year/<int:year>/",
        views.municipal_year_actions,
        name="governance_municipal_year_actions",
    ),
    path(
        "actions/year/<int:year>/actions.csv",
        views.municipal_year_actions_csv,
        name="governance_municipal_year_actions_csv",
    ),
    path(
        "members/actions/<int:action_id>/progress/",
        progress_views.post_progress,
        name="governance_post_progress",
    ),
    path("forward-plan/", views.forward_plan, name="governance_forward_plan"),
    path("forward-plan/feed/", views.ForwardPlanFeed(), name="governance_forward_plan_feed"),
    path(
        "forward-plan/calendar.ics",
        views.forward_plan_calendar,
        name="governance_forward_plan_calendar",
    ),
]
