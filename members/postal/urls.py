"""The officers' Postal mailing screens, at /admin/postal-mailing/ but outside Wagtail's own
admin gate (kcp_site.urls puts them before the admin): that gate turns a refusal into a
redirect, and these screens hold members' names and addresses, so anyone signed in who is
not a Partnership officer gets a plain 403, and someone signed out the sign-in page."""

from django.urls import path

from members.postal import officer_views

urlpatterns = [
    path(
        "",
        officer_views.PostalMailingView.as_view(),
        name="members_postal_mailing",
    ),
    path(
        "<int:pk>/",
        officer_views.PostalBatchView.as_view(),
        name="members_postal_batch",
    ),
    path(
        "<int:pk>/letters/",
        officer_views.PostalLettersView.as_view(),
        name="members_postal_letters",
    ),
    path(
        "<int:pk>/letters/<int:letter_pk>/",
        officer_views.PostalLettersView.as_view(),
        name="members_postal_letter",
    ),
    path(
        "<int:pk>/letters.pdf",
        officer_views.PostalPdfView.as_view(),
        name="members_postal_pdf",
    ),
    path(
        "<int:pk>/labels/",
        officer_views.PostalLabelsView.as_view(),
        name="members_postal_labels",
    ),
    path(
        "<int:pk>/labels.csv",
        officer_views.PostalLabelsCsvView.as_view(),
        name="members_postal_labels_csv",
    ),
    path(
        "returned/<int:pk>/",
        officer_views.ReturnedLetterView.as_view(),
        name="members_postal_returned",
    ),
    path(
        "members/<int:pk>/change/",
        officer_views.ChangeByPostView.as_view(),
        name="members_postal_change",
    ),
]
