"""Theme group and sub-partnership pages, lead-officer permissions, News and Views."""

from django.apps import AppConfig


class ThemeGroupsConfig(AppConfig):
    name = "themegroups"
    verbose_name = "Theme groups"

    def ready(self):
        # These import models, which cannot load before the app registry is ready.
        from home import page_cache

        from . import signals

        page_cache.forget_pages_when_app_changes(self.label)
        signals.connect()
