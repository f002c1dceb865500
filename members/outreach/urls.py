"""Outreach's URLs: the short codes and unsubscribe links, and the officers' screens.
Included before Wagtail's pages."""

from django.urls import path

from . import officer_views, views

urlpatterns = [
    path("j/<str:code>", views.follow_code, name="outreach_code"),
    path("outreach/unsubscribe/<str:token>/", views.unsubscribe_view, name="outreach_unsubscribe"),
    path("outreach/", officer_views.outreach_home, name="outreach_home"),
    path("outreach/lists/<int:list_id>/", officer_views.list_detail, name="outreach_list"),
    path(
        "outreach/lists/<int:list_id>/contacts.csv",
        officer_views.export_list,
        name="outreach_list_export",
    ),
    path(
        "outreach/contacts/<int:contact_id>/erase/",
        officer_views.erase,
        name="outreach_erase",
    ),
    path("outreach/campaigns/new/", officer_views.new_campaign, name="outreach_new_campaign"),
    path("outreach/campaigns/<int:campaign_id>/", officer_views.campaign, name="outreach_campaign"),
    path(
        "outreach/campaigns/<int:campaign_id>/letters/",
        officer_views.letters,
        name="outreach_letters",
    ),
    path(
        "outreach/campaigns/<int:campaign_id>/letters.pdf",
        officer_views.letters_pdf,
        name="outreach_letters_pdf",
    ),
    path(
        "outreach/campaigns/<int:campaign_id>/labels/",
        officer_views.labels_sheet,
        name="outreach_labels_sheet",
    ),
    path(
        "outreach/campaigns/<int:campaign_id>/labels.csv",
        officer_views.labels,
        name="outreach_labels",
    ),
    path(
        "outreach/channels/<int:channel_id>/print/",
        officer_views.poster,
        name="outreach_poster",
    ),
    path(
        "outreach/channels/<int:channel_id>/print.pdf",
        officer_views.poster_pdf,
        name="outreach_poster_pdf",
    ),
    path("outreach/figures/", officer_views.figures_view, name="outreach_figures"),
    path(
        "outreach/figures/<str:table>.csv", officer_views.figures_csv, name="outreach_figures_csv"
    ),
]
