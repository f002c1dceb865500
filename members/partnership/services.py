"""Joining and belonging to the wider partnership: online sign-up (confirmed by email),
postal members added by officers, and every change to what a member hears and how."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from home.audit import record_access
from home.models import Interest
from home.roles import WIDER_PARTNERSHIP_MEMBERS, is_partnership_officer
from members.audit.actions import Action
from members.exceptions import (
    AddressNeeded,
    NoInterestChosen,
    NotAnOfficer,
    OrganisationNameNeeded,
    UnknownPapersChoice,
)
from members.models import ConsentRecord, Member, MembershipChange
from members.partnership import consent
from members.partnership.own_details import give_account_a_name


@dataclass(frozen=True)
class MembershipDetails:
    """What a person tells us when they join, or an officer fills in for them."""

    name: str
    kind: str
    organisation_name: str
    interests: tuple[Interest, ...]
    route: str
    postal_address: str = ""
    postcode: str = ""
    is_large_print: bool = False

    def check(self) -> None:
        if not self.interests:
            raise NoInterestChosen("Choose at least one subject you want to hear about.")
        if self.kind in Member.KINDS_WITH_ORGANISATION and not self.organisation_name.strip():
            raise OrganisationNameNeeded("Enter the name of the group, organisation or agency.")
        if self.route == Member.Route.POST and not (
            self.postal_address.strip() and self.postcode.strip()
        ):
            raise AddressNeeded("Enter the postal address and postcode letters should go to.")


def _interest_slugs(interests: Iterable[Interest]) -> list[str]:
    return sorted(interest.slug for interest in interests)


@dataclass(frozen=True)
class AskedBy:
    """How and when a member asked an officer for a change (by post, telephone, in person)."""

    how: str
    on: datetime.date


def _record(member, what, *, by=None, before=None, after=None, asked=None) -> MembershipChange:
    return MembershipChange.objects.create(
        member=member,
        changed_by=by,
        what=what,
        before=before or {},
        after=after or {},
        how_asked=asked.how if asked else "",
        asked_on=asked.on if asked else None,
    )


@transaction.atomic
def change_own_preferences(member: Member, chosen: dict) -> list[MembershipChange]:
    """The member's own preferences page: subjects, route and pause, and for a postal
    member what their letters bring, in one transaction."""
    changes = change_preferences(
        member,
        interests=chosen["interests"],
        route=chosen["route"],
        is_paused=chosen["is_paused"],
    )
    if "papers_by_post" in chosen:
        changes += change_papers_by_post(member, chosen["papers_by_post"])
    return changes


def change_papers_by_post(
    member: Member, choice: str, *, by=None, asked: AskedBy | None = None
) -> list[MembershipChange]:
    """What a postal member's letters bring (summaries, the full papers on their subjects, or
    those of open consultations only), changed by them or by an officer recording what they
    asked; one record, or none when nothing changed."""
    if choice not in Member.PapersByPost.values:
        raise UnknownPapersChoice("Choose what your letters bring from the choices listed.")
    if choice == member.papers_by_post:
        return []
    change = _record(
        member,
        "papers_by_post",
        by=by,
        asked=asked,
        before={"papers_by_post": member.papers_by_post},
        after={"papers_by_post": choice},
    )
    member.papers_by_post = choice
    member.save(update_fields=["papers_by_post"])
    return [change]


@transaction.atomic
def sign_up_member(user, details: MembershipDetails) -> Member:
    """A person joined online: their membership waits, and nothing is sent to them but the
    verification email, until they confirm their address (`confirm_member`)."""
    details.check()
    member = Member.objects.create(
        user=user,
        name=details.name,
        kind=details.kind,
        organisation_name=details.organisation_name
        if details.kind in Member.KINDS_WITH_ORGANISATION
        else "",
        route=details.route,
        status=Member.Status.AWAITING_VERIFICATION,
    )
    member.interests.set(details.interests)
    give_account_a_name(user, details.name)
    consent.record_consent(member, ConsentRecord.Method.ONLINE)
    _record(
        member,
        "joined",
        after={
            "kind": member.kind,
            "route": member.route,
            "interests": _interest_slugs(details.interests),
        },
    )
    return member


@transaction.atomic
def confirm_member(user) -> Member | None:
    """The person confirmed their email address: the membership starts."""
    member = Member.objects.select_for_update().filter(user=user).first()
    if member is None or member.status != Member.Status.AWAITING_VERIFICATION:
        return member
    now = timezone.now()
    member.status = Member.Status.ACTIVE
    member.verified_at = now
    member.last_active_at = now
    member.save(update_fields=["status", "verified_at", "last_active_at"])
    user.groups.add(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    _record(
        member, "verified", before={"status": "awaiting_verification"}, after={"status": "active"}
    )
    return member


@transaction.atomic
def change_preferences(
    member: Member,
    *,
    interests: Iterable[Interest],
    route: str,
    is_paused: bool,
    by=None,
    asked: AskedBy | None = None,
) -> list[MembershipChange]:
    """The member (or an officer, `by`, recording what the member `asked`) changes what they
    hear about, how, or pauses. Each change is one record; a form sent back unchanged records
    nothing."""
    interests = tuple(interests)
    if not interests:
        raise NoInterestChosen("Choose at least one subject you want to hear about.")
    changes = []
    old_slugs = _interest_slugs(member.interests.all())
    new_slugs = _interest_slugs(interests)
    if old_slugs != new_slugs:
        member.interests.set(interests)
        changes.append(
            _record(
                member,
                "interests",
                by=by,
                asked=asked,
                before={"interests": old_slugs},
                after={"interests": new_slugs},
            )
        )
    if route != member.route:
        changes.append(
            _record(
                member,
                "route",
                by=by,
                asked=asked,
                before={"route": member.route},
                after={"route": route},
            )
        )
        member.route = route
    if member.status in (Member.Status.ACTIVE, Member.Status.PAUSED):
        status = Member.Status.PAUSED if is_paused else Member.Status.ACTIVE
        if status != member.status:
            changes.append(
                _record(
                    member,
                    "paused" if is_paused else "resumed",
                    by=by,
                    asked=asked,
                    before={"status": member.status},
                    after={"status": status},
                )
            )
            member.status = status
    if member.email_paused_at is not None:
        # Saving their preferences is the member checking their address: alerts resume.
        changes.append(_record(member, "email_resumed", by=by, before={"email": "paused"}))
        member.email_paused_at, member.email_paused_reason = None, ""
    if changes:
        member.last_active_at = timezone.now()
        member.save(
            update_fields=[
                "route",
                "status",
                "last_active_at",
                "email_paused_at",
                "email_paused_reason",
            ]
        )
    return changes


@transaction.atomic
def leave_partnership(member: Member, *, by=None, asked: AskedBy | None = None) -> Member:
    """The member leaves: nothing more is sent to them. Their record is kept, as the privacy
    notice says, until they delete it or the retention period ends."""
    if member.status != Member.Status.LEFT:
        _record(
            member,
            "left",
            by=by,
            asked=asked,
            before={"status": member.status},
            after={"status": "left"},
        )
        member.status = Member.Status.LEFT
        member.last_active_at = timezone.now()
        member.save(update_fields=["status", "last_active_at"])
        if member.user_id:
            member.user.groups.remove(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    return member


@transaction.atomic
def add_postal_member(
    officer,
    details: MembershipDetails,
    *,
    consent_method: str,
    consent_given_on: datetime.date,
) -> Member:
    """An officer adds someone who does not use email, with how and when they consented."""
    if not is_partnership_officer(officer):
        raise NotAnOfficer("Only Partnership officers may add members.")
    details = MembershipDetails(**{**details.__dict__, "route": Member.Route.POST})
    details.check()
    now = timezone.now()
    member = Member.objects.create(
        name=details.name,
        kind=details.kind,
        organisation_name=details.organisation_name
        if details.kind in Member.KINDS_WITH_ORGANISATION
        else "",
        route=Member.Route.POST,
        postal_address=details.postal_address.strip(),
        postcode=details.postcode.strip().upper(),
        is_large_print=details.is_large_print,
        status=Member.Status.ACTIVE,
        verified_at=now,
        added_by=officer,
    )
    member.interests.set(details.interests)
    given_at = timezone.make_aware(datetime.datetime.combine(consent_given_on, datetime.time(12)))
    consent.record_consent(member, consent_method, given_at=given_at, recorded_by=officer)
    _record(
        member,
        "joined",
        by=officer,
        after={
            "route": "post",
            "kind": member.kind,
            "interests": _interest_slugs(details.interests),
        },
    )
    record_access(officer, Action.ADDED, subject=member)
    return member


EDITABLE_BY_OFFICERS = (
    "name",
    "kind",
    "organisation_name",
    "postal_address",
    "postcode",
    "is_large_print",
)
POSTAL_ONLY = ("postal_address", "postcode", "is_large_print")


@transaction.atomic
def edit_member(officer, member: Member, details: MembershipDetails) -> Member:
    """An officer corrects a member's details (a postal member's, usually, at their request)."""
    if not is_partnership_officer(officer):
        raise NotAnOfficer("Only Partnership officers may change members.")
    details.check()
    changed = [
        name
        for name in EDITABLE_BY_OFFICERS
        if getattr(details, name) != getattr(member, name)
        and (name not in POSTAL_ONLY or member.is_postal)
    ]
    for name in changed:
        setattr(member, name, getattr(details, name))
    if changed:
        member.save()
        # Field names only: the values are personal data, and the change log outlives none of it.
        _record(member, "details", by=officer, after={"fields": changed})
    change_preferences(
        member,
        interests=details.interests,
        route=member.route if member.is_postal else details.route,
        is_paused=member.status == Member.Status.PAUSED,
        by=officer,
    )
    record_access(officer, Action.CHANGED, subject=member, details={"fields": changed})
    return member


def membership_of(user) -> Member | None:
    """The wider-partnership membership of an account, if it has one."""
    return Member.objects.filter(user=user).first()
