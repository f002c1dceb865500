"""Stopping alerts from the link in every alert (RFC 8058 one-click)."""

from django.urls import path

from members.alerts import views

urlpatterns = [
    path("members/unsubscribe/<str:token>/", views.unsubscribe, name="members_unsubscribe"),
]
