"""Campaigns: their channels and short codes, who a campaign reaches (once each, never a
member, never anyone who said no), and the sign-ups traced to a channel.

A code is a path, /j/<code>, never a query parameter: the page cache in front strips
tracking parameters. Codes use letters and digits that cannot be mistaken for each other
when typed from a poster (no 0, 1, I, L or O)."""

import dataclasses
import datetime
import secrets
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count

from members.models import Member

from .contacts import check_officer, digest, may_email, may_post, normalise_address, normalise_email
from .exceptions import OutreachError, UnknownCode
from .models import Campaign, Channel, Contact, Contacting, OutreachList, SignUp, Suppression

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(typed: str) -> str:
    """What a person typed, as a code: spaces, dashes and case ignored."""
    return "".join(typed.replace("-", " ").split()).upper()[: CODE_LENGTH * 2]


@transaction.atomic
def add_channel(officer, campaign: Campaign, kind: str, place: str = "") -> Channel:
    check_officer(officer)
    if kind not in Channel.Kind.values:
        raise OutreachError("Choose a channel from the list.")
    for _ in range(10):
        try:
            with transaction.atomic():
                return Channel.objects.create(
                    campaign=campaign, kind=kind, place=place.strip(), code=new_code()
                )
        except IntegrityError:
            continue
    raise OutreachError("No free code was found: try again.")


@dataclasses.dataclass(frozen=True)
class CampaignDetails:
    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    lists: tuple[OutreachList, ...]
    kinds: tuple[str, ...]
    message: str

    def check(self) -> None:
        if self.ends_on < self.starts_on:
            raise OutreachError("The campaign must end on or after the day it starts.")
        if not self.message.strip():
            raise OutreachError("Write the message the letters and emails carry.")
        if Campaign.objects.filter(name=self.name).exists():
            raise OutreachError("A campaign has this name already: choose another.")


@transaction.atomic
def create_campaign(officer, details: CampaignDetails) -> Campaign:
    """A campaign with its letter and email channels; posters are added per place."""
    check_officer(officer)
    details.check()
    campaign = Campaign.objects.create(
        name=details.name,
        starts_on=details.starts_on,
        ends_on=details.ends_on,
        kinds=list(details.kinds),
        message=details.message,
    )
    campaign.lists.set(details.lists)
    add_channel(officer, campaign, Channel.Kind.LETTER)
    add_channel(officer, campaign, Channel.Kind.EMAIL)
    return campaign


def channel_of(campaign: Campaign, kind: str) -> Channel:
    return campaign.channels.filter(kind=kind).order_by("pk").first()


# --- Who a campaign reaches -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Audience:
    """Who a campaign's next run reaches: by email where PECR allows, else by post."""

    emails: tuple[Contact, ...]
    letters: tuple[Contact, ...]
    left_out: int


def _members_keys() -> set[str]:
    """Every member's email address and postal address, normalised: they are not contacted."""
    keys = {
        normalise_email(email)
        for email in get_user_model()
        .objects.filter(membership__isnull=False)
        .values_list("email", flat=True)
    }
    for address, postcode in Member.objects.exclude(postal_address="").values_list(
        "postal_address", "postcode"
    ):
        keys.add(normalise_address(address, postcode))
    return keys


def _keys_of(contact: Contact) -> set[str]:
    keys = set()
    if contact.email:
        keys.add(normalise_email(contact.email))
    if may_post(contact):
        keys.add(normalise_address(contact.postal_address, contact.postcode))
    return keys


def audience(campaign: Campaign) -> Audience:
    """The contacts of the campaign's lists (and kinds) not yet contacted by it: each person
    once, however many lists they are on; never a member; never anyone suppressed. Four
    queries, whatever the lists' size."""
    contacts = Contact.objects.filter(outreach_list__in=campaign.lists.all()).order_by("pk")
    if campaign.kinds:
        contacts = contacts.filter(kind__in=campaign.kinds)
    suppressed = set(Suppression.objects.values_list("digest", flat=True))
    seen = _members_keys()
    for contacted in Contact.objects.filter(contactings__campaign=campaign):
        seen |= _keys_of(contacted)
    emails, letters, left_out = [], [], 0
    for contact in contacts:
        keys = _keys_of(contact)
        if not keys or keys & seen or {digest(key) for key in keys} & suppressed:
            left_out += 1
            continue
        seen |= keys
        if may_email(contact):
            emails.append(contact)
        elif may_post(contact):
            letters.append(contact)
        else:
            left_out += 1
    return Audience(emails=tuple(emails), letters=tuple(letters), left_out=left_out)


def record_contacted(campaign: Campaign, channel: Channel, contacts: Iterable[Contact]) -> int:
    made = Contacting.objects.bulk_create(
        [Contacting(campaign=campaign, channel=channel, contact=contact) for contact in contacts],
        ignore_conflicts=True,
    )
    return len(made)


# --- Codes and sign-ups -----------------------------------------------------------------------


def channel_for_code(code: str) -> Channel:
    channel = Channel.objects.select_related("campaign").filter(code=clean_code(code or "")).first()
    if channel is None:
        raise UnknownCode(
            "We do not know that code: check it against the letter or poster, or leave it out."
        )
    return channel


@transaction.atomic
def attribute_sign_up(member: Member, *, followed: str = "", typed: str = "") -> SignUp | None:
    """Count a sign-up against the channel whose link the person followed or whose code they
    typed on the join form (the typed one wins: they told us). Unknown codes count nothing."""
    for code, how in ((typed, SignUp.How.TYPED), (followed, SignUp.How.LINK)):
        if not code:
            continue
        try:
            channel = channel_for_code(code)
        except UnknownCode:
            continue
        sign_up, _ = SignUp.objects.get_or_create(
            member=member, defaults={"channel": channel, "how": how}
        )
        return sign_up
    return None


def sign_ups_by_channel():
    """Every channel with its sign-ups and contacts made, campaign by campaign: one query."""
    return (
        Channel.objects.select_related("campaign")
        .annotate(
            sign_up_count=Count("sign_ups", distinct=True),
            contacted_count=Count("contactings", distinct=True),
        )
        .order_by("-campaign__starts_on", "campaign__name", "kind", "place")
    )
