"""Build a believable KCP site for `make run`: idempotent, and never under production settings."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load demo content built from the seed papers. Safe to run again: what exists is left "
        "as it is, so an editor's later changes are never overwritten."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "KCP_DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Demo content is for development only: these settings do not allow it "
                "(KCP_DEMO_CONTENT_ALLOWED is off, as in production)."
            )
        # Each app that has demo content offers a `demo.load(stdout)`; the order is settings'.
        for module_name in settings.KCP_DEMO_CONTENT_LOADERS:
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
