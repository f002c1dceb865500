"""The base app: home page, site settings, accessibility statement, privacy notice, roles."""

import io

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using="default", **kwargs):
    """The database cache (login rate limits) needs its table: make it whenever we migrate."""
    call_command("createcachetable", database=using, verbosity=0, stdout=io.StringIO())


def sync_role_permissions(**kwargs):
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from .roles import grant_officer_permissions

    grant_officer_permissions()


def sync_site_address(**kwargs):
    # site_address imports Wagtail's Site model, which cannot load before the registry is ready.
    from .site_address import sync_default_site

    sync_default_site()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        # front_cache, page_cache and seats import Wagtail's and home's models, which cannot
        # load before the registry is ready.
        from . import front_cache, page_cache, seats
        from .models import AuditEntry, OutgoingEmail, ScheduledJob  # (the same reason)

        page_cache.connect_signals()
        front_cache.connect_signals()
        # Rows of these apps show on public pages (snippets, settings, documents, images)...
        page_cache.forget_pages_when_app_changes("home", "wagtaildocs", "wagtailimages")
        # ...but not the outbox's and the scheduler's, which change on every send and tick,
        # nor the audit trail's, written on every officer's view of personal data.
        page_cache.keep_pages_when_model_changes(AuditEntry, OutgoingEmail, ScheduledJob)
        seats.connect_signals()
        post_migrate.connect(create_cache_table, sender=self)
        # Runs after every app has migrated, when all permissions exist.
        post_migrate.connect(sync_role_permissions, dispatch_uid="kcp_sync_role_permissions")
        # After wagtailcore has made the default Site, so full URLs and the sitemap agree
        # with WAGTAILADMIN_BASE_URL.
        post_migrate.connect(sync_site_address, dispatch_uid="kcp_sync_site_address")
