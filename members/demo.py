"""Demo accounts for `make run`: an administrator and a Partnership officer, email verified,
with a two-factor authenticator whose codes `manage.py demo_two_factor_code` prints."""

from typing import NamedTuple

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from home.roles import PARTNERSHIP_OFFICERS

from .models import User

DEMO_PASSWORD = "kcp-demo-password"
# A fixed secret so the demo can print working codes; real accounts set up their own.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPKCPDEMO2"


class DemoAccount(NamedTuple):
    role: str
    email: str
    first_name: str
    last_name: str
    is_superuser: bool = False
    groups: tuple[str, ...] = ()
    # Officers and publishers must use two-factor; lead officers need not (they only submit).
    uses_two_factor: bool = True


def _lead_officer(group_title: str, email: str, first_name: str, last_name: str) -> DemoAccount:
    """A theme group's demo lead officer. The group's "Lead officers: …" Django group is made
    by the theme groups' demo content, which loads before this."""
    return DemoAccount(
        f"Lead officer, {group_title}",
        email,
        first_name,
        last_name,
        groups=(f"Lead officers: {group_title}",),
        uses_two_factor=False,
    )


DEMO_ACCOUNTS = [
    DemoAccount("Administrator", "admin@kcp.example", "Demo", "Administrator", is_superuser=True),
    DemoAccount(
        "Partnership officer",
        "officer@kcp.example",
        "Rachel",
        "Smith",
        groups=(PARTNERSHIP_OFFICERS,),
    ),
    _lead_officer("Health and Well-Being Partnership", "lead.health@kcp.example", "Anna", "Patel"),
    _lead_officer(
        "Family and Children's Strategic Partnership", "lead.children@kcp.example", "Sarah", "Jones"
    ),
    _lead_officer(
        "Learning, Work and Business theme group", "lead.learning@kcp.example", "Peter", "Green"
    ),
    _lead_officer("Community Safety Programme Board", "lead.safety@kcp.example", "Tom", "Hughes"),
    _lead_officer("Voluntary Organisations Forum", "lead.voluntary@kcp.example", "Maria", "Lopez"),
    _lead_officer("Agenda Planning sub-group", "lead.agenda@kcp.example", "Rachel", "Smith"),
    _lead_officer("Community Strategy sub-group", "lead.strategy@kcp.example", "Helen", "Kay"),
]


def create_demo_account(
    email, first_name, last_name, *, is_superuser=False, groups=(), stdout=None
):
    """An account with a verified email address; an existing one is left as it is."""
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "is_superuser": is_superuser,
            "is_staff": is_superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if stdout:
            stdout.write(f"Created demo account {email}")
    return user, created


def load(stdout) -> None:
    for account in DEMO_ACCOUNTS:
        user, created = create_demo_account(
            account.email,
            account.first_name,
            account.last_name,
            is_superuser=account.is_superuser,
            groups=account.groups,
            stdout=stdout,
        )
        if (
            created
            and account.uses_two_factor
            and not Authenticator.objects.filter(user=user).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
