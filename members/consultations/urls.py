"""Responding (the form each consultation page and paper open for comments links to) and the
officers' screens. Included before Wagtail's pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("responses/<int:page_id>/", views.respond, name="consultations_respond"),
    path("responses/<int:page_id>/link/", views.request_link, name="consultations_link"),
    path("responses/manage/", views.manage_list, name="consultations_manage"),
    path(
        "responses/manage/open-for-comments/",
        views.open_for_comments,
        name="consultations_open_for_comments",
    ),
    path("responses/manage/<int:page_id>/", views.manage_page, name="consultations_manage_page"),
    path(
        "responses/manage/<int:page_id>/responses.csv",
        views.export_responses,
        name="consultations_export",
    ),
    path(
        "responses/manage/<int:page_id>/print/", views.print_responses, name="consultations_print"
    ),
    path(
        "responses/manage/<int:page_id>/record/",
        views.record_response,
        name="consultations_record",
    ),
]
