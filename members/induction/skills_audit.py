"""The skills and interests audit: members answer, officers compare and export the answers.
Every officer view and export of the answers is written to the audit log."""

from django.db import transaction

from home.audit import record_access
from home.models import SteeringGroupSeat
from home.spreadsheets import spreadsheet
from members.audit.actions import Action
from members.models import SkillsAuditAnswers

VIEWED_ACTION = Action.VIEWED_SKILLS_AUDIT
EXPORTED_ACTION = Action.EXPORTED_SKILLS_AUDIT
CHANGED_ACTION = Action.CHANGED_SKILLS_AUDIT


def answers_of(member) -> SkillsAuditAnswers | None:
    return SkillsAuditAnswers.objects.filter(member=member).first()


@transaction.atomic
def save_answers(member, *, expertise, themes, training, other_training) -> SkillsAuditAnswers:
    answers, _ = SkillsAuditAnswers.objects.update_or_create(
        member=member,
        defaults={
            "expertise": expertise,
            "themes": list(themes),
            "training": list(training),
            "other_training": other_training,
        },
    )
    record_access(member, CHANGED_ACTION, subject=answers)
    return answers


def answers_side_by_side(officer) -> list[SkillsAuditAnswers]:
    """Every member's answers, for officers; the viewing is logged."""
    answers = list(
        SkillsAuditAnswers.objects.select_related("member").order_by(
            "member__last_name", "member__first_name"
        )
    )
    organisations = {
        seat.person_id: seat.organisation.name
        for seat in SteeringGroupSeat.objects.current().select_related("organisation")
    }
    for answer in answers:
        answer.organisation_name = organisations.get(answer.member_id, "No current seat")
        record_access(officer, VIEWED_ACTION, subject=answer)
    return answers


CSV_HEADINGS = ["Name", "Email", "Areas of expertise", "Themes", "Training", "Updated"]


def answers_as_rows(officer) -> list[list]:
    """Every member's answers in CSV_HEADINGS' order, for officers; each export is logged."""
    answers = list(
        SkillsAuditAnswers.objects.select_related("member").order_by(
            "member__last_name", "member__first_name"
        )
    )
    for answer in answers:
        record_access(officer, EXPORTED_ACTION, subject=answer)
    return [
        [
            answer.member.get_full_name(),
            answer.member.email,
            answer.expertise,
            "; ".join(answer.theme_labels),
            "; ".join(answer.training_labels),
            answer.updated_at.date().isoformat(),
        ]
        for answer in answers
    ]


def answers_as_csv(officer) -> str:
    return spreadsheet(CSV_HEADINGS, answers_as_rows(officer))
