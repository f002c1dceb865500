"""The personal data the base app stores, for export and erasure (kcp_personal_data): the
Steering Group seats a person has held."""

from dataclasses import dataclass

from django.db import transaction

from .extension_points import RegisterEntry
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
