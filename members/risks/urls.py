"""The risk register under /members/risks/: Steering Group members and officers only."""

from django.urls import path

from . import views

urlpatterns = [
    path("members/risks/", views.register, name="risks_register"),
    path("members/risks/<int:risk_id>/", views.risk_detail, name="risks_risk"),
    path("members/risks/reviews/", views.reviews, name="risks_reviews"),
    path("members/risks/reviews/<int:review_id>/", views.review_detail, name="risks_review"),
    path(
        "members/risks/reviews/<int:review_id>/report/",
        views.draft_report,
        name="risks_draft_report",
    ),
]
