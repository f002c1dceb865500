"""The personal data of a person's account, for export and erasure (kcp_personal_data): their
name, email addresses and whether they use two-factor authentication."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction

from .models import User


@dataclass(frozen=True)
class AccountData:
    name: str = "account"
    models: tuple = (User, EmailAddress, Authenticator)

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
        }

    @transaction.atomic
    def erase(self, user) -> None:
        """The account row stays (other records point at it) but names nobody and can no
        longer sign in."""
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        user.first_name = ""
        user.last_name = ""
        user.email = f"erased-{user.pk}@invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save()
