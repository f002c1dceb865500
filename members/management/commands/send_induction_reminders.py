"""Tell officers about Steering Group members who have not started the induction (run by
the scheduler)."""

from django.core.management.base import BaseCommand

from members.induction.services import remind_officers_about_members_not_started


class Command(BaseCommand):
    help = "Email the Partnership officers about members who have not started the induction."

    def handle(self, *args, **options):
        named = remind_officers_about_members_not_started()
        if named:
            self.stdout.write(f"Queued an induction reminder naming {named} member(s).")
