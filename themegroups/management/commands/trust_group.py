"""Let a group's lead officers publish without an officer's approval (or stop them)."""

from django.core.management.base import BaseCommand, CommandError

from home.exceptions import PartnershipError
from papers.groups import find_group
from themegroups.services import trust_group


class Command(BaseCommand):
    help = "Give the lead officers of GROUP_SLUG publish rights; --revoke takes them away."

    def add_arguments(self, parser):
        parser.add_argument("group_slug")
        parser.add_argument("--revoke", action="store_true", help="Take publish rights away.")

    def handle(self, *args, group_slug, revoke=False, **options):
        try:
            group = find_group(group_slug)
        except PartnershipError as error:  # papers' UnknownGroup or a ThemeGroupError
            raise CommandError(error.message) from error
        trust_group(group, is_trusted=not revoke)
        if revoke:
            self.stdout.write(f"Lead officers of {group.title} now submit for approval.")
        else:
            self.stdout.write(
                f"Lead officers of {group.title} may now publish directly. They must use "
                "two-factor authentication from their next visit to the editing area."
            )
