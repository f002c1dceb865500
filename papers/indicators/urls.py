"""The indicators' public CSV downloads."""

from django.urls import path

from . import views

urlpatterns = [
    path("indicators/<int:page_id>/results.csv", views.results_csv, name="indicator_results_csv"),
]
