"""What an account holds about its person (name, email addresses, two-factor methods, editor
preferences, sessions), for export and erasure through `kcp_personal_data`; and the wording the
members' register lines share."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from wagtail.users.models import UserProfile

from home.extension_points import RegisterEntry, row_as_dict, rows
from members.models import (
    User,
)

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
