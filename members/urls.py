"""The members' area URLs, under /members/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="members_dashboard"),
    path("induction/<int:module_id>/done/", views.mark_module_done, name="members_module_done"),
    path("pairings/<int:pairing_id>/done/", views.mark_pairing_done, name="members_pairing_done"),
    path("skills-audit/", views.skills_audit_form, name="members_skills_audit"),
]
