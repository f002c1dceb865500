"""Consultation responses: what members and others say in reply to a consultation or to a
paper open for comments, online or recorded by officers from a letter, a call or an event.

A sub-app of `members` with its own label (`consultations`) because it stands on its own: its
own tables (responses and the audit log of who saw them), URLs, templates, emails and
officers' screens, and its own migrations, so it never clashes with the other work on
`members`' migrations. The pages it answers for are papers' (ConsultationPage and any paper
with a CommentPeriod): it reaches them from above; they reach its form only through the
`kcp_consultation_response` hook (home.extension_points)."""

from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "members.consultations"
    label = "consultations"
    verbose_name = "Consultation responses"
