"""Stopping alerts from the link in every alert (RFC 8058 one-click)."""

from django.urls import path

from members.alerts import resubscribe_views, views

urlpatterns = [
    path("members/unsubscribe/<str:token>/", views.unsubscribe, name="members_unsubscribe"),
    path(
        "members/unsubscribe/<str:token>/start-again/",
        resubscribe_views.resubscribe_view,
        name="members_resubscribe",
    ),
]
