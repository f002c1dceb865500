"""Agenda packs: one tagged PDF per meeting (agenda, contents, every public paper in agenda
order), built in the background and kept with the meeting, and a single paper as a PDF.

A sub-app of `papers` with its own label (`packs`) because it has its own table and
migrations, which keeps them clear of the papers app's; it needs only papers' models."""

from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "papers.packs"
    label = "packs"
    verbose_name = "Agenda packs"

    def ready(self):
        # The receivers import Wagtail's and papers' models, which need the app registry.
        from home import page_cache  # imports Wagtail's models

        from . import signals  # imports papers' models

        signals.connect()
        # A pack made ready changes the meeting page's link: forget the cached pages then.
        page_cache.forget_pages_when_app_changes(self.label)
