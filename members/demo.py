"""Demo accounts for `make run`: an administrator and a Partnership officer, email verified,
with a two-factor authenticator whose codes `manage.py demo_logins` prints; the demo
Steering Group's seats, two of whose members show the induction (one half-way through, one
brand new); and the wider partnership: a few dozen members of every kind, route and interest,
one of whom can sign in."""

import datetime
from typing import NamedTuple

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import Interest, Organisation, OutgoingEmail, SteeringGroupSeat
from home.roles import PARTNERSHIP_OFFICERS, WIDER_PARTNERSHIP_MEMBERS
from members.demo_attendance import load_attendance
from members.demo_induction import load_induction
from members.models import AlertDelivery, ConsentRecord, Member, User
from members.services import alerts, consent

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


def load(stdout) -> None:
    _accounts(stdout)
    _steering_group_seats(stdout)
    load_induction(stdout, half_way_member=User.objects.filter(email=HALF_WAY_MEMBER).first())
    _wider_partnership(stdout)
    _alerts_sent(stdout)
    load_attendance(stdout)


def _accounts(stdout) -> None:
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


# (name, kind, organisation, route, email or postal address, interest slugs or "*theme")
# Names and addresses are invented, and none appears on any public page (the crawl checks).
DEMO_MEMBERS = [
    (
        "Imogen Tregarthen",
        "resident",
        "",
        "weekly_digest",
        DEMO_MEMBER_EMAIL,
        ["*theme", "homes-and-housing"],
    ),
    (
        "Dorcas Villiers-Mbeki",
        "resident",
        "",
        "email_at_once",
        "dorcas.vm@example.net",
        ["older-people", "culture-arts-and-leisure"],
    ),
    (
        "Faisal Okonjo-Hart",
        "worker",
        "",
        "weekly_digest",
        "f.okonjohart@example.com",
        ["*Learning", "north-kensington-regeneration"],
    ),
    (
        "Ysolde Marchbanks",
        "organisation",
        "Golborne Tenants' Forum",
        "email_at_once",
        "ysolde@golborne-tenants.example",
        ["homes-and-housing", "*Community Safety"],
    ),
    (
        "Tobiah Wenlock",
        "agency",
        "West London Integrated Care Board",
        "weekly_digest",
        "t.wenlock@wlicb.example",
        ["*Health", "older-people"],
    ),
    (
        "Perpetua Osei-Danso",
        "resident",
        "",
        "post",
        "Flat 3, 41 Ladroke Walk\nLondon",
        ["*Family", "equalities-and-community-cohesion"],
    ),
    (
        "Barnaby Quennell",
        "resident",
        "",
        "post",
        "9 Stowbury Mews\nLondon",
        ["environment-and-transport", "older-people"],
    ),
    (
        "Morwenna Ashdown-Patel",
        "worker",
        "",
        "email_at_once",
        "morwenna.ap@example.org",
        ["*Voluntary", "culture-arts-and-leisure"],
    ),
    (
        "Ezekiel Farquharson",
        "organisation",
        "Portobello Lunch Club",
        "post",
        "The Crypt, St Anselm's Hall\nLondon",
        ["older-people", "*Health"],
    ),
    (
        "Ottoline Rusbridge",
        "resident",
        "",
        "weekly_digest",
        "ottoline.r@example.net",
        ["environment-and-transport"],
    ),
    (
        "Kwabena Ellerby",
        "agency",
        "Metropolitan Police, Kensington and Chelsea",
        "email_at_once",
        "k.ellerby@met-police.example",
        ["*Community Safety"],
    ),
    (
        "Philippa Nwachukwu-Grey",
        "worker",
        "",
        "weekly_digest",
        "pnwgrey@example.com",
        ["*Learning", "*Family"],
    ),
    (
        "Leopold Strathairn",
        "resident",
        "",
        "post",
        "27 Calloway Crescent\nLondon",
        ["homes-and-housing"],
    ),
    (
        "Seraphina Dunkerley",
        "organisation",
        "Westway Young Musicians",
        "email_at_once",
        "seraphina@westway-music.example",
        ["culture-arts-and-leisure", "*Family"],
    ),
    (
        "Cuthbert Amankwah",
        "resident",
        "",
        "weekly_digest",
        "cuthbert.amankwah@example.org",
        ["north-kensington-regeneration", "equalities-and-community-cohesion"],
    ),
    (
        "Henrietta Polglase",
        "agency",
        "Greater London Authority",
        "weekly_digest",
        "h.polglase@gla-london.example",
        ["environment-and-transport", "north-kensington-regeneration"],
    ),
    (
        "Ignatius Okereke-Blythe",
        "worker",
        "",
        "email_at_once",
        "ignatius.ob@example.net",
        ["*Health"],
    ),
    (
        "Araminta Coldstream",
        "resident",
        "",
        "post",
        "2 Rowallan Terrace\nLondon",
        ["older-people", "culture-arts-and-leisure"],
    ),
    (
        "Jethro Macready",
        "organisation",
        "Dalgarno Community Trust",
        "weekly_digest",
        "jethro@dalgarno-trust.example",
        ["*Voluntary", "homes-and-housing"],
    ),
    (
        "Winifred Adebayo-Stone",
        "resident",
        "",
        "email_at_once",
        "winifred.as@example.com",
        ["equalities-and-community-cohesion"],
    ),
    (
        "Lucian Trevelyan-Osei",
        "worker",
        "",
        "weekly_digest",
        "lucian.to@example.org",
        ["*Learning"],
    ),
    (
        "Clementine Ravenscroft",
        "agency",
        "Kensington and Chelsea College",
        "email_at_once",
        "c.ravenscroft@kcc-college.example",
        ["*Learning", "*Family"],
    ),
    (
        "Augustus Penhaligon",
        "resident",
        "",
        "post",
        "15 Maudlin Gardens\nLondon",
        ["*Community Safety", "environment-and-transport"],
    ),
    (
        "Delphine Okwuosa",
        "resident",
        "",
        "weekly_digest",
        "delphine.okwuosa@example.net",
        ["*Health", "*Voluntary"],
    ),
    (
        "Rufus Abernethy-Khan",
        "organisation",
        "Silchester Residents' Association",
        "post",
        "c/o 8 Elgood House\nLondon",
        ["homes-and-housing", "north-kensington-regeneration"],
    ),
    (
        "Genevieve Tolputt",
        "worker",
        "",
        "email_at_once",
        "gtolputt@example.com",
        ["culture-arts-and-leisure"],
    ),
    (
        "Obadiah Fairweather",
        "resident",
        "",
        "weekly_digest",
        "obadiah.fw@example.org",
        ["older-people", "*Health"],
    ),
    (
        "Marisol Pendragon-Eze",
        "agency",
        "London Fire Brigade, North Kensington",
        "weekly_digest",
        "m.pendragon@lfb.example",
        ["*Community Safety", "environment-and-transport"],
    ),
    (
        "Cressida Ogunleye",
        "resident",
        "",
        "post",
        "44 Tavistock Piazza\nLondon",
        ["*Family", "equalities-and-community-cohesion"],
    ),
    (
        "Thaddeus Wolstenholme",
        "organisation",
        "Notting Dale Food Bank",
        "email_at_once",
        "thaddeus@nottingdale-food.example",
        ["*Voluntary", "older-people"],
    ),
    (
        "Beatrix Onwuachi",
        "worker",
        "",
        "weekly_digest",
        "beatrix.onwuachi@example.net",
        ["north-kensington-regeneration"],
    ),
    (
        "Casimir Blenkinsop",
        "resident",
        "",
        "email_at_once",
        "casimir.b@example.com",
        ["environment-and-transport", "culture-arts-and-leisure"],
    ),
]
POSTCODES = ["W10 6ZZ", "W11 1ZZ", "W10 5ZZ", "SW10 0ZZ", "W8 7ZZ", "SW3 4ZZ", "W14 8ZZ"]
CONSENT_METHODS = ["paper_form", "telephone", "at_event"]


