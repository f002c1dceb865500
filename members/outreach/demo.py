"""Outreach's demo content: three lists, the launch campaign with its letters prepared, a
poster and a flyer, sign-ups traced to them, and the figures counted from the demo members.
Idempotent: nothing is added once the campaign exists."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from members.models import Member

from . import figures
from .campaigns import CampaignDetails, add_channel, create_campaign
from .contacts import ContactDetails, add_contact
from .models import Campaign, Channel, MembershipTally, OutreachList, SignUp
from .sending import prepare_letters

CAMPAIGN = "Launch month: join the wider partnership"
LEGITIMATE = "legitimate_interests"

GROUPS = [
    (
        "Ayesha Rahman",
        "North Kensington Law Centre",
        "voluntary_group",
        "info@nklc.example",
        "74 Golborne Road\nLondon",
        "W10 5PS",
    ),
    (
        "",
        "Chelsea Older People's Forum",
        "voluntary_group",
        "",
        "1 Dovehouse Street\nLondon",
        "SW3 6JY",
    ),
    ("", "Portobello Traders' Association", "business", "hello@portobello-traders.example", "", ""),
    (
        "Tom Okafor",
        "Lancaster West Residents' Association",
        "residents_association",
        "",
        "Lancaster West Estate Office\nLondon",
        "W11 1QG",
    ),
    (
        "",
        "World's End Tenants' Association",
        "residents_association",
        "",
        "15 Blantyre Street\nLondon",
        "SW10 0DS",
    ),
]


def _backfill_figures() -> None:
    """The demo's members were made without their history: count each one's join (and leave)
    once, in the month they joined."""
    if MembershipTally.objects.exists():
        return
    for member in Member.objects.exclude(status=Member.Status.AWAITING_VERIFICATION):
        figures.count_movement(member, figures.Movement.JOINED, member.joined_at)
        if member.status == Member.Status.LEFT:
            figures.count_movement(member, figures.Movement.LEFT, member.last_active_at)


@transaction.atomic
def load(stdout) -> None:
    if Campaign.objects.filter(name=CAMPAIGN).exists():
        return
    officer = get_user_model().objects.filter(email="officer@kcp.example").first()
    if officer is None:
        return
    groups = OutreachList.objects.create(
        name="Voluntary and community groups, businesses and associations",
        description="From the council's directory of local groups and the traders' lists.",
    )
    for name, organisation, kind, email, address, postcode in GROUPS:
        add_contact(
            officer,
            groups,
            ContactDetails(
                name=name, organisation=organisation, kind=kind, email=email,
                is_corporate_email=bool(email), postal_address=address, postcode=postcode,
                source="Council directory of local groups, 2026", lawful_basis=LEGITIMATE,
                has_consented_to_email=False,
            ),
        )  # fmt: skip
    respondents = OutreachList.objects.create(
        name="Respondents to past consultations who agreed to be contacted",
        description="People who ticked “keep me informed” on a consultation response.",
    )
    add_contact(
        officer,
        respondents,
        ContactDetails(
            name="Maria Santos", organisation="", kind="past_respondent",
            email="maria.santos@example.org", is_corporate_email=False, postal_address="",
            postcode="", source="Community Strategy consultation response form, 2025",
            lawful_basis="consent", has_consented_to_email=True,
        ),
    )  # fmt: skip
    today = timezone.localdate()
    campaign = create_campaign(
        officer,
        CampaignDetails(
            name=CAMPAIGN,
            starts_on=today - datetime.timedelta(days=20),
            ends_on=today + datetime.timedelta(days=40),
            lists=(groups, respondents),
            kinds=(),
            message="The Kensington and Chelsea Partnership brings the council, the NHS, the "
            "police, local groups and residents together on the borough's Community Strategy.\n\n"
            "Join its wider partnership, free, to hear about its papers and meetings and to "
            "have your say on the subjects you choose.",
        ),
    )
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    add_channel(officer, campaign, Channel.Kind.FLYER, "Chelsea Library")
    prepare_letters(officer, campaign)
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)
    members = Member.objects.filter(status=Member.Status.ACTIVE).order_by("pk")
    for number, member in enumerate(members[:9]):
        SignUp.objects.get_or_create(
            member=member,
            defaults={
                "channel": poster if number % 3 else letter,
                "how": SignUp.How.TYPED if number % 2 else SignUp.How.LINK,
            },
        )
    _backfill_figures()
    figures.count_members()
    stdout.write(f"Outreach: the campaign “{CAMPAIGN}” with its lists, codes and sign-ups.")
