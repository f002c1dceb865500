"""The personal data the base app stores, for export and erasure (kcp_personal_data): the
Steering Group seats a person has held."""

from dataclasses import dataclass

from django.db import transaction

from .models import SteeringGroupSeat


@dataclass(frozen=True)
class SeatsData:
    name: str = "Steering Group seats"
    models: tuple = (SteeringGroupSeat,)

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
