"""The personal data representation keeps: people's interests in joining a group."""

from django.db import transaction

from home.extension_points import RegisterEntry

from .models import InterestRequest

INTEREST_REGISTER = (
    RegisterEntry(
        "Your interest in joining a group: your name, email address, organisation, what you "
        "would bring, when you asked and where your request stands",
        ("representation.InterestRequest.*",),
        "To pass your interest to the group's officers and keep track of it.",
        "Public task (UK GDPR article 6(1)(e))",
        "The group's contact officer and lead officers (by email); Partnership officers",
        "As long as the request is open and a year after; deleted if you ask us to erase your "
        "data.",
    ),
)


class InterestRequestsData:
    name = "interests in joining groups"
    models = (InterestRequest,)
    register = INTEREST_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "group": request.group.title,
                "name": request.name,
                "email": request.email,
                "organisation": request.organisation,
                "message": request.message,
                "state": request.get_state_display(),
                "asked_at": request.created_at.isoformat(),
            }
            for request in InterestRequest.objects.filter(user=user).select_related("group")
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """Requests made from the account, and any made with its email address, go."""
        InterestRequest.objects.filter(user=user).delete()
        InterestRequest.objects.filter(email__iexact=user.email).delete()