def _interests(slugs) -> list[Interest]:
    found = []
    theme_groups = list(Interest.objects.filter(kind=Interest.Kind.THEME_GROUP))
    for slug in slugs:
        if slug == "*theme":
            found += theme_groups[:2]
        elif slug.startswith("*"):
            found += [interest for interest in theme_groups if interest.name.startswith(slug[1:])]
        else:
            found += list(Interest.objects.filter(slug=slug))
    return found


def _wider_partnership(stdout) -> None:
    if Member.objects.exists():
        return
    officer = User.objects.filter(email="officer@kcp.example").first()
    now = timezone.now()
    for number, (name, kind, organisation, route, contact, slugs) in enumerate(DEMO_MEMBERS):
        joined = now - datetime.timedelta(days=20 + number * 23)
        member = Member(
            name=name,
            kind=kind,
            organisation_name=organisation,
            route=route,
            status=Member.Status.PAUSED if number % 11 == 10 else Member.Status.ACTIVE,
            joined_at=joined,
            verified_at=joined,
            last_active_at=joined,
        )
        if route == Member.Route.POST:
            member.postal_address = contact
            member.postcode = POSTCODES[number % len(POSTCODES)]
            member.added_by = officer
        else:
            user = User.objects.filter(email=contact).first()
            if user is None:
                user, _ = create_demo_account(contact, "", "", groups=(WIDER_PARTNERSHIP_MEMBERS,))
            member.user = user
        member.save()
        member.interests.set(_interests(slugs))
        if member.is_postal:
            method = CONSENT_METHODS[number % len(CONSENT_METHODS)]
            consent.record_consent(member, method, given_at=joined, recorded_by=officer)
        else:
            consent.record_consent(member, ConsentRecord.Method.ONLINE, given_at=joined)
    stdout.write(f"Created {len(DEMO_MEMBERS)} wider partnership members.")


def _alerts_sent(stdout) -> None:
    """The demo papers and meetings published before the members existed become alerts to
    the members whose interests match, shown as sent (a demo emails nobody), one of them
    refused by a mail server, so the officers' "Alerts sent" screen has something to show.
    Events published after this go out through the worker like any new posting."""
    if AlertDelivery.objects.exists():
        return
    later = timezone.now() + datetime.timedelta(seconds=settings.KCP_ALERT_BUNDLE_SECONDS + 1)
    queued = alerts.send_due_postings(now=later)
    emails = OutgoingEmail.objects.filter(
        kind__in=alerts.ALERT_KINDS, state=OutgoingEmail.State.PENDING
    )
    refused = emails.order_by("pk").first()
    now = timezone.now()
    if refused is not None:
        emails.filter(pk=refused.pk).update(
            state=OutgoingEmail.State.FAILED,
            last_error="SMTPRecipientsRefused: 550 5.1.1 No such mailbox here (demo)",
        )
        AlertDelivery.objects.filter(email=refused).update(state=AlertDelivery.State.FAILED)
        alerts.pause_email(
            Member.objects.filter(alert_deliveries__email=refused),
            reason="550 5.1.1 No such mailbox here (demo)",
        )
    AlertDelivery.objects.filter(email__in=emails).update(
        state=AlertDelivery.State.SENT, sent_at=now
    )
    emails.update(state=OutgoingEmail.State.SENT, sent_at=now)
    stdout.write(f"Marked {queued} demo alerts as sent.")


def _steering_group_seats(stdout) -> None:
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
