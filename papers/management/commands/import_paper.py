"""import_paper: import committee papers (.txt, .md, .docx) as pages, or show how they read."""

import argparse
import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.site_address import absolute_url
from papers.exceptions import PaperFormatError, UnknownGroup
from papers.groups import DEFAULT_GROUP, find_group
from papers.importer import describe, parse_paper, read_paper_text
from papers.services import import_paper


def meeting_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{value}" is not a date: write it as YYYY-MM-DD, e.g. 2009-05-13'
        ) from None


class Command(BaseCommand):
    help = (
        "Import papers as pages of a group, one per file: prints the address of each page "
        "created or updated; warnings and errors go to stderr. Drafts unless --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--group",
            # --body was the option's first name: officers' scripts still use it.
            "--body",
            dest="group",
            default=DEFAULT_GROUP,
            metavar="SLUG",
            help=f"the web address of the group the papers went to (default: {DEFAULT_GROUP})",
        )
        parser.add_argument(
            "--meeting-date",
            type=meeting_date,
            metavar="YYYY-MM-DD",
            help="the meeting the papers go to, when the paper prints none or another date",
        )
        parser.add_argument("--publish", action="store_true", help="publish the pages")
        parser.add_argument(
            "--dry-run", action="store_true", help="show how each paper reads; write nothing"
        )

    def handle(self, *args, files, group, meeting_date, publish, dry_run, **options):
        try:
            group = find_group(group)
        except UnknownGroup as error:
            raise CommandError(error.message) from None
        failed = 0
        for path in files:
            try:
                if dry_run:
                    self._describe(path)
                else:
                    self._import(path, group, meeting_date, publish)
            except PaperFormatError as error:
                hint = " with --meeting-date YYYY-MM-DD" if error.code == "no_meeting_date" else ""
                self.stderr.write(f"{error}{hint}")
                failed += 1
            except OSError as error:
                self.stderr.write(f"{path.name}: cannot be read ({error.strerror or error})")
                failed += 1
        if failed:
            raise SystemExit(1)

    def _describe(self, path: Path) -> None:
        parsed = parse_paper(read_paper_text(path), source=path.name)
        self.stdout.write(f"== {path.name}\n{describe(parsed)}\n")

    def _import(self, path: Path, group, date, publish: bool) -> None:
        result = import_paper(path, group=group, meeting_date=date, publish=publish)
        for warning in result.warnings:
            self.stderr.write(f"{path.name}: {warning}")
        self.stdout.write(site_address(result.page))


def site_address(page) -> str:
    """The page's address on the site: WAGTAILADMIN_BASE_URL (the site's address, right in
    development and production alike) and the page's path, whether or not it is live yet."""
    url_parts = page.get_url_parts()
    path = url_parts[2] if url_parts else page.url_path
    return absolute_url(path)
