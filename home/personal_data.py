"""The personal data the base app stores, for export and erasure (kcp_personal_data): the
Steering Group seats a person has held, and what the audit trail says they did."""

from dataclasses import dataclass

from django.db import transaction

from .audit import AuditEntry
from .extension_points import RegisterEntry, rows
from .models import SteeringGroupSeat

SEATS_REGISTER = (
    RegisterEntry(
        "Your Steering Group seat: the partner organisation you represent, the seat, your "
        "named deputy, and the days you joined and left",
        ("home.SteeringGroupSeat.*",),
        "To show who sits on the Steering Group and to give its members the members' area.",
        "Public task (UK GDPR article 6(1)(e))",
        "Everyone, on the Steering Group's public page, while you hold the seat; the rest "
        "Partnership officers (the KCP support team) only",
        "As long as your account; deleted with it.",
    ),
)


@dataclass(frozen=True)
class SeatsData:
    name: str = "Steering Group seats"
    models: tuple = (SteeringGroupSeat,)
    register: tuple = SEATS_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "organisation": seat.organisation.name,
                "seat": seat.title,
                "deputy": seat.deputy,
                "joined": seat.joined.isoformat(),
                "left": seat.left.isoformat() if seat.left else None,
            }
            for seat in SteeringGroupSeat.objects.filter(person=user)
            .select_related("organisation")
            .order_by("joined")
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """The seats go, and with them the Steering Group members' role (home.seats)."""
        SteeringGroupSeat.objects.filter(person=user).delete()


AUDIT_TRAIL_REGISTER = (
    RegisterEntry(
        "The audit trail: which officer viewed, exported or changed whose records and when, "
        "naming people by number only",
        ("home.AuditEntry.*",),
        "To keep personal data secure and to check it is used properly.",
        "Legal obligation (UK GDPR article 32, security of processing)",
        "Partnership officers (the KCP support team) only",
        "Six years. It holds no name, email or address, so it is kept after an erasure; what "
        "an officer did stays under their number.",
    ),
)


@dataclass(frozen=True)
class AuditTrailData:
    name: str = "Audit trail"
    models: tuple = (AuditEntry,)
    register: tuple = AUDIT_TRAIL_REGISTER

    def export(self, user) -> dict:
        return {"what_you_did_as_an_officer": rows(AuditEntry.objects.filter(actor=user))}

    def erase(self, user) -> None:
        """Entries stay, under the officer's number only."""
        AuditEntry.objects.filter(actor=user).update(actor=None)
