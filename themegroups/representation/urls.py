"""The public pages of an interest in joining a group."""

from django.urls import path

from . import views

urlpatterns = [
    path("groups/<int:page_id>/join/", views.express_interest, name="representation_interest"),
    path(
        "groups/join/confirm/<str:token>/",
        views.confirm_interest,
        name="representation_confirm",
    ),
]
