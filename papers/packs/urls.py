"""A meeting's agenda pack and a paper's PDF, at the page's address with a suffix."""

from django.urls import re_path

from . import views

PAGE_PATH = r"(?:[\w-]+/)*[\w-]+"

urlpatterns = [
    re_path(
        rf"^(?P<meeting_path>{PAGE_PATH})/agenda-pack\.pdf$",
        views.agenda_pack,
        name="packs_agenda_pack",
    ),
    re_path(rf"^(?P<page_path>{PAGE_PATH})\.pdf$", views.paper_pdf, name="packs_paper_pdf"),
]
