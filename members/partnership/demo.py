"""Demo members of the wider partnership for `make run`: every kind, route and interest, with
their consent records."""

import datetime

from django.utils import timezone

from home.models import Interest
from home.roles import WIDER_PARTNERSHIP_MEMBERS
from members.accounts.demo import DEMO_MEMBER_EMAIL, create_demo_account
from members.models import ConsentRecord, Member, User
from members.partnership import consent

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


def load_wider_partnership(stdout) -> None:
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
