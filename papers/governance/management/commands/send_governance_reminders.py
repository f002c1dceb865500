"""Scheduler job: reminders of draft agendas still to be agreed and of actions due or overdue."""

from django.core.management.base import BaseCommand

from papers.governance.reminders import remind_about_agendas, remind_action_owners


class Command(BaseCommand):
    help = "Remind the Agenda Planning Group of agendas to agree, and owners of their actions."

    def handle(self, *args, **options):
        agendas = remind_about_agendas()
        actions = remind_action_owners()
        if agendas or actions:
            self.stdout.write(f"Queued {agendas} agenda and {actions} action reminders.")
