"""Theme group and sub-partnership pages, lead-officer permissions, News and Views."""

from django.apps import AppConfig


class ThemeGroupsConfig(AppConfig):
    name = "themegroups"
    verbose_name = "Theme groups"

    def ready(self):
        from . import signals

        signals.connect()
