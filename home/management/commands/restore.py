"""`manage.py restore FILE`: put a backup back into an empty database (see home.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backups import restore
from home.exceptions import BackupError


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database, with its media."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive `manage.py backup` wrote.")

    def handle(self, *args, file, **options):
        try:
            summary = restore(file)
        except BackupError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Restored the {summary.engine} database and {summary.media_files} media file(s) "
            f"from {summary.path}."
        )
