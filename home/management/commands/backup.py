"""`manage.py backup FILE`: the database and the media in one archive (see home.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backups import back_up
from home.exceptions import BackupError


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or SQLite's online backup) and the media to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive to write, e.g. kcp.tar.gz.")

    def handle(self, *args, file, **options):
        try:
            summary = back_up(file)
        except BackupError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Backed up the {summary.engine} database and {summary.media_files} media "
            f"file(s) to {summary.path}."
        )
