"""The personal data the meeting cycle stores, for export and erasure (kcp_personal_data): who
posted each progress note on an action, and who agreed each draft agenda. Actions' owners are
contacts (papers.ContactOfficer), the partnership's public record of who does what; an
action imported with its minutes keeps its owner's name as the minutes print it."""

from dataclasses import dataclass

from django.db import transaction

from home.extension_points import RegisterEntry

from .models import ActionUpdate, AgendaAgreement

MEETING_CYCLE_REGISTER = (
    RegisterEntry(
        "Progress posted on actions, and the agreement of draft agendas",
        ("governance.ActionUpdate.*", "governance.AgendaAgreement.*"),
        "To follow up the actions agreed at meetings, and to keep who agreed each agenda and when.",
        "Public task (UK GDPR article 6(1)(e))",
        "The public sees progress notes without their author; Partnership officers see who "
        "posted each note and who agreed each agenda",
        "Notes and agreements are the partnership's record and stay; who wrote or agreed them "
        "goes when the person's account does.",
    ),
    RegisterEntry(
        "Owners of actions, named as the imported minutes print them",
        ("governance.Action.owner_name",),
        "To follow up the actions agreed at meetings, as the minutes record them.",
        "Public task (UK GDPR article 6(1)(e))",
        "The public, once the minutes are published, as in the minutes themselves; officers "
        "before then",
        "As long as the minutes they come from: they are the partnership's record.",
    ),
)


@dataclass(frozen=True)
class MeetingCycleData:
    name: str = "Meeting cycle"
    models: tuple = (ActionUpdate, AgendaAgreement)
    register: tuple = MEETING_CYCLE_REGISTER

    def export(self, user) -> dict:
        updates = ActionUpdate.objects.filter(by=user).select_related("action")
        agreements = AgendaAgreement.objects.filter(agreed_by=user).select_related(
            "draft_agenda__meeting"
        )
        return {
            "progress_posted": [
                {
                    "action": update.action.text,
                    "noted_on": update.noted_on.isoformat(),
                    "status": update.status,
                    "note": update.note,
                }
                for update in updates
            ],
            "agendas_agreed": [
                {
                    "meeting": agreement.draft_agenda.meeting.title,
                    "agreed_at": agreement.agreed_at.isoformat(),
                }
                for agreement in agreements
            ],
        }

    @transaction.atomic
    def erase(self, user) -> None:
        """The notes and agreements stay (the partnership's record); who made them goes."""
        ActionUpdate.objects.filter(by=user).update(by=None)
        AgendaAgreement.objects.filter(agreed_by=user).update(agreed_by=None)
