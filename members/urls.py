"""The members app's public and members' URLs, each domain's own `urls` module in turn
(joining at /join/, the members' area under /members/)."""

from django.urls import include, path

urlpatterns = [
    path("", include("members.partnership.urls")),
    path("", include("members.data_rights.urls")),
    path("", include("members.alerts.urls")),
    path("", include("members.dashboard.urls")),
    path("", include("members.induction.urls")),
    path("", include("members.attendance.urls")),
]
