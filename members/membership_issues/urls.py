"""Raising a membership issue, under the members' area."""

from django.urls import path

from . import views

urlpatterns = [
    path("members/membership-issues/new/", views.raise_issue, name="membership_issues_raise"),
]
