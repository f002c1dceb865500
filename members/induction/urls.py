"""Induction modules, shadowing pairings and the skills audit, for Steering Group members."""

from django.urls import path

from members.induction import views

urlpatterns = [
    path(
        "members/induction/<int:module_id>/done/",
        views.mark_module_done,
        name="members_module_done",
    ),
    path(
        "members/pairings/<int:pairing_id>/done/",
        views.mark_pairing_done,
        name="members_pairing_done",
    ),
    path("members/skills-audit/", views.skills_audit_form, name="members_skills_audit"),
]
