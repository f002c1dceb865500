"""What background work holds about a person (queued tasks and emails naming them), found by
their name and addresses, for export and erasure."""

from dataclasses import dataclass

from django.db import models
from django.db.models.functions import Cast, Concat
from django_tasks_db.models import DBTaskResult

from home.extension_points import (
    RegisterEntry,
    rows,
)
from home.models import OutgoingEmail
from members.models import (
    Member,
)
from members.partnership.services import membership_of


def identifying_strings(member: Member | None, user=None) -> list[str]:
    """What names this person and nobody else in free text: email, name, and the first line
    of the address (a town or a postcode alone would match their neighbours too)."""
    strings = [user.email] if user is not None else []
    if member is not None:
        strings += [member.name, *member.postal_address.splitlines()[:1]]
    return [string.strip() for string in strings if string and string.strip()]


def _identifying_strings(user) -> list[str]:
    return identifying_strings(membership_of(user), user)


def background_work_naming(strings) -> "models.QuerySet[DBTaskResult]":
    """Queued or finished background tasks whose arguments or result name the person."""
    condition = models.Q()
    for string in strings:
        condition |= models.Q(as_text__icontains=string)
    if not condition:
        return DBTaskResult.objects.none()
    return DBTaskResult.objects.annotate(
        as_text=Concat(
            Cast("args_kwargs", models.TextField()), Cast("return_value", models.TextField())
        )
    ).filter(condition)


def emails_to(address: str):
    """The outbox's emails to the person (home.OutgoingEmail keeps recipients as JSON)."""
    if not address:
        return OutgoingEmail.objects.none()
    return OutgoingEmail.objects.annotate(
        addressed_to=Concat(
            Cast("to", models.TextField()),
            Cast("cc", models.TextField()),
            Cast("bcc", models.TextField()),
        )
    ).filter(addressed_to__icontains=address)


def _export_background_work(user) -> dict:
    return {
        "queued_work": rows(background_work_naming(_identifying_strings(user))),
        "emails": rows(emails_to(user.email)),
    }


def erase_background_work(strings, email: str = "") -> None:
    """Work about an erased person is not done, and the outbox forgets what it sent them."""
    DBTaskResult.objects.filter(pk__in=background_work_naming(strings).values("pk")).delete()
    OutgoingEmail.objects.filter(pk__in=emails_to(email).values("pk")).delete()


def _erase_background_work(user) -> None:
    erase_background_work(_identifying_strings(user), user.email)


BACKGROUND_WORK_REGISTER = (
    RegisterEntry(
        "Messages and other work waiting to be done for you, such as an email being sent",
        (f"{DBTaskResult._meta.label}.*", "home.OutgoingEmail.*"),
        "To send you what you asked for even when the mail server is busy.",
        "Consent, or public task for officers and editors",
        "Nobody reads it; the site's background worker uses it",
        "Until the work is done and then as long as the account; at once on erasure.",
    ),
)


@dataclass(frozen=True)
class BackgroundWorkData:
    name: str = "Background work"
    models: tuple = (DBTaskResult, OutgoingEmail)
    register: tuple = BACKGROUND_WORK_REGISTER

    def export(self, user) -> dict:
        return _export_background_work(user)

    def erase(self, user) -> None:
        _erase_background_work(user)
