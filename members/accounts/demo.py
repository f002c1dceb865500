"""Demo accounts for `make run`: an administrator, Partnership officers, lead officers and
Steering Group members, email verified, officers with a two-factor authenticator whose codes
`manage.py demo_logins` prints; and the demo Steering Group's seats."""

import datetime
from typing import NamedTuple

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import Organisation, SteeringGroupSeat
from home.roles import PARTNERSHIP_OFFICERS, WIDER_PARTNERSHIP_MEMBERS
from members.models import User

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
    DemoAccount(
        "Wider partnership member",
        "member@kcp.example",
        "Imogen",
        "Tregarthen",
        groups=(WIDER_PARTNERSHIP_MEMBERS,),
        uses_two_factor=False,
    ),
    # Steering Group members get their role from their seat (STEERING_GROUP_SEATS below).
    DemoAccount(
        "Steering Group member, half-way through induction",
        "maria.lopez@kcp.example",
        "Maria",
        "Lopez",
        uses_two_factor=False,
    ),
    DemoAccount(
        "Steering Group member, new: nothing done yet",
        "alan.brown@kcp.example",
        "Alan",
        "Brown",
        uses_two_factor=False,
    ),
]


HALF_WAY_MEMBER = "maria.lopez@kcp.example"


NEW_MEMBER = "alan.brown@kcp.example"


# The demo Steering Group (from the seed papers' membership list): organisation, email,
# first and last name, seat, deputy, and how many days ago they joined.
STEERING_GROUP_SEATS = [
    (
        "Royal Borough of Kensington and Chelsea",
        "merrick.cockell@kcp.example",
        "Merrick",
        "Cockell",
        "Chairman: Leader of the Council",
        "Councillor Daniel Moylan, Deputy Leader",
        2400,
    ),
    (
        "Royal Borough of Kensington and Chelsea",
        "derek.myers@kcp.example",
        "Derek",
        "Myers",
        "Town Clerk and Chief Executive",
        "",
        2000,
    ),
    (
        "NHS Kensington and Chelsea",
        "michael.wilson@kcp.example",
        "Michael",
        "Wilson",
        "Health representative",
        "",
        900,
    ),
    (
        "Kensington and Chelsea Social Council",
        HALF_WAY_MEMBER,
        "Maria",
        "Lopez",
        "Voluntary sector representative",
        "",
        40,
    ),
    (
        "Kensington and Chelsea College",
        NEW_MEMBER,
        "Alan",
        "Brown",
        "Learning and skills representative",
        "",
        2,
    ),
]


DEMO_MEMBER_EMAIL = "member@kcp.example"


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


def load_accounts(stdout) -> None:
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


def load_steering_group_seats(stdout) -> None:
    """Seats for the demo Steering Group; each gives its holder the members' role."""
    today = timezone.localdate()
    for name, email, first_name, last_name, title, deputy, days_ago in STEERING_GROUP_SEATS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            continue
        user, _ = create_demo_account(email, first_name, last_name, stdout=stdout)
        SteeringGroupSeat.objects.get_or_create(
            person=user,
            organisation=organisation,
            defaults={
                "title": title,
                "deputy": deputy,
                "joined": today - datetime.timedelta(days=days_ago),
            },
        )
