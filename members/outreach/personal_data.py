"""What outreach holds about a person, for export and erasure: the list entries with their
email address, and the trace of the campaign a member joined through."""

from django.db import transaction

from home.extension_points import RegisterEntry, row_as_dict, rows

from .contacts import forget_contact
from .models import Contact, SignUp

REGISTER = (
    RegisterEntry(
        "Outreach lists: the name, organisation, kind, email and postal address of groups and "
        "people who are not members, where each entry came from, its lawful basis and consent "
        "to email, and which campaigns contacted it",
        ("outreach.Contact.*", "outreach.Contacting.*"),
        "To invite local groups and people to join the wider partnership.",
        "Legitimate interests for post and for the general addresses of organisations; "
        "consent for the email address of a person (PECR)",
        "Partnership officers",
        "Until the entry is erased; a keyed hash of the email or address is then kept, so "
        "nobody who asked to be left alone is contacted again",
    ),
    RegisterEntry(
        "A keyed hash of the email or postal address of someone who asked not to be contacted",
        ("outreach.Suppression.*",),
        "To never contact them again.",
        "Legal obligation (PECR, UK GDPR article 21)",
        "Nobody reads it; imports and sends check against it",
        "For as long as the Partnership contacts people",
    ),
    RegisterEntry(
        "Which campaign letter, email or poster brought you to join",
        ("outreach.SignUp.*",),
        "To know which publicity works.",
        "Legitimate interests",
        "Partnership officers, as counts",
        "While you are a member; the count stays, unnamed, after you go",
    ),
)


def _contacts_of(user):
    if not user.email:
        return Contact.objects.none()
    return Contact.objects.filter(email__iexact=user.email)


def export(user) -> dict:
    sign_up = SignUp.objects.filter(member__user=user).select_related("channel").first()
    return {
        "outreach_entries": rows(_contacts_of(user)),
        "joined_through": row_as_dict(sign_up) if sign_up else None,
    }


@transaction.atomic
def erase(user) -> None:
    """Their list entries go, behind a suppression record; their sign-up's count stays,
    unnamed; entries they added as an officer stay, without the link to them."""
    for contact in _contacts_of(user):
        forget_contact(contact)
    SignUp.objects.filter(member__user=user).update(member=None)
    Contact.objects.filter(added_by=user).update(added_by=None)


def export_member(member) -> dict:
    sign_up = SignUp.objects.filter(member=member).first()
    return {"joined_through": row_as_dict(sign_up) if sign_up else None}


def erase_member(member) -> None:
    SignUp.objects.filter(member=member).update(member=None)


class OutreachData:
    """The holder registered through kcp_personal_data (it has member-level verbs too)."""

    name = "Outreach"
    models = (Contact, SignUp)
    register = REGISTER
    export = staticmethod(export)
    erase = staticmethod(erase)
    export_member = staticmethod(export_member)
    erase_member = staticmethod(erase_member)
