"""Joining the wider partnership and a member's own preferences."""

from django.urls import path

from members.partnership import own_details_views, views

urlpatterns = [
    path("join/", views.JoinView.as_view(), name="members_join"),
    path("join/confirmed/", views.join_confirmed, name="members_join_confirmed"),
    path("members/preferences/", views.preferences, name="members_preferences"),
    path("members/preferences/renew/", views.renew_consent, name="members_renew_consent"),
    path("members/your-details/", own_details_views.your_details, name="members_your_details"),
    path("members/preferences/leave/", views.leave, name="members_leave"),
]
