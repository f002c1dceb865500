"""A person changes their own details: their name (on the account and the membership) and, for
members whose news comes by post, the address; a new email address goes through allauth's
verified flow, and is recorded here once confirmed. Each change is a MembershipChange and an
audit entry that name the fields, never the values."""

from dataclasses import dataclass

from django.db import transaction

from home.audit import record_access
from members.audit.actions import Action
from members.models import Member, MembershipChange

NAME_MAX = 150


def split_name(name: str) -> tuple[str, str]:
    """The account's first and last name from a full name as the person wrote it."""
    first, _space, last = " ".join(name.split()).partition(" ")
    return first[:150], last[:150]


def give_account_a_name(user, name: str) -> None:
    """The name someone joined with becomes their account's, unless it already has one."""
    if user.first_name or user.last_name or not name.strip():
        return
    user.first_name, user.last_name = split_name(name)
    user.save(update_fields=["first_name", "last_name"])


@dataclass(frozen=True)
class OwnDetails:
    name: str
    postal_address: str = ""
    postcode: str = ""


@transaction.atomic
def change_own_details(user, details: OwnDetails) -> list[str]:
    """Save what the person changed; returns the names of the fields that changed."""
    member = Member.objects.select_for_update().filter(user=user).first()
    changed = []
    first, last = split_name(details.name)
    if (user.first_name, user.last_name) != (first, last):
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
        changed.append("name")
    if member is not None:
        wanted = {"name": " ".join(details.name.split())}
        if member.is_postal:
            wanted |= {"postal_address": details.postal_address, "postcode": details.postcode}
        member_changed = [
            field for field, value in wanted.items() if getattr(member, field) != value
        ]
        for name in member_changed:
            setattr(member, name, wanted[name])
        if member_changed:
            member.save(update_fields=member_changed)
        changed = sorted(set(changed) | set(member_changed))
    if changed:
        _record(user, member, changed)
    return changed


def record_email_change(user, member: Member | None = None) -> None:
    """allauth confirmed and made primary a new address: say so in the member's history."""
    member = member or Member.objects.filter(user=user).first()
    _record(user, member, ["email"])


def _record(user, member: Member | None, fields: list[str]) -> None:
    if member is not None:
        MembershipChange.objects.create(
            member=member, changed_by=user, what="details", after={"fields": fields}
        )
    record_access(
        user,
        Action.CHANGED_OWN_DETAILS,
        subject=member if member is not None else user,
        details={"fields": fields},
    )
