"""The members' area's front page."""

from django.urls import path

from members.dashboard import views

urlpatterns = [
    path("members/", views.dashboard, name="members_dashboard"),
]
