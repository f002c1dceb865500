"""Theme group and sub-partnership pages, lead-officer permissions, News and Views."""

from django.apps import AppConfig

from home.extension_points import register_group_page_type


class ThemeGroupsConfig(AppConfig):
    name = "themegroups"
    verbose_name = "Theme groups"

    def ready(self):
        # page_cache imports Wagtail's models, which cannot load before the registry is ready.
        from home import page_cache

        page_cache.forget_pages_when_app_changes(self.label)
        # signals imports our models and services: the same reason.
        from . import signals

        signals.connect()
        from .models import GroupPage  # our models cannot load before the registry is ready

        # papers' meetings, consultations and plans sit under group pages: papers finds the
        # type through this registry (it never names themegroups).
        register_group_page_type(GroupPage)
