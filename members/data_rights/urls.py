"""A member's own data: the readable page, the download and deletion."""

from django.urls import path

from members.data_rights import views

urlpatterns = [
    path("members/your-data/", views.your_data, name="members_your_data"),
    path("members/your-data/download/", views.download_your_data, name="members_download"),
    path("members/your-data/delete/", views.delete_your_data, name="members_delete"),
    path("members/your-data/deleted/", views.deleted, name="members_deleted"),
]
