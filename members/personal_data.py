"""The personal data members stores, for export and erasure (kcp_personal_data): the account
(name, email addresses, two-factor methods, editor preferences and the sessions they are signed
in with), induction progress, pairings and the skills and interests audit. The wider
partnership's own holders are in members.services.data_rights."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from wagtail.users.models import UserProfile

from home.extension_points import RegisterEntry, row_as_dict, rows
from members.models import (
    InductionReminder,
    MeetingAttendance,
    ModuleCompletion,
    Pairing,
    SkillsAuditAnswers,
    User,
)
from members.services.shadowing import pairings_of

ACCOUNT_REGISTER = (
    RegisterEntry(
        "Your account: sign-in details, when you last signed in, whether you are signed in "
        "now, and the two-factor authenticator of officers and editors",
        (
            "members.User.*",
            "mfa.Authenticator.*",
            "wagtailusers.UserProfile.*",
            "sessions.Session.*",
        ),
        "To let you sign in and keep your account secure.",
        "Consent, for members; public task, for officers and editors (article 6(1)(e))",
        "Partnership officers (the KCP support team) only",
        "As long as your account; deleted with it.",
    ),
)

OFFICERS_ONLY = "Partnership officers (the KCP support team) only"
STEERING_GROUP_BASIS = "Public task (UK GDPR article 6(1)(e))"

INDUCTION_REGISTER = (
    RegisterEntry(
        "Your induction: the modules you marked done and when, and when officers were told "
        "you had not started",
        ("members.ModuleCompletion.*", "members.InductionReminder.*"),
        "To help new Steering Group members find their feet, and officers to offer help.",
        STEERING_GROUP_BASIS,
        f"You; {OFFICERS_ONLY}",
        "As long as your account; deleted with it.",
    ),
)

PAIRINGS_REGISTER = (
    RegisterEntry(
        "Shadowing and meet-a-member pairings: who you are paired with, for which meeting, "
        "what to expect, who arranged it and when it was done",
        ("members.Pairing.*",),
        "To introduce new Steering Group members to existing ones.",
        STEERING_GROUP_BASIS,
        f"You and the member you are paired with; {OFFICERS_ONLY}",
        "As long as either member's account; deleted with it.",
    ),
)

SKILLS_AUDIT_REGISTER = (
    RegisterEntry(
        "Your answers to the skills and interests audit: your expertise, the themes you are "
        "interested in and the training you would like",
        ("members.SkillsAuditAnswers.*",),
        "To plan the Steering Group's training and match members to the work.",
        STEERING_GROUP_BASIS,
        f"You; {OFFICERS_ONLY}",
        "Until you change them, or as long as your account; deleted with it.",
    ),
)


ATTENDANCE_REGISTER = (
    RegisterEntry(
        "Your attendance at Steering Group meetings: for each meeting and seat, whether you "
        "were present, sent apologies, were absent or a named deputy attended, and which "
        "officer recorded it and when",
        ("members.MeetingAttendance.*",),
        "To monitor attendance through the year and raise any concern with the Chairman, as "
        "the 2009 review of the Partnership asks.",
        STEERING_GROUP_BASIS,
        f"You (your own record, on your dashboard); {OFFICERS_ONLY}",
        "As long as the Steering Group's records of its meetings; the officer who recorded "
        "it is forgotten if they ask us to erase their data.",
    ),
)


def sessions_of(user) -> list[Session]:
    """Sessions signed in as the user, or holding their address (a sign-in half done)."""
    found = []
    for session in Session.objects.all().iterator():
        decoded = session.get_decoded()
        if str(decoded.get("_auth_user_id", "")) == str(user.pk) or user.email in str(decoded):
            found.append(session)
    return found


@dataclass(frozen=True)
class AccountData:
    name: str = "account"
    models: tuple = (User, EmailAddress, Authenticator, UserProfile, Session)
    register: tuple = ACCOUNT_REGISTER

    def export(self, user) -> dict:
        return {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
            "two_factor_methods": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
            # Every field, as stored (secrets shown only as set or not set).
            "account_record": row_as_dict(user),
            "email_address_records": rows(EmailAddress.objects.filter(user=user)),
            "two_factor_records": rows(Authenticator.objects.filter(user=user)),
            "editor_preferences": rows(UserProfile.objects.filter(user=user)),
            "signed_in_sessions": len(sessions_of(user)),
        }

    @transaction.atomic
    def erase(self, user) -> None:
        """The account row stays (other records point at it) but names nobody and can no
        longer sign in."""
        sessions = [session.pk for session in sessions_of(user)]
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        UserProfile.objects.filter(user=user).delete()
        Session.objects.filter(pk__in=sessions).delete()
        user.first_name = ""
        user.last_name = ""
        user.email = f"erased-{user.pk}@invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save()


@dataclass(frozen=True)
class InductionData:
    name: str = "Induction progress"
    models: tuple = (ModuleCompletion, InductionReminder)
    register: tuple = INDUCTION_REGISTER

    def export(self, user) -> dict:
        return {
            "modules_done": [
                {"module": done.module.title, "completed_at": done.completed_at.isoformat()}
                for done in ModuleCompletion.objects.filter(member=user)
                .select_related("module")
                .order_by("completed_at")
            ],
            "officers_told_not_started_at": [
                reminder.sent_at.isoformat()
                for reminder in InductionReminder.objects.filter(member=user)
            ],
        }

    @transaction.atomic
    def erase(self, user) -> None:
        ModuleCompletion.objects.filter(member=user).delete()
        InductionReminder.objects.filter(member=user).delete()


@dataclass(frozen=True)
class PairingsData:
    name: str = "Shadowing and meet-a-member pairings"
    models: tuple = (Pairing,)
    register: tuple = PAIRINGS_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "kind": pairing.get_kind_display(),
                "new_member": str(pairing.new_member),
                "existing_member": str(pairing.existing_member),
                "meeting": pairing.meeting.title if pairing.meeting else "",
                "arranged_at": pairing.arranged_at.isoformat(),
                "completed_at": pairing.completed_at.isoformat() if pairing.completed_at else "",
            }
            for pairing in pairings_of(user)
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """A pairing is about the two members: erasing either removes it. Officers who
        arranged or closed a pairing are forgotten from the others."""
        pairings_of(user).delete()
        Pairing.objects.filter(arranged_by=user).update(arranged_by=None)
        Pairing.objects.filter(completed_by=user).update(completed_by=None)


@dataclass(frozen=True)
class SkillsAuditData:
    name: str = "Skills and interests audit"
    models: tuple = (SkillsAuditAnswers,)
    register: tuple = SKILLS_AUDIT_REGISTER

    def export(self, user) -> dict:
        answers = SkillsAuditAnswers.objects.filter(member=user).first()
        if answers is None:
            return {}
        return {
            "expertise": answers.expertise,
            "themes": answers.theme_labels,
            "training": answers.training_labels,
            "updated_at": answers.updated_at.isoformat(),
        }

    @transaction.atomic
    def erase(self, user) -> None:
        SkillsAuditAnswers.objects.filter(member=user).delete()


@dataclass(frozen=True)
class AttendanceData:
    name: str = "Steering Group attendance"
    models: tuple = (MeetingAttendance,)
    register: tuple = ATTENDANCE_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "meeting": record.meeting.title,
                "meeting_start": record.meeting.start.isoformat(),
                "seat": record.seat.title,
                "attendance": record.get_status_display(),
                "deputy": record.deputy_name,
                "recorded_at": record.recorded_at.isoformat(),
            }
            for record in MeetingAttendance.objects.filter(seat__person=user)
            .select_related("meeting", "seat")
            .order_by("meeting__start")
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """A meeting's attendance is part of the Steering Group's record (its minutes name
        who came), so the member's own rows stay with their seat; an officer who recorded
        attendance is forgotten."""
        MeetingAttendance.objects.filter(recorded_by=user).update(recorded_by=None)
