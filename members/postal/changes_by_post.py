"""Changes a postal member asks for by post or telephone, as an officer takes them down."""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.db import transaction

from home.audit import record_access
from home.models import Interest
from members.audit.actions import Action
from members.exceptions import EmailNeeded, NotAPostalMember
from members.models import Member, User
from members.partnership import services as partnership
from members.postal.batches import check_officer, resume_post

# --- Preferences given by post or telephone ------------------------------------------------


class LettersChoice:
    """What a postal member asked for, about their letters."""

    KEEP = "keep"
    EMAIL = "email"
    PAUSE = "pause"
    LEAVE = "leave"

    choices = [
        (KEEP, "Keep sending letters (and start them again if paused)"),
        (EMAIL, "Switch to email"),
        (PAUSE, "Pause the letters for now"),
        (LEAVE, "Stop: leave the wider partnership"),
    ]


@dataclass(frozen=True)
class ChangeAskedByPost:
    """A postal member's change, as an officer took it down from a letter or a call."""

    how_asked: str
    asked_on: datetime.date
    interests: tuple[Interest, ...]
    letters: str = LettersChoice.KEEP
    is_large_print: bool = False
    papers_by_post: str = Member.PapersByPost.SUMMARIES
    email: str = ""
    email_route: str = Member.Route.EMAIL_AT_ONCE


@transaction.atomic
def record_change_asked_by_post(
    officer, member: Member, change: ChangeAskedByPost, *, request=None
) -> list:
    """Record what a postal member asked for by post or telephone, with the day they asked
    and how, each change a MembershipChange. Switching to email gives them an account whose
    address they confirm by the link emailed to them; until then they get nothing by email,
    and no more letters."""
    check_officer(officer)
    member = Member.objects.select_for_update().get(pk=member.pk)
    if not member.is_postal:
        raise NotAPostalMember(
            "This member gets their news by email: they change their choices online."
        )
    asked = partnership.AskedBy(change.how_asked, change.asked_on)
    changes = []
    if change.letters == LettersChoice.LEAVE:
        partnership.leave_partnership(member, by=officer, asked=asked)
        record_access(officer, Action.CHANGED, subject=member, details={"fields": ["status"]})
        return [member.changes.latest("changed_at", "pk")]
    if change.is_large_print != member.is_large_print:
        changes.append(
            member.changes.create(
                changed_by=officer,
                what="large_print",
                before={"large_print": member.is_large_print},
                after={"large_print": change.is_large_print},
                how_asked=asked.how,
                asked_on=asked.on,
            )
        )
        member.is_large_print = change.is_large_print
        member.save(update_fields=["is_large_print"])
    if change.letters != LettersChoice.EMAIL:
        changes += partnership.change_papers_by_post(
            member, change.papers_by_post, by=officer, asked=asked
        )
    if change.letters == LettersChoice.EMAIL:
        changes += _switch_to_email(officer, member, change, asked, request)
    else:
        changes += partnership.change_preferences(
            member,
            interests=change.interests,
            route=Member.Route.POST,
            is_paused=change.letters == LettersChoice.PAUSE,
            by=officer,
            asked=asked,
        )
        if change.letters == LettersChoice.KEEP and member.is_post_paused:
            resume_post(officer, member)
            changes.append(member.changes.latest("changed_at", "pk"))
    record_access(
        officer,
        Action.CHANGED,
        subject=member,
        details={"fields": sorted({change.what for change in changes})},
    )
    return changes


def _switch_to_email(officer, member, change: ChangeAskedByPost, asked, request) -> list:
    email = change.email.strip().lower()
    if not email:
        raise EmailNeeded("Enter the email address they want their news sent to.")
    if (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    ):
        raise EmailNeeded(
            "That email address already belongs to an account: ask the member for another, "
            "or they can sign in with it and join online."
        )
    changes = partnership.change_preferences(
        member,
        interests=change.interests,
        route=change.email_route,
        is_paused=False,
        by=officer,
        asked=asked,
    )
    user = User.objects.create_user(email=email, first_name=member.name[:150])
    user.set_unusable_password()
    user.save(update_fields=["password"])
    address = EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    member.user = user
    member.status = Member.Status.AWAITING_VERIFICATION
    member.save(update_fields=["user", "status"])
    changes.append(
        member.changes.create(
            changed_by=officer,
            what="awaiting_verification",
            before={"status": Member.Status.ACTIVE},
            after={"status": Member.Status.AWAITING_VERIFICATION},
            how_asked=asked.how,
            asked_on=asked.on,
        )
    )
    transaction.on_commit(lambda: _send_confirmation(address, request))
    return changes


def _send_confirmation(address: EmailAddress, request) -> None:
    """allauth reads the request from its own context, which is gone when the commit comes
    after the view has returned: give it the officer's request again."""
    with request_context(request):
        address.send_confirmation(request)
