"""Take away someone's lead-officer rights on a group, at once."""

from django.core.management.base import BaseCommand, CommandError

from home.exceptions import PartnershipError
from papers.groups import find_group
from themegroups.services import find_person, remove_lead_officer


class Command(BaseCommand):
    help = "Stop EMAIL being a lead officer of the group at GROUP_SLUG."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("group_slug")

    def handle(self, *args, email, group_slug, **options):
        try:
            group = find_group(group_slug)
            person = find_person(email)
            remove_lead_officer(person, group)
        except PartnershipError as error:  # papers' UnknownGroup or a ThemeGroupError
            raise CommandError(error.message) from error
        self.stdout.write(f"{person.email} is no longer a lead officer of {group.title}.")
