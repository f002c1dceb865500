"""The nightly retention job: erase memberships past the retention period (see
members.partnership.retention), each written to the audit log."""

from django.core.management.base import BaseCommand

from members.data_rights import services as data_rights


class Command(BaseCommand):
    help = (
        "Erase wider-partnership memberships with no activity or renewed consent for the "
        "period in the site settings."
    )

    def handle(self, *args, **options):
        erased = data_rights.erase_memberships_past_retention()
        self.stdout.write(f"Erased {len(erased)} membership(s) past the retention period.")
