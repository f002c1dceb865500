"""Make someone a lead officer of a group: add and edit rights on its pages and files."""

from django.core.management.base import BaseCommand, CommandError

from home.exceptions import PartnershipError
from papers.groups import find_group
from themegroups.services import add_lead_officer, find_person


class Command(BaseCommand):
    help = "Make EMAIL a lead officer of the group at GROUP_SLUG (e.g. health-and-well-being)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("group_slug")

    def handle(self, *args, email, group_slug, **options):
        try:
            group = find_group(group_slug)
            person = find_person(email)
            add_lead_officer(person, group)
        except PartnershipError as error:  # papers' UnknownGroup or a ThemeGroupError
            raise CommandError(error.message) from error
        self.stdout.write(f"{person.email} is now a lead officer of {group.title}.")
