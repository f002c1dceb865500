"""What the induction holds about a person (module progress, pairings, skills audit answers),
for export and erasure through `kcp_personal_data`."""

from dataclasses import dataclass

from django.db import transaction

from home.extension_points import RegisterEntry
from members.accounts.personal_data import OFFICERS_ONLY, STEERING_GROUP_BASIS
from members.induction.shadowing import pairings_of
from members.models import (
    InductionReminder,
    ModuleCompletion,
    Pairing,
    SkillsAuditAnswers,
)

INDUCTION_REGISTER = (
    RegisterEntry(
        "Your induction: the modules you marked done and when, and when officers were told "
        "you had not started",
        ("members.ModuleCompletion.*", "members.InductionReminder.*"),
        "To help new Steering Group members find their feet, and officers to offer help.",
        STEERING_GROUP_BASIS,
        f"You; {OFFICERS_ONLY}",
        "As long as your account; deleted with it.",
    ),
)


PAIRINGS_REGISTER = (
    RegisterEntry(
        "Shadowing and meet-a-member pairings: who you are paired with, for which meeting, "
        "what to expect, who arranged it and when it was done",
        ("members.Pairing.*",),
        "To introduce new Steering Group members to existing ones.",
        STEERING_GROUP_BASIS,
        f"You and the member you are paired with; {OFFICERS_ONLY}",
        "As long as either member's account; deleted with it.",
    ),
)


SKILLS_AUDIT_REGISTER = (
    RegisterEntry(
        "Your answers to the skills and interests audit: your expertise, the themes you are "
        "interested in and the training you would like",
        ("members.SkillsAuditAnswers.*",),
        "To plan the Steering Group's training and match members to the work.",
        STEERING_GROUP_BASIS,
        f"You; {OFFICERS_ONLY}",
        "Until you change them, or as long as your account; deleted with it.",
    ),
)


@dataclass(frozen=True)
class InductionData:
    name: str = "Induction progress"
    models: tuple = (ModuleCompletion, InductionReminder)
    register: tuple = INDUCTION_REGISTER

    def export(self, user) -> dict:
        return {
            "modules_done": [
                {"module": done.module.title, "completed_at": done.completed_at.isoformat()}
                for done in ModuleCompletion.objects.filter(member=user)
                .select_related("module")
                .order_by("completed_at")
            ],
            "officers_told_not_started_at": [
                reminder.sent_at.isoformat()
                for reminder in InductionReminder.objects.filter(member=user)
            ],
        }

    @transaction.atomic
    def erase(self, user) -> None:
        ModuleCompletion.objects.filter(member=user).delete()
        InductionReminder.objects.filter(member=user).delete()


@dataclass(frozen=True)
class PairingsData:
    name: str = "Shadowing and meet-a-member pairings"
    models: tuple = (Pairing,)
    register: tuple = PAIRINGS_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "kind": pairing.get_kind_display(),
                "new_member": str(pairing.new_member),
                "existing_member": str(pairing.existing_member),
                "meeting": pairing.meeting.title if pairing.meeting else "",
                "arranged_at": pairing.arranged_at.isoformat(),
                "completed_at": pairing.completed_at.isoformat() if pairing.completed_at else "",
            }
            for pairing in pairings_of(user)
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """A pairing is about the two members: erasing either removes it. Officers who
        arranged or closed a pairing are forgotten from the others."""
        pairings_of(user).delete()
        Pairing.objects.filter(arranged_by=user).update(arranged_by=None)
        Pairing.objects.filter(completed_by=user).update(completed_by=None)


@dataclass(frozen=True)
class SkillsAuditData:
    name: str = "Skills and interests audit"
    models: tuple = (SkillsAuditAnswers,)
    register: tuple = SKILLS_AUDIT_REGISTER

    def export(self, user) -> dict:
        answers = SkillsAuditAnswers.objects.filter(member=user).first()
        if answers is None:
            return {}
        return {
            "expertise": answers.expertise,
            "themes": answers.theme_labels,
            "training": answers.training_labels,
            "updated_at": answers.updated_at.isoformat(),
        }

    @transaction.atomic
    def erase(self, user) -> None:
        SkillsAuditAnswers.objects.filter(member=user).delete()
