"""The personal data responses hold, for a person's export and erasure (kcp_personal_data):
online responses by the account or its address, and those officers recorded for a membership.
Erasure keeps each response's choices, unnamed, for the totals."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from home.extension_points import RegisterEntry, rows

from . import services
from .models import Response


def _responses_of(user):
    """Online by the account or its address, or recorded by an officer against the person's
    membership (a postal member who later made an account)."""
    by_address = Q(email__iexact=user.email) & ~Q(email="")
    return Response.objects.filter(Q(user=user) | Q(member__user=user) | by_address)


def _responses_of_member(member):
    """What an officer recorded for a membership, account or not."""
    return Response.objects.filter(member=member)


@dataclass(frozen=True)
class ResponsesData:
    """The personal data responses hold, for a person's export and erasure."""

    name: str = "Consultation responses"
    models: tuple = (Response,)
    register: tuple = (
        RegisterEntry(
            "Your responses to consultations and comments on papers: your name, email or "
            "postal address, the organisation you responded for, your answers, the paragraph "
            "you commented on, how and when we received it, and whether officers have read it",
            ("consultations.Response.*",),
            "To take your views into account and report what was done with them. Responses "
            "are never published; only totals and a summary are.",
            "Performance of a task in the public interest (UK GDPR article 6(1)(e))",
            "You; Partnership officers; the lead officers of the group consulting see what you "
            "said and your organisation, never your name or contact details",
            "As long as the consultation's records are kept; if you ask us to erase your "
            "data, your name, contact details, organisation and written answers are removed "
            "and only your choices are kept, unnamed, in the totals.",
        ),
    )

    def export(self, user) -> list[dict]:
        return rows(_responses_of(user).order_by("received_on", "pk"))

    def export_member(self, member) -> list[dict]:
        """For a member without an account: the responses officers recorded for them."""
        return rows(_responses_of_member(member).order_by("received_on", "pk"))

    @transaction.atomic
    def erase(self, user) -> None:
        """Responses stay for the totals, unnamed: name, email, address, organisation, account
        and written answers go; choices stay. Officers who recorded responses are forgotten
        (what they looked at stays in the audit trail under their number: home.personal_data)."""
        _anonymise(_responses_of(user))
        Response.objects.filter(recorded_by=user).update(recorded_by=None)

    @transaction.atomic
    def erase_member(self, member) -> None:
        """Called before the membership goes (which would only unlink the responses): the
        responses recorded for it are anonymised like online ones."""
        _anonymise(_responses_of_member(member))


def _anonymise(responses) -> None:
    """Kept for the totals: the organisation goes too, as a sole trader's names the person."""
    for response in responses.select_related("page"):
        chosen = _choice_keys(response)
        response.answers = [
            answer
            if answer.get("key") in chosen or not answer.get("answer")
            else {**answer, "answer": "(erased)"}
            for answer in response.answers
        ]
        response.name = ""
        response.email = ""
        response.address = ""
        response.organisation = ""
        response.user = None
        response.member = None
        response.is_anonymised = True
        response.save()


def _choice_keys(response: Response) -> set[str]:
    """The questions of the response's page answered by a choice (not written in words)."""
    taking = services.taking_responses(response.page, response.updated_at)
    return {q["key"] for q in taking.questions if q["type"] == "choice"} if taking else set()
